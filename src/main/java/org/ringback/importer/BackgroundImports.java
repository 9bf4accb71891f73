package org.ringback.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs uploaded imports one after another on one background thread, so a page can poll their progress and a
 * large file never ties up a request thread. The uploaded copy is deleted when its import ends.
 */
@Service
public class BackgroundImports {

    private static final Logger log = LoggerFactory.getLogger(BackgroundImports.class);

    private final CallImport imports;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "import");
        thread.setDaemon(true);
        return thread;
    });

    BackgroundImports(CallImport imports) {
        this.imports = imports;
    }

    /** Registers the import (audited) and queues it; the answer is the job to follow. */
    public UUID submit(UUID practiceId, String by, Path upload, CallImport.Options options) {
        UUID jobId = imports.start(practiceId, by, ImportJob.Source.UPLOAD, options.partial());
        worker.submit(() -> {
            try {
                imports.run(practiceId, jobId, upload, options, CallImport.Progress.NONE);
            } finally {
                try {
                    Files.deleteIfExists(upload);
                } catch (IOException e) {
                    log.warn("Could not delete the uploaded file of import {}", jobId);
                }
            }
        });
        return jobId;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
