/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Question;

/**
 * Generates submitted quiz attempts of invented learners for the item statistics (Toetsanalyse) in dev mode, so that
 * the page shows figures and every flag. Each learner has an ability, each question a difficulty; the chance of a right
 * answer follows the usual logistic model, so that the discrimination comes out positive for most questions. Planted
 * on purpose: the easiest questions are right for almost everyone (te makkelijk), the hardest for few (te moeilijk);
 * one question is answered right more often by weaker learners (negatieve discriminatie); one wrong option is never
 * chosen (ongekozen antwoord). Deterministic for a given seed.
 */
public final class DemoAttemptGenerator {

    /** One generated attempt: the learner (1-based), the questions in drawn order and what was chosen. */
    public record Attempt(
            int learner,
            String contentVersion,
            Instant startedAt,
            Instant submittedAt,
            int passMark,
            List<Answer> answers) {

        public int right() {
            return (int) answers.stream().filter(Answer::right).count();
        }

        public int percentage() {
            return right() * 100 / answers.size();
        }

        public boolean passed() {
            return right() * 100 >= passMark * answers.size();
        }
    }

    public record Answer(String questionId, Set<String> correct, Set<String> chosen) {
        public boolean right() {
            return !chosen.isEmpty() && chosen.equals(correct);
        }
    }

    /** What was planted in a module, for the log and the test. */
    public record Planted(String negativeQuestion, String unpickedQuestion, String unpickedOption) {}

    private DemoAttemptGenerator() {}

    /** The question answered right more often by weaker learners: the second single-choice question of the bank. */
    public static Planted planted(Module module) {
        List<Question> singles = module.questions().stream()
                .filter(q -> q.type() == Question.Type.SINGLE && q.options().size() >= 3)
                .toList();
        if (singles.size() < 3) {
            return new Planted(null, null, null);
        }
        Question unpicked = singles.get(2);
        String option = unpicked.options().stream()
                .map(Question.Option::id)
                .filter(id -> !unpicked.correct().contains(id))
                .reduce((a, b) -> b)
                .orElseThrow();
        return new Planted(singles.get(1).id(), unpicked.id(), option);
    }

    /**
     * Attempts of {@code learners} learners at the module: everyone once, about a third (mostly those who failed) a
     * second time a few days later. Attempts older than 120 days carry {@code olderVersion}, later ones {@code version}.
     */
    public static List<Attempt> generate(
            long seed, Module module, int learners, String olderVersion, String version, Instant now) {
        Random random = new Random(seed);
        List<Question> bank = module.questions();
        Planted planted = planted(module);
        // difficulties spread from very easy to very hard, in a shuffled order over the bank
        double[] difficulty = new double[bank.size()];
        for (int i = 0; i < bank.size(); i++) {
            difficulty[i] = -4.0 + 7.0 * i / Math.max(1, bank.size() - 1);
        }
        List<Double> shuffled = new ArrayList<>();
        for (double d : difficulty) {
            shuffled.add(d);
        }
        Collections.shuffle(shuffled, random);
        List<Attempt> attempts = new ArrayList<>();
        int draw = Math.min(module.drawSize(), bank.size());
        for (int learner = 1; learner <= learners; learner++) {
            double ability = 0.8 + random.nextGaussian();
            Instant start = now.minus(Duration.ofMinutes(60 + random.nextInt(300 * 24 * 60)));
            int tries = random.nextInt(100) < 25 ? 2 : 1;
            for (int t = 0; t < tries; t++) {
                List<Answer> answers = new ArrayList<>();
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < bank.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, random);
                for (int i : order.subList(0, draw)) {
                    Question q = bank.get(i);
                    boolean reversed = q.id().equals(planted.negativeQuestion());
                    double logit = reversed ? shuffled.get(i) - ability + 1.2 : ability - shuffled.get(i);
                    boolean right = random.nextDouble() < 1 / (1 + Math.exp(-logit));
                    String never = q.id().equals(planted.unpickedQuestion()) ? planted.unpickedOption() : null;
                    answers.add(new Answer(q.id(), q.correct(), right ? q.correct() : wrong(q, never, random)));
                }
                Instant started = start.plus(Duration.ofDays(3L * t));
                Instant submitted = started.plus(Duration.ofMinutes(6 + random.nextInt(20)));
                if (submitted.isAfter(now)) {
                    continue;
                }
                String v = Duration.between(submitted, now).toDays() > 120 ? olderVersion : version;
                Attempt attempt = new Attempt(learner, v, started, submitted, module.passMark(), List.copyOf(answers));
                attempts.add(attempt);
                if (attempt.passed()) {
                    break;
                }
                ability += 0.5; // read the module again
            }
        }
        return attempts;
    }

    /** A wrong choice: another option (single), or the right set with one option too many or too few (multiple). */
    private static Set<String> wrong(Question q, String never, Random random) {
        List<String> wrongOptions = q.options().stream()
                .map(Question.Option::id)
                .filter(id -> !q.correct().contains(id) && !id.equals(never))
                .toList();
        if (q.type() == Question.Type.SINGLE || q.correct().size() == 1 && random.nextBoolean()) {
            return Set.of(wrongOptions.get(random.nextInt(wrongOptions.size())));
        }
        Set<String> chosen = new LinkedHashSet<>(q.correct());
        if (!wrongOptions.isEmpty() && (random.nextBoolean() || chosen.size() == 1)) {
            chosen.add(wrongOptions.get(random.nextInt(wrongOptions.size())));
        } else {
            chosen.remove(chosen.iterator().next());
        }
        return Set.copyOf(chosen);
    }
}
