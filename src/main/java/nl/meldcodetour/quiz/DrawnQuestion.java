/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.meldcodetour.content.Question;

/**
 * A question drawn for an attempt: the {@link AttemptQuestion} entity, or an {@link AttemptRow.QuestionRow} read in
 * plain JDBC. What the learner sees and how an answer scores are worked out here, the same for both.
 */
interface DrawnQuestion {

    int position();

    String questionId();

    /** The right options, content option ids, frozen at draw time. */
    String[] correctOptions();

    /** A draft before submission, the answer after; content option ids; null when none. */
    String[] chosenOptions();

    /** The content option ids in the order this attempt shows them; null for attempts from before issue #27 (file order). */
    String[] optionOrder();

    /**
     * The options as this attempt shows them: in its own order, and only those the content still has. Everything the
     * learner sees and sends goes through this list, by position: {@link AttemptQuestion#letter(int)} names position i.
     */
    default List<Question.Option> shownOptions(Optional<Question> question) {
        if (question.isEmpty()) {
            return List.of();
        }
        if (optionOrder() == null) {
            return question.get().options();
        }
        List<Question.Option> shown = new ArrayList<>(optionOrder().length);
        for (String id : optionOrder()) {
            question.get().option(id).ifPresent(shown::add);
        }
        return shown;
    }

    default Set<String> correct() {
        return Set.of(correctOptions());
    }

    default Set<String> chosen() {
        return chosenOptions() == null ? Set.of() : Set.of(chosenOptions());
    }

    default boolean isRight() {
        return new Scoring.Answer(correct(), chosen()).isRight();
    }
}
