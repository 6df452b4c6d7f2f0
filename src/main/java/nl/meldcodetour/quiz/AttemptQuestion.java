package nl.meldcodetour.quiz;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

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

    @Column(name = "chosen_options")
    public String[] chosenOptions;

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
