/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A question drawn for an attempt, with the right options frozen at draw time and the options chosen. */
@Entity
@Table(name = "attempt_question")
@IdClass(AttemptQuestion.Key.class)
public class AttemptQuestion implements DrawnQuestion {

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "attempt_id")
    public QuizAttempt attempt;

    @Id
    public int position;

    @Column(name = "question_id", nullable = false)
    public String questionId;

    @Column(name = "correct_options", nullable = false)
    public String[] correctOptions;

    /** A draft before submission, the answer after; content option ids. */
    @Column(name = "chosen_options")
    public String[] chosenOptions;

    /** The content option ids in the order this attempt shows them; null for attempts from before issue #27 (file order). */
    @Column(name = "option_order")
    public String[] optionOrder;

    @Override
    public int position() {
        return position;
    }

    @Override
    public String questionId() {
        return questionId;
    }

    @Override
    public String[] correctOptions() {
        return correctOptions;
    }

    @Override
    public String[] chosenOptions() {
        return chosenOptions;
    }

    @Override
    public String[] optionOrder() {
        return optionOrder;
    }

    /** The letter the learner sees for the option at {@code index} of {@link DrawnQuestion#shownOptions}: a, b, c, … */
    public static String letter(int index) {
        return String.valueOf((char) ('a' + index));
    }

    /** Composite key (attempt, position). */
    public static class Key implements Serializable {
        public UUID attempt;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(attempt, k.attempt) && position == k.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(attempt, position);
        }
    }
}
