package org.ringback.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.ringback.callback.Urgency;

/**
 * The red-flag safety net: screens intake text (voicemail transcript, form text, staff note) against a
 * phrase list in English and Spanish. A hit raises urgency to CLINICAL or EMERGENCY and routes the item
 * to the clinical queue. It never advises; it only routes.
 *
 * <p>Matching rules, chosen so a flag is explainable to staff and errs towards flagging:
 * <ul>
 *   <li>Text and phrases are compared as sequences of whole words, ignoring case, accents
 *       ("convulsion" = "convulsión"), apostrophes ("can’t" = "can't" = "cant") and the punctuation or
 *       whitespace between words ("chest-pain" = "chest  pain"). So "rash" never matches "brash" and
 *       "fever" never matches "feverfew".</li>
 *   <li>No stemming: "worse" does not match "worsen", "stroke" does not match "strokes". Inflections that
 *       matter ("worsening", "seizures", "convulsiones") are listed as phrases of their own, so what flags
 *       is exactly what the list says.</li>
 *   <li>A phrase does not match across a sentence or clause mark (. , ; : ! ? ¿ ¡ brackets, dashes, line
 *       breaks).</li>
 *   <li>Minimal negation guard: an occurrence is ignored when one of the three words before it is a
 *       negation cue (no, not, denies, denied, denying, without, sin, niega, negó, ningún, ninguna,
 *       ninguno) in the same clause. The look-back stops at a clause mark or a contrast word (but,
 *       however, although, though, pero, aunque, sino, "sin embargo"), so "no fever but chest pain" flags
 *       chest pain. A cue followed by a word such as "better", "relief", "sure" or "mejoría" does not
 *       negate ("no relief from chest pain" flags). Contractions ("don't") are not cues: erring towards a
 *       flag. EMERGENCY phrases get the same guard.</li>
 *   <li>A hit lying inside a longer hit of at least the same urgency is not reported separately
 *       ("fiebre alta" is reported, not also "fiebre"); a more urgent phrase inside a less urgent one is.</li>
 *   <li>Each phrase is reported once, most urgent first, then by where it first occurs.</li>
 * </ul>
 */
public final class RedFlagScreen {

    /** One phrase to look for, and the urgency a hit raises the item to (CLINICAL or EMERGENCY). */
    public record Phrase(String text, String language, Urgency urgency) {
    }

    /** A phrase that matched, as configured (shown to staff as the reason for the flag). */
    public record Hit(String phrase, String language, Urgency urgency) {
    }

    public record Screening(List<Hit> hits) {
        public boolean flagged() {
            return !hits.isEmpty();
        }

        public Optional<Urgency> urgency() {
            return hits.stream().map(Hit::urgency).max(Enum::compareTo);
        }
    }

    private static final String DEFAULTS_RESOURCE = "intake/red-flags.csv";

    /** How many words before a phrase a negation cue still negates it. */
    private static final int NEGATION_WINDOW = 3;

    private static final Set<String> NEGATION_CUES = Set.of(
            "no", "not", "denies", "denied", "denying", "without",
            "sin", "niega", "nego", "ningun", "ninguna", "ninguno");

    /** Words right after a cue that make it not a negation ("no relief", "not sure", "sin mejoría"). */
    private static final Set<String> PSEUDO_NEGATION_FOLLOWERS = Set.of(
            "better", "improving", "improvement", "relief", "sure", "only", "doubt",
            "mejor", "mejora", "mejoria", "alivio", "solo");

    /** Words that start a new clause, so a negation before them does not reach past them. */
    private static final Set<String> CLAUSE_BREAKERS = Set.of(
            "but", "however", "although", "though", "pero", "aunque", "sino", "embargo");

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private final Map<String, List<Compiled>> byFirstWord;
    private final int longestPhrase;

    public RedFlagScreen(List<Phrase> phrases) {
        Objects.requireNonNull(phrases, "phrases");
        List<Compiled> compiled = new ArrayList<>(phrases.size());
        Map<List<String>, Phrase> seen = new HashMap<>();
        for (Phrase phrase : phrases) {
            Compiled c = compile(phrase, compiled.size());
            Phrase earlier = seen.putIfAbsent(List.of(c.words()), phrase);
            if (earlier != null) {
                throw new IllegalArgumentException(
                        "Red-flag phrase \"" + phrase.text() + "\" duplicates \"" + earlier.text() + "\"");
            }
            compiled.add(c);
        }
        this.longestPhrase = compiled.stream().mapToInt(c -> c.words().length).max().orElse(0);
        Map<String, List<Compiled>> index = new HashMap<>();
        for (Compiled c : compiled) {
            index.computeIfAbsent(c.words()[0], k -> new ArrayList<>()).add(c);
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.byFirstWord = Map.copyOf(index);
    }

    /** The screen with the default English and Spanish phrase list (classpath {@code intake/red-flags.csv}). */
    public static RedFlagScreen withDefaults() {
        return Defaults.SCREEN;
    }

    public Screening screen(String text) {
        if (text == null || text.isBlank()) {
            return new Screening(List.of());
        }
        Token[] tokens = tokenize(text);
        List<Occurrence> found = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            List<Compiled> candidates = byFirstWord.get(tokens[i].word());
            if (candidates == null) {
                continue;
            }
            for (Compiled c : candidates) {
                if (matchesAt(tokens, i, c.words()) && !negated(tokens, i)) {
                    found.add(new Occurrence(c, i, i + c.words().length));
                }
            }
        }
        return new Screening(report(found));
    }

    private List<Hit> report(List<Occurrence> found) {
        Map<Compiled, Occurrence> firstByPhrase = new LinkedHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            Occurrence o = found.get(i);
            if (!insideStrongerHit(i, found)) {
                firstByPhrase.putIfAbsent(o.phrase(), o);
            }
        }
        return firstByPhrase.values().stream()
                .sorted(Comparator.comparing((Occurrence o) -> o.phrase().phrase().urgency()).reversed()
                        .thenComparingInt(Occurrence::start)
                        .thenComparing(Comparator.comparingInt(Occurrence::length).reversed())
                        .thenComparingInt(o -> o.phrase().order()))
                .map(o -> new Hit(o.phrase().phrase().text(), o.phrase().phrase().language(),
                        o.phrase().phrase().urgency()))
                .toList();
    }

    /**
     * Whether a longer occurrence of at least the same urgency covers this one. Occurrences are in start
     * order and no longer than the longest phrase, so only neighbours starting that close are compared:
     * the screen stays linear in the text's length.
     */
    private boolean insideStrongerHit(int index, List<Occurrence> found) {
        Occurrence o = found.get(index);
        for (int k = index - 1; k >= 0 && found.get(k).start() > o.start() - longestPhrase; k--) {
            if (covers(found.get(k), o)) {
                return true;
            }
        }
        for (int k = index + 1; k < found.size() && found.get(k).start() == o.start(); k++) {
            if (covers(found.get(k), o)) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(Occurrence outer, Occurrence inner) {
        return outer.start() <= inner.start() && outer.end() >= inner.end() && outer.length() > inner.length()
                && outer.phrase().phrase().urgency().compareTo(inner.phrase().phrase().urgency()) >= 0;
    }

    private static boolean matchesAt(Token[] tokens, int start, String[] words) {
        if (start + words.length > tokens.length) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            Token t = tokens[start + k];
            if (!t.word().equals(words[k]) || (k > 0 && t.breakBefore())) {
                return false;
            }
        }
        return true;
    }

    private static boolean negated(Token[] tokens, int start) {
        for (int j = start - 1; j >= 0 && start - j <= NEGATION_WINDOW; j--) {
            if (tokens[j + 1].breakBefore() || CLAUSE_BREAKERS.contains(tokens[j].word())) {
                return false;
            }
            if (NEGATION_CUES.contains(tokens[j].word())
                    && !PSEUDO_NEGATION_FOLLOWERS.contains(tokens[j + 1].word())) {
                return true;
            }
        }
        return false;
    }

    private static Compiled compile(Phrase phrase, int order) {
        Objects.requireNonNull(phrase, "phrase");
        if (phrase.text() == null || phrase.text().isBlank()) {
            throw new IllegalArgumentException("Red-flag phrase text is blank");
        }
        if (phrase.language() == null || phrase.language().isBlank()) {
            throw new IllegalArgumentException("Red-flag phrase \"" + phrase.text() + "\" has no language");
        }
        if (phrase.urgency() == null || !phrase.urgency().isClinical()) {
            throw new IllegalArgumentException("Red-flag phrase \"" + phrase.text()
                    + "\" must raise urgency to CLINICAL or EMERGENCY, not " + phrase.urgency());
        }
        Token[] tokens = tokenize(phrase.text());
        if (tokens.length == 0) {
            throw new IllegalArgumentException("Red-flag phrase \"" + phrase.text() + "\" has no words");
        }
        String[] words = new String[tokens.length];
        for (int k = 0; k < tokens.length; k++) {
            if (k > 0 && tokens[k].breakBefore()) {
                throw new IllegalArgumentException(
                        "Red-flag phrase \"" + phrase.text() + "\" contains a clause mark and could never match");
            }
            words[k] = tokens[k].word();
        }
        return new Compiled(phrase, words, order);
    }

    /**
     * Lower-cases, strips accents, drops apostrophes and splits into words, noting where a clause mark
     * separates a word from the one before it. Linear in the text's length.
     */
    private static Token[] tokenize(String text) {
        String folded = COMBINING_MARKS.matcher(
                Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean pendingBreak = false;
        int n = folded.length();
        for (int i = 0; i < n; ) {
            int cp = folded.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (!isApostrophe(cp)) {
                if (word.length() > 0) {
                    tokens.add(new Token(word.toString(), pendingBreak));
                    word.setLength(0);
                    pendingBreak = false;
                }
                if (isClauseMark(folded, i, cp)) {
                    pendingBreak = true;
                }
            }
            i = next;
        }
        if (word.length() > 0) {
            tokens.add(new Token(word.toString(), pendingBreak));
        }
        return tokens.toArray(Token[]::new);
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '\u02BC' || cp == '`'
                || cp == '\u00B4' || cp == '\uFF07';
    }

    /** Sentence and clause punctuation; a hyphen only counts when it stands apart ("no fever - chest pain"). */
    private static boolean isClauseMark(String s, int i, int cp) {
        return switch (cp) {
            case '.', ',', ';', ':', '!', '?', '\u00BF', '\u00A1', '\u2026', '(', ')', '[', ']', '{', '}',
                    '\n', '\r', '|', '\u2013', '\u2014', '\u2022' -> true;
            case '-' -> !(i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))
                    && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i + 1)));
            default -> false;
        };
    }

    private static List<Phrase> parse(InputStream in, String source) {
        List<Phrase> phrases = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                String trimmed = line.strip();
                if (lineNo == 1 && trimmed.startsWith("\uFEFF")) {
                    trimmed = trimmed.substring(1).strip();
                }
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] fields = trimmed.split(",", -1);
                if (fields.length != 3) {
                    throw new IllegalArgumentException(source + " line " + lineNo
                            + ": expected phrase,language,urgency but got \"" + line + "\"");
                }
                Urgency urgency;
                try {
                    urgency = Urgency.valueOf(fields[2].strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + " line " + lineNo + ": unknown urgency "
                            + fields[2].strip(), e);
                }
                phrases.add(new Phrase(fields[0].strip(), fields[1].strip(), urgency));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        return phrases;
    }

    /** Parsed once, on first use: the defaults never change while the application runs. */
    private static final class Defaults {
        static final RedFlagScreen SCREEN = load();

        private static RedFlagScreen load() {
            ClassLoader loader = RedFlagScreen.class.getClassLoader();
            try (InputStream in = loader.getResourceAsStream(DEFAULTS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing classpath resource " + DEFAULTS_RESOURCE);
                }
                return new RedFlagScreen(parse(in, DEFAULTS_RESOURCE));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + DEFAULTS_RESOURCE, e);
            }
        }
    }

    private record Compiled(Phrase phrase, String[] words, int order) {
    }

    private record Token(String word, boolean breakBefore) {
    }

    private record Occurrence(Compiled phrase, int start, int end) {
        int length() {
            return end - start;
        }
    }
}
