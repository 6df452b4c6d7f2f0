/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;

/**
 * The quality gate for a question bank (issue #29): the figures that show whether a person could pass without knowing,
 * and the rules they must meet. Shuffling removes the position cue in the app; the file order is still measured so
 * that a review of the file stays honest.
 */
record BankGate(
        String moduleId,
        int questions,
        int singles,
        int withThreeOrMore,
        int maxKeyPositionShare,
        int longestShare,
        int multipleKeySets,
        int multiples,
        int wrongWithoutFeedback,
        int withoutPage,
        double passRandom,
        double passLongest,
        double passTestWise,
        double passShortest,
        double passNotLongest,
        int cueOnlyShare,
        double passCue,
        double passNoAbsolutes) {

    static final int MAX_KEY_POSITION_PERCENT = 40;
    static final int MAX_LONGEST_PERCENT = 35;
    static final int MIN_THREE_OPTIONS_PERCENT = 90;
    static final double MAX_BLIND_PASS_PERCENT = 2.0;
    static final int MAX_CUE_ONLY_PERCENT = 20;
    /** Words test-wise learners pick: the "safe" procedure words of this field. */
    static final Pattern CUE = Pattern.compile(
            "aandachtsfunctionaris|overleg|advies|vastleg|leg .{0,40}vast|schrijf .{0,40}op\\b|serieus",
            Pattern.CASE_INSENSITIVE);
    /** Words test-wise learners avoid: absolutes, which in weak banks mark the wrong options. */
    static final Pattern ABSOLUTE = Pattern.compile(
            "\\b(alleen|nooit|altijd|niets|niks|zeker|pas als|pas na|helemaal|geen enkele?|iedereen|niemand)\\b",
            Pattern.CASE_INSENSITIVE);

    static BankGate of(Module m) {
        List<Question> qs = m.questions();
        int singles = 0;
        int cueOnly = 0;
        int three = 0;
        int longest = 0;
        int[] positions = new int[16];
        Set<List<Integer>> keySets = new HashSet<>();
        int multiples = 0;
        int noFeedback = 0;
        int noPage = 0;
        for (Question q : qs) {
            if (q.options().size() >= 3) {
                three++;
            }
            if (q.page() <= 0) {
                noPage++;
            }
            for (Question.Option o : q.options()) {
                if (!q.correct().contains(o.id()) && o.feedback().isEmpty()) {
                    noFeedback++;
                }
            }
            if (q.type() == Question.Type.SINGLE) {
                singles++;
                List<String> cued = withWords(q, CUE, true);
                if (cued.size() == 1 && q.correct().contains(cued.get(0))) {
                    cueOnly++;
                }
                int key = keyIndex(q);
                positions[Math.min(key, positions.length - 1)]++;
                if (strictlyLongest(q, key)) {
                    longest++;
                }
            } else {
                multiples++;
                List<Integer> set = new ArrayList<>();
                for (int i = 0; i < q.options().size(); i++) {
                    if (q.correct().contains(q.options().get(i).id())) {
                        set.add(i);
                    }
                }
                keySets.add(set);
            }
        }
        int maxPosition = 0;
        for (int p : positions) {
            maxPosition = Math.max(maxPosition, p);
        }
        int need = (m.passMark() * m.drawSize() + 99) / 100;
        return new BankGate(
                m.id(),
                qs.size(),
                singles,
                three,
                percent(maxPosition, singles),
                percent(longest, singles),
                keySets.size(),
                multiples,
                noFeedback,
                noPage,
                passChance(qs, m.drawSize(), need, BankGate::randomChance),
                passChance(qs, m.drawSize(), need, BankGate::longestChance),
                passChance(qs, m.drawSize(), need, BankGate::testWiseChance),
                passChance(qs, m.drawSize(), need, BankGate::shortestChance),
                passChance(qs, m.drawSize(), need, BankGate::notLongestChance),
                percent(cueOnly, singles),
                passChance(qs, m.drawSize(), need, q -> pickChance(q, withWords(q, CUE, true))),
                passChance(qs, m.drawSize(), need, q -> pickChance(q, withWords(q, ABSOLUTE, false))));
    }

    /** What breaks the gate, in words; empty when the bank holds. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (maxKeyPositionShare > MAX_KEY_POSITION_PERCENT) {
            problems.add("one key position holds " + maxKeyPositionShare + "% of the single-answer keys (max "
                    + MAX_KEY_POSITION_PERCENT + "%)");
        }
        if (longestShare > MAX_LONGEST_PERCENT) {
            problems.add("the right option is the strictly longest in " + longestShare + "% (max " + MAX_LONGEST_PERCENT
                    + "%)");
        }
        if (percent(withThreeOrMore, questions) < MIN_THREE_OPTIONS_PERCENT) {
            problems.add("only " + percent(withThreeOrMore, questions)
                    + "% of the questions have 3 or more options (min " + MIN_THREE_OPTIONS_PERCENT + "%)");
        }
        if (multiples > 1 && multipleKeySets < 2) {
            problems.add("every multiple-answer question has the same key set");
        }
        if (wrongWithoutFeedback > 0) {
            problems.add(wrongWithoutFeedback + " wrong options without their own feedback");
        }
        if (withoutPage > 0) {
            problems.add(withoutPage + " questions without a page");
        }
        if (cueOnlyShare > MAX_CUE_ONLY_PERCENT) {
            problems.add(
                    "the right option is the only one with a cue word (overleg, aandachtsfunctionaris, advies, vastleggen, serieus) in "
                            + cueOnlyShare + "% of the single-answer questions (max " + MAX_CUE_ONLY_PERCENT + "%)");
        }
        double worst = DoubleStream.of(
                        passRandom, passLongest, passTestWise, passShortest, passNotLongest, passCue, passNoAbsolutes)
                .max()
                .orElse(0);
        if (worst >= MAX_BLIND_PASS_PERCENT) {
            problems.add(String.format(
                    Locale.ROOT,
                    "a blind strategy passes %.2f%% of attempts (max %.1f%%)",
                    worst,
                    MAX_BLIND_PASS_PERCENT));
        }
        return problems;
    }

    static String tableHeader() {
        return "| module | questions | ≥ 3 options | most common key position | right = longest | multiple-answer key sets | wrong options without feedback | without page | P(pass) random | P(pass) longest | P(pass) test-wise | P(pass) shortest | P(pass) never the longest | right = only one with a cue word | P(pass) cue words | P(pass) no absolutes |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    String tableRow() {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %d%% | %d%% | %d%% | %d of %d | %d | %d | %.2f%% | %.2f%% | %.2f%% | %.2f%% | %.2f%% | %d%% | %.2f%% | %.2f%% |",
                moduleId,
                questions,
                percent(withThreeOrMore, questions),
                maxKeyPositionShare,
                longestShare,
                multipleKeySets,
                multiples,
                wrongWithoutFeedback,
                withoutPage,
                passRandom,
                passLongest,
                passTestWise,
                passShortest,
                passNotLongest,
                cueOnlyShare,
                passCue,
                passNoAbsolutes);
    }

    private static int percent(int part, int whole) {
        return whole == 0 ? 0 : Math.round(100f * part / whole);
    }

    private static int keyIndex(Question q) {
        for (int i = 0; i < q.options().size(); i++) {
            if (q.correct().contains(q.options().get(i).id())) {
                return i;
            }
        }
        return 0;
    }

    private static boolean strictlyLongest(Question q, int key) {
        int length = q.options().get(key).text().length();
        for (int i = 0; i < q.options().size(); i++) {
            if (i != key && q.options().get(i).text().length() >= length) {
                return false;
            }
        }
        return true;
    }

    /** Ticking at random: one of n, or one of the 2^n - 1 non-empty sets. */
    static double randomChance(Question q) {
        int n = q.options().size();
        return q.type() == Question.Type.SINGLE ? 1.0 / n : 1.0 / ((1L << n) - 1);
    }

    /** Ticking the longest option only (ties: one of them at random). */
    static double longestChance(Question q) {
        int max = q.options().stream().mapToInt(o -> o.text().length()).max().orElse(0);
        List<String> longest = q.options().stream()
                .filter(o -> o.text().length() == max)
                .map(Question.Option::id)
                .toList();
        if (q.correct().size() != 1) {
            return 0;
        }
        return longest.contains(q.correct().iterator().next()) ? 1.0 / longest.size() : 0;
    }

    /** Ticking the shortest option only (ties: one of them at random); for several answers, at random. */
    static double shortestChance(Question q) {
        if (q.type() != Question.Type.SINGLE) {
            return randomChance(q);
        }
        int min = q.options().stream().mapToInt(o -> o.text().length()).min().orElse(0);
        List<String> shortest = q.options().stream()
                .filter(o -> o.text().length() == min)
                .map(Question.Option::id)
                .toList();
        return shortest.contains(q.correct().iterator().next()) ? 1.0 / shortest.size() : 0;
    }

    /**
     * The guess of someone who learned that writers avoid making the right option the longest: one of the others at
     * random; for several answers, at random. Catches a bank whose right options are never the longest.
     */
    static double notLongestChance(Question q) {
        if (q.type() != Question.Type.SINGLE) {
            return randomChance(q);
        }
        int max = q.options().stream().mapToInt(o -> o.text().length()).max().orElse(0);
        List<String> others = q.options().stream()
                .filter(o -> o.text().length() < max)
                .map(Question.Option::id)
                .toList();
        if (others.isEmpty()) {
            return randomChance(q);
        }
        return others.contains(q.correct().iterator().next()) ? 1.0 / others.size() : 0;
    }

    /** The ids of the options whose text contains ({@code containing}) or lacks the words. */
    static List<String> withWords(Question q, Pattern words, boolean containing) {
        return q.options().stream()
                .filter(o -> words.matcher(o.text()).find() == containing)
                .map(Question.Option::id)
                .toList();
    }

    /**
     * The chance of a guesser who narrows to {@code picked}: one of them for one answer, exactly those for several; when
     * the words do not tell the options apart (none or all picked), a random guess.
     */
    static double pickChance(Question q, List<String> picked) {
        if (picked.isEmpty() || picked.size() == q.options().size()) {
            return randomChance(q);
        }
        if (q.type() == Question.Type.SINGLE) {
            return picked.contains(q.correct().iterator().next()) ? 1.0 / picked.size() : 0;
        }
        return new HashSet<>(picked).equals(q.correct()) ? 1 : 0;
    }

    /** The test-wise guess: the longest option for one answer; every option but the shortest for several. */
    static double testWiseChance(Question q) {
        if (q.type() == Question.Type.SINGLE) {
            return longestChance(q);
        }
        int min = q.options().stream().mapToInt(o -> o.text().length()).min().orElse(0);
        List<Question.Option> shortest =
                q.options().stream().filter(o -> o.text().length() == min).toList();
        int hits = 0;
        for (Question.Option dropped : shortest) {
            Set<String> ticked = new HashSet<>();
            q.options().stream().filter(o -> o != dropped).forEach(o -> ticked.add(o.id()));
            if (ticked.equals(q.correct())) {
                hits++;
            }
        }
        return (double) hits / shortest.size();
    }

    /**
     * The exact chance, in percent, that a strategy passes one attempt: {@code draw} questions drawn uniformly without
     * replacement, at least {@code need} right. Dynamic programming over (questions drawn, right answers).
     */
    static double passChance(List<Question> questions, int draw, int need, ToDoubleFunction<Question> chance) {
        int n = questions.size();
        if (draw > n || draw <= 0) {
            return 100;
        }
        double[][] weight = new double[draw + 1][draw + 1];
        weight[0][0] = 1;
        for (Question q : questions) {
            double p = chance.applyAsDouble(q);
            for (int j = draw; j >= 1; j--) {
                for (int s = j; s >= 0; s--) {
                    double add = weight[j - 1][s] * (1 - p) + (s > 0 ? weight[j - 1][s - 1] * p : 0);
                    weight[j][s] += add;
                }
            }
        }
        double subsets = 0;
        double passing = 0;
        for (int s = 0; s <= draw; s++) {
            subsets += weight[draw][s];
            if (s >= need) {
                passing += weight[draw][s];
            }
        }
        return 100 * passing / subsets;
    }
}
