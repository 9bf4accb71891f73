package org.ringback.importer.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.ringback.callback.web.StaffPage;
import org.ringback.identity.CurrentUser;
import org.ringback.identity.Identity;
import org.ringback.importer.BackgroundImports;
import org.ringback.importer.CallImport;
import org.ringback.importer.ImportJob;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The managers' import page: upload a call log or callback list, follow its progress (the job fragment polls
 * itself with htmx until the import ends), see the result and download the error report.
 */
@Controller
@StaffPage
class ImportPage {

    /** What the page shows of a job: the job and its progress in words. */
    record JobView(ImportJob job, String phase, String rate, String eta) {
    }

    private final BackgroundImports background;
    private final CallImport imports;
    private final PracticeDirectory practices;
    private final Identity identity;
    private final MessageSource messages;

    ImportPage(BackgroundImports background, CallImport imports, PracticeDirectory practices, Identity identity, MessageSource messages) {
        this.background = background;
        this.imports = imports;
        this.practices = practices;
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/practices/{practiceId}/imports")
    String list(@PathVariable UUID practiceId, Model model) {
        identity.requireManager(practiceId);
        model.addAttribute("practice", practices.get(practiceId));
        model.addAttribute("jobs", imports.recent(practiceId).stream().map(this::view).toList());
        return "importer/imports";
    }

    @PostMapping("/practices/{practiceId}/imports")
    String upload(@PathVariable UUID practiceId, @RequestParam("file") MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean partial, @RequestParam(defaultValue = "") String columns,
                  RedirectAttributes redirect) throws IOException {
        CurrentUser user = identity.requireManager(practiceId);
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", text("import.noFile"));
            return "redirect:/practices/" + practiceId + "/imports";
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String line : columns.split("\\R")) {
            int eq = line.lastIndexOf('=');
            if (line.isBlank()) {
                continue;
            }
            if (eq <= 0 || eq == line.strip().length() - 1) {
                redirect.addFlashAttribute("error", text("import.badMapping"));
                return "redirect:/practices/" + practiceId + "/imports";
            }
            mapping.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        Path upload = Files.createTempFile("ringback-import-", ".csv");
        file.transferTo(upload);
        UUID jobId = background.submit(practiceId, user.username(), upload, new CallImport.Options(partial, mapping));
        return "redirect:/practices/" + practiceId + "/imports/" + jobId;
    }

    @GetMapping("/practices/{practiceId}/imports/{jobId}")
    String show(@PathVariable UUID practiceId, @PathVariable UUID jobId, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx) {
        identity.requireManager(practiceId);
        ImportJob job = imports.find(practiceId, jobId).orElseThrow(() -> new Refusal.NotFound("Import"));
        model.addAttribute("practice", practices.get(practiceId));
        model.addAttribute("view", view(job));
        return htmx != null ? "importer/import :: job" : "importer/import";
    }

    @GetMapping("/practices/{practiceId}/imports/{jobId}/errors.csv")
    void report(@PathVariable UUID practiceId, @PathVariable UUID jobId, HttpServletResponse response) throws IOException {
        identity.requireManager(practiceId);
        imports.find(practiceId, jobId).orElseThrow(() -> new Refusal.NotFound("Import"));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-errors-" + jobId + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        imports.writeReport(practiceId, jobId, out);
        out.flush();
    }

    private JobView view(ImportJob job) {
        boolean checking = job.status() == ImportJob.Status.CHECKING;
        String rate = job.rate().map(r -> checking
                ? text("import.rateBytes", String.format("%.1f", r / (1 << 20)))
                : text("import.rateRows", String.format("%,.0f", r))).orElse("");
        String eta = job.finished() ? "" : job.eta().map(ImportPage::duration).map(d -> text("import.eta", d)).orElse("");
        return new JobView(job, text("import.status." + job.status().name()), rate, eta);
    }

    private static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
