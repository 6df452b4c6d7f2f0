/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An attempt with its questions as values: what {@link QuizService#submit} reads and stores in plain JDBC
 * (docs/benchmarks.md, Decisions: Quiz submission in plain JDBC), and what a result shows. Not the {@link QuizAttempt}
 * entity: Hibernate does not manage it, so it is immutable instead of looking as if setting a field would store it.
 */
record AttemptRow(
        UUID id,
        long personId,
        String moduleId,
        String contentVersion,
        int passMark,
        int questionCount,
        Instant submittedAt,
        Integer rightCount,
        Integer percentage,
        Boolean passed,
        List<DrawnQuestion> questions) {

    AttemptRow {
        questions = List.copyOf(questions);
    }

    /** A question of the attempt as read from {@code attempt_question}. */
    record QuestionRow(
            int position, String questionId, String[] correctOptions, String[] chosenOptions, String[] optionOrder)
            implements DrawnQuestion {}

    /** The values of an attempt that Hibernate loaded (for the result of an attempt submitted earlier). */
    static AttemptRow of(QuizAttempt a) {
        return new AttemptRow(
                a.id,
                a.personId,
                a.moduleId,
                a.contentVersion,
                a.passMark,
                a.questionCount,
                a.submittedAt,
                a.rightCount,
                a.percentage,
                a.passed,
                List.copyOf(a.questions));
    }

    boolean isSubmitted() {
        return submittedAt != null;
    }

    /** This attempt with other questions (the same ones read again). */
    AttemptRow withQuestions(List<? extends DrawnQuestion> read) {
        return new AttemptRow(
                id,
                personId,
                moduleId,
                contentVersion,
                passMark,
                questionCount,
                submittedAt,
                rightCount,
                percentage,
                passed,
                List.copyOf(read));
    }

    /** This attempt as submitted at {@code at} with {@code result}, its questions with the answers chosen. */
    AttemptRow submitted(Instant at, Scoring.Result result, List<? extends DrawnQuestion> answered) {
        return new AttemptRow(
                id,
                personId,
                moduleId,
                contentVersion,
                passMark,
                questionCount,
                at,
                result.right(),
                result.percentage(),
                result.passed(),
                List.copyOf(answered));
    }
}
