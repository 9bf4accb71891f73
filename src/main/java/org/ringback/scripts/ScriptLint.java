package org.ringback.scripts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The privacy rule for unattended messages (DESIGN.md "Scripts"): a voicemail, text or final-attempt script
 * that anyone with access to the phone may hear or read carries no reason, category details or clinical words,
 * unless it is the detailed variant for patients who consented to detailed messages. Every script, attended or
 * not, may use only known placeholders, so a rendered script never shows a raw {@code {...}}.
 *
 * <p>Words are matched as whole words, ignoring case, accents ("diagnostico" = "diagnóstico") and apostrophes;
 * a phrase matches its words in order with any spaces or punctuation between them ("x-ray" = "X ray"). There is
 * no stemming: the list names each inflection that matters. Both languages' words apply to every script, so an
 * English word in a Spanish script is caught too.
 */
final class ScriptLint {

    /** Why part of a script is refused. */
    enum Rule { SENSITIVE_PLACEHOLDER, SENSITIVE_WORD, UNKNOWN_PLACEHOLDER, STRAY_BRACE }

    /** One refused part, as the word list or placeholder spells it (never more of the script than that). */
    record Offence(String found, Rule rule) {
        String message() {
            return switch (rule) {
                case SENSITIVE_WORD -> "'" + found + "' is a clinical or sensitive word; a message left unattended must stay generic";
                case SENSITIVE_PLACEHOLDER -> found + " reveals why the patient called; only the detailed variant may use it";
                case UNKNOWN_PLACEHOLDER -> found + " is not a known placeholder; use {" + String.join("}, {", Placeholders.SAFE)
                        + "}, {reason}, {categoryName} or {details.<field>}";
                case STRAY_BRACE -> "a '" + found + "' that is not part of a placeholder would be read out or sent as is";
            };
        }
    }

    /** The lint's answer: allowed when nothing was refused. */
    record Verdict(List<Offence> offences) {
        Verdict {
            offences = List.copyOf(offences);
        }

        boolean allowed() {
            return offences.isEmpty();
        }

        /** What was refused, each once: placeholders and braces in order of appearance, then words in order of appearance. */
        List<String> found() {
            return offences.stream().map(Offence::found).toList();
        }

        /** One sentence for the refusal, naming everything refused. */
        String summary(Situation situation) {
            List<String> privacy = offences.stream()
                    .filter(o -> o.rule() == Rule.SENSITIVE_WORD || o.rule() == Rule.SENSITIVE_PLACEHOLDER)
                    .map(Offence::found).toList();
            List<String> malformed = offences.stream()
                    .filter(o -> o.rule() == Rule.UNKNOWN_PLACEHOLDER || o.rule() == Rule.STRAY_BRACE)
                    .map(Offence::found).toList();
            List<String> sentences = new ArrayList<>();
            if (!privacy.isEmpty()) {
                sentences.add("A " + situation + " script is left or sent without staff on the line, so it may not mention "
                        + String.join(", ", privacy) + ". Keep it generic, or save it as the detailed variant for patients "
                        + "who consented to detailed messages.");
            }
            if (!malformed.isEmpty()) {
                sentences.add("The script has placeholders that cannot be filled: " + String.join(", ", malformed) + ".");
            }
            return String.join(" ", sentences);
        }
    }

    /** One entry of the word list: a word or phrase, and the language it comes from. */
    record Term(String text, String language) {
    }

    private static final String DEFAULTS_RESOURCE = "scripts/sensitive-words.csv";
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private final Map<String, List<Compiled>> byFirstWord;

    ScriptLint(List<Term> terms) {
        Objects.requireNonNull(terms, "terms");
        Map<String, List<Compiled>> index = new HashMap<>();
        Map<List<String>, Term> seen = new HashMap<>();
        for (Term term : terms) {
            List<String> words = words(term.text());
            if (words.isEmpty()) {
                throw new IllegalArgumentException("Sensitive word \"" + term.text() + "\" has no letters");
            }
            Term earlier = seen.putIfAbsent(words, term);
            if (earlier != null) {
                throw new IllegalArgumentException("Sensitive word \"" + term.text() + "\" duplicates \"" + earlier.text() + "\"");
            }
            index.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(new Compiled(term, words));
        }
        // Longest phrase first, so "test results" is reported rather than "results" inside it.
        index.replaceAll((k, v) -> v.stream().sorted((a, b) -> b.words().size() - a.words().size()).toList());
        this.byFirstWord = Map.copyOf(index);
    }

    /** The lint with the default English and Spanish word list (classpath {@code scripts/sensitive-words.csv}). */
    static ScriptLint withDefaults() {
        return Defaults.LINT;
    }

    Verdict check(Situation situation, boolean detailed, String text) {
        Objects.requireNonNull(situation, "situation");
        if (text == null) {
            return new Verdict(List.of());
        }
        boolean mustStayGeneric = situation.unattended() && !detailed;
        Map<String, Offence> offences = new LinkedHashMap<>();
        StringBuilder prose = new StringBuilder();
        for (Placeholders.Segment segment : Placeholders.split(text)) {
            if (segment instanceof Placeholders.Slot slot) {
                Placeholders.Kind kind = slot.kind();
                if (kind == Placeholders.Kind.UNKNOWN) {
                    offences.putIfAbsent(slot.written(), new Offence(slot.written(), Rule.UNKNOWN_PLACEHOLDER));
                } else if (kind == Placeholders.Kind.SENSITIVE && mustStayGeneric) {
                    offences.putIfAbsent(slot.written(), new Offence(slot.written(), Rule.SENSITIVE_PLACEHOLDER));
                }
                prose.append(' ');
            } else if (segment instanceof Placeholders.Literal literal) {
                if (literal.text().indexOf('{') >= 0) {
                    offences.putIfAbsent("{", new Offence("{", Rule.STRAY_BRACE));
                }
                if (literal.text().indexOf('}') >= 0) {
                    offences.putIfAbsent("}", new Offence("}", Rule.STRAY_BRACE));
                }
                prose.append(literal.text());
            }
        }
        if (mustStayGeneric) {
            sensitiveTerms(prose.toString()).forEach(term ->
                    offences.putIfAbsent(term.text(), new Offence(term.text(), Rule.SENSITIVE_WORD)));
        }
        return new Verdict(List.copyOf(offences.values()));
    }

    /** The listed words and phrases the text contains, each once, in order of first appearance. */
    List<Term> sensitiveTerms(String text) {
        List<String> words = words(text);
        List<Term> found = new ArrayList<>();
        for (int i = 0; i < words.size(); ) {
            Compiled match = null;
            for (Compiled candidate : byFirstWord.getOrDefault(words.get(i), List.of())) {
                if (i + candidate.words().size() <= words.size()
                        && words.subList(i, i + candidate.words().size()).equals(candidate.words())) {
                    match = candidate;
                    break;
                }
            }
            if (match == null) {
                i++;
            } else {
                if (!found.contains(match.term())) {
                    found.add(match.term());
                }
                i += match.words().size();
            }
        }
        return found;
    }

    /** Lower-cased, accent-free words; apostrophes join ("don't" = "dont"), anything else not a letter or digit splits. */
    static List<String> words(String text) {
        String folded = COMBINING_MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("")
                .replaceAll("['\u2019\u2018\u02BC`\u00B4]", "");
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        folded.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    static List<Term> parse(InputStream in, String source) {
        List<Term> terms = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                String trimmed = line.replace("\uFEFF", "").strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] fields = trimmed.split(",", -1);
                if (fields.length != 2 || !ScriptKey.LANGUAGES.contains(fields[1].strip())) {
                    throw new IllegalArgumentException(source + " line " + lineNo + ": expected word,language (en or es)");
                }
                terms.add(new Term(fields[0].strip(), fields[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        return terms;
    }

    /** Parsed once, on first use: the list never changes while the application runs. */
    private static final class Defaults {
        static final ScriptLint LINT = load();

        private static ScriptLint load() {
            try (InputStream in = ScriptLint.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing classpath resource " + DEFAULTS_RESOURCE);
                }
                return new ScriptLint(parse(in, DEFAULTS_RESOURCE));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + DEFAULTS_RESOURCE, e);
            }
        }
    }

    private record Compiled(Term term, List<String> words) {
    }
}
