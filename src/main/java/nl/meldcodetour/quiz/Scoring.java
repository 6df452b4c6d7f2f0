/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import java.util.List;
import java.util.Set;

/** Server-side scoring. A question counts as right only when exactly the right options were chosen. */
public final class Scoring {

    private Scoring() {}

    /** One drawn question: the ids that are right and the ids the learner chose. */
    public record Answer(Set<String> correct, Set<String> chosen) {
        public boolean isRight() {
            return !chosen.isEmpty() && chosen.equals(correct);
        }
    }

    /** The outcome of an attempt. */
    public record Result(int right, int total, int percentage, boolean passed) {}

    /**
     * Scores the answers against a pass mark in percent. Passing compares whole numbers ({@code right * 100 >=
     * passMark * total}), so 8 of 10 passes a mark of 80 without rounding surprises; the shown percentage is rounded
     * down, so it never suggests a pass that did not happen.
     */
    public static Result score(List<Answer> answers, int passMark) {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("an attempt has at least one question");
        }
        int right = (int) answers.stream().filter(Answer::isRight).count();
        int total = answers.size();
        return new Result(right, total, right * 100 / total, right * 100 >= passMark * total);
    }
}
