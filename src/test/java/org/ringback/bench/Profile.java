package org.ringback.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a request thread's time goes, from a Java Flight Recorder file: the method samples of Tomcat's request
 * threads in a time window, each charged to the first frame (from the top) outside the JDK, grouped by library.
 * On-CPU samples (jdk.ExecutionSample) and samples in native code, such as waiting on a socket for PostgreSQL
 * (jdk.NativeMethodSample), are counted apart.
 */
final class Profile {

    /** Package prefixes, most specific first, and the name a report gives them. */
    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("org.postgresql.", "PostgreSQL JDBC driver");
        LAYERS.put("com.zaxxer.hikari.", "HikariCP");
        LAYERS.put("org.thymeleaf.", "Thymeleaf");
        LAYERS.put("org.attoparser.", "Thymeleaf (attoparser)");
        LAYERS.put("org.springframework.expression.", "SpEL");
        LAYERS.put("org.springframework.context.support.", "Spring MessageSource");
        LAYERS.put("org.springframework.security.", "Spring Security");
        LAYERS.put("org.springframework.jdbc.", "Spring JDBC");
        LAYERS.put("tools.jackson.", "Jackson");
        LAYERS.put("com.fasterxml.jackson.", "Jackson");
        LAYERS.put("org.springframework.", "Spring (other)");
        LAYERS.put("org.apache.", "Tomcat");
        LAYERS.put("org.ringback.", "Ringback");
    }

    record Breakdown(int samples, Map<String, Integer> byLayer, Map<String, Integer> topFrames, Map<String, Integer> inclusive) {
    }

    private Profile() {
    }

    /** Samples of threads whose name contains {@code -exec-} (Tomcat's request threads) between from and to. */
    static Map<String, Breakdown> read(Path recording, Instant from, Instant to, List<String> inclusiveMarkers) throws IOException {
        Map<String, List<RecordedStackTrace>> stacks = new LinkedHashMap<>();
        stacks.put("jdk.ExecutionSample", new ArrayList<>());
        stacks.put("jdk.NativeMethodSample", new ArrayList<>());
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (!stacks.containsKey(type) || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                continue;
            }
            var thread = event.getThread("sampledThread");
            if (thread == null || thread.getJavaName() == null || !thread.getJavaName().contains("-exec-") || event.getStackTrace() == null) {
                continue;
            }
            stacks.get(type).add(event.getStackTrace());
        }
        Map<String, Breakdown> breakdowns = new LinkedHashMap<>();
        stacks.forEach((type, samples) -> breakdowns.put(type, breakdown(samples, inclusiveMarkers)));
        return breakdowns;
    }

    private static Breakdown breakdown(List<RecordedStackTrace> samples, List<String> inclusiveMarkers) {
        Map<String, Integer> byLayer = new TreeMap<>();
        Map<String, Integer> topFrames = new TreeMap<>();
        Map<String, Integer> inclusive = new LinkedHashMap<>();
        inclusiveMarkers.forEach(marker -> inclusive.put(marker, 0));
        for (RecordedStackTrace stack : samples) {
            List<RecordedFrame> frames = stack.getFrames();
            String layer = "JDK only";
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                String found = LAYERS.entrySet().stream().filter(e -> type.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
                if (found != null) {
                    layer = found;
                    break;
                }
            }
            byLayer.merge(layer, 1, Integer::sum);
            if (!frames.isEmpty()) {
                var top = frames.get(0).getMethod();
                topFrames.merge(top.getType().getName() + "." + top.getName(), 1, Integer::sum);
            }
            for (String marker : inclusiveMarkers) {
                if (frames.stream().anyMatch(f -> (f.getMethod().getType().getName() + "." + f.getMethod().getName()).contains(marker))) {
                    inclusive.merge(marker, 1, Integer::sum);
                }
            }
        }
        return new Breakdown(samples.size(), byLayer, topFrames, inclusive);
    }
}
