package org.ringback.scripts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The scripts every practice starts with (classpath {@code scripts/defaults.properties}): one per situation and
 * language for any category, plus any detailed variants the file lists. Loading refuses a file that misses a
 * situation or language, or whose scripts do not pass the {@link ScriptLint}: defaults must be safe as shipped.
 */
final class DefaultScripts {

    private static final String RESOURCE = "scripts/defaults.properties";

    private DefaultScripts() {
    }

    static List<Script> all() {
        return Loaded.SCRIPTS;
    }

    /** Parses and checks a defaults file: keys {@code SITUATION.language} or {@code SITUATION.language.detailed}. */
    static List<Script> parse(Reader reader, String source, ScriptLint lint) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        List<Script> scripts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : properties.stringPropertyNames()) {
            String[] parts = name.split("\\.", -1);
            boolean detailed = parts.length == 3 && parts[2].equals("detailed");
            if (parts.length != 2 && !detailed) {
                problems.add(name + ": expected SITUATION.language or SITUATION.language.detailed");
                continue;
            }
            ScriptKey key;
            try {
                key = new ScriptKey(ScriptKey.ANY, Situation.valueOf(parts[0]), parts[1], detailed);
            } catch (RuntimeException e) {
                problems.add(name + ": " + e.getMessage());
                continue;
            }
            String text = properties.getProperty(name).strip();
            var verdict = lint.check(key.situation(), key.detailed(), text);
            if (text.isEmpty()) {
                problems.add(name + ": is blank");
            } else if (!verdict.allowed()) {
                problems.add(name + ": refused by the lint: " + verdict.found());
            } else {
                scripts.add(Script.byDefault(key, text));
            }
        }
        for (Situation situation : Situation.values()) {
            for (String language : ScriptKey.LANGUAGES) {
                if (properties.getProperty(situation + "." + language) == null) {
                    problems.add(situation + "." + language + ": missing");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(source + " has invalid default scripts: " + String.join("; ", problems));
        }
        return ScriptSelection.merge(scripts, List.of());
    }

    /** Parsed once, on first use: the defaults never change while the application runs. */
    private static final class Loaded {
        static final List<Script> SCRIPTS = load();

        private static List<Script> load() {
            try (InputStream in = DefaultScripts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing classpath resource " + RESOURCE);
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE, ScriptLint.withDefaults());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCE, e);
            }
        }
    }
}
