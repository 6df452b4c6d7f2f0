package nl.meldcodetour.quiz;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import nl.meldcodetour.content.Question;

/** A question drawn for an attempt, with the right options frozen at draw time and the options chosen. */
@Entity
@Table(name = "attempt_question")
@IdClass(AttemptQuestion.Key.class)
public class AttemptQuestion {

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

    /**
     * The options as this attempt shows them: in its own order, and only those the content still has. Everything the
     * learner sees and sends goes through this list, by position: {@link #letter(int)} names position i.
     */
    public List<Question.Option> shownOptions(Optional<Question> question) {
        if (question.isEmpty()) {
            return List.of();
        }
        if (optionOrder == null) {
            return question.get().options();
        }
        List<Question.Option> shown = new ArrayList<>(optionOrder.length);
        for (String id : optionOrder) {
            question.get().option(id).ifPresent(shown::add);
        }
        return shown;
    }

    /** The letter the learner sees for the option at {@code index} of {@link #shownOptions}: a, b, c, … */
    public static String letter(int index) {
        return String.valueOf((char) ('a' + index));
    }

    public Set<String> correct() {
        return Set.of(correctOptions);
    }

    public Set<String> chosen() {
        return chosenOptions == null ? Set.of() : Set.of(chosenOptions);
    }

    public boolean isRight() {
        return new Scoring.Answer(correct(), chosen()).isRight();
    }

    /** Composite key (attempt, position). */
    public static class Key implements Serializable {
        public java.util.UUID attempt;
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
