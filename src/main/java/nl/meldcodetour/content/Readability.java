/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flesch-Douma reading ease for Dutch: {@code 206.84 - 0.77 * syllables per 100 words - 0.93 * words per sentence}.
 * Around 60-70 is plain language (B1); below 55 is too hard for the audience. Syllables are counted as vowel groups
 * (Dutch diphthongs such as "oe", "ui", "eeu" are one group; a vowel with a diaeresis, as in "beïnvloeden", starts a
 * new one), which is the usual approximation.
 */
public final class Readability {

    /** Counts for a piece of text; add them up for a page or a module. */
    public record Stats(int words, int sentences, int syllables) {

        public static final Stats EMPTY = new Stats(0, 0, 0);

        public Stats plus(Stats other) {
            return new Stats(words + other.words, sentences + other.sentences, syllables + other.syllables);
        }

        /** The Flesch-Douma score; 100 for no text. */
        public double score() {
            if (words == 0) {
                return 100;
            }
            return 206.84 - 77.0 * syllables / words - 0.93 * words / Math.max(1, sentences);
        }
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(\\s|$)");
    private static final String VOWELS = "aeiouyàáâèéêìíîòóôùúû";
    private static final String DIAERESIS = "äëïöü";

    private Readability() {}

    /**
     * Stats of one block of text (a paragraph, list item or table cell). A block that does not end with a full stop
     * still counts as one sentence, as a list item or a heading-like line does for a reader.
     */
    public static Stats of(String block) {
        int words = 0;
        int syllables = 0;
        Matcher m = WORD.matcher(block);
        while (m.find()) {
            words++;
            syllables += syllables(m.group());
        }
        if (words == 0) {
            return Stats.EMPTY;
        }
        int sentences = 0;
        Matcher end = SENTENCE_END.matcher(block.strip());
        while (end.find()) {
            sentences++;
        }
        if (!block.strip().matches("(?s).*[.!?][\"'”)]*$")) {
            sentences++;
        }
        return new Stats(words, Math.max(1, sentences), syllables);
    }

    /** Syllables in one Dutch word, at least 1. */
    static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        int count = 0;
        boolean inVowelGroup = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (DIAERESIS.indexOf(c) >= 0) {
                count++;
                inVowelGroup = true;
            } else if (VOWELS.indexOf(c) >= 0) {
                if (!inVowelGroup) {
                    count++;
                }
                inVowelGroup = true;
            } else {
                inVowelGroup = false;
            }
        }
        return Math.max(1, count);
    }
}
