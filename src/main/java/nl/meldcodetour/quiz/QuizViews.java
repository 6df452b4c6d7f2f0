package nl.meldcodetour.quiz;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Question;

/**
 * What a learner may see of an attempt. {@link Open} is the unanswered quiz and by construction holds no correct
 * answers; {@link Result} exists only for a submitted attempt.
 */
public final class QuizViews {

    private QuizViews() {
    }

    public record OptionView(String id, String text) {
    }

    public record QuestionView(int position, String id, String type, String text, List<OptionView> options) {
        public boolean isMultiple() {
            return "multiple".equals(type);
        }
    }

    public record Open(String attemptId, String moduleId, String moduleTitle, int passMark, List<QuestionView> questions) {
    }

    public record OptionResult(String id, String text, boolean chosen, boolean correct, String feedback) {
    }

    public record QuestionResult(int position, String id, String text, boolean right, List<OptionResult> options,
            String feedback, String source) {
    }

    /** {@code attendanceRequired}: a blended module, completed only after attending a session that covers it. */
    public record Result(String attemptId, String moduleId, String moduleTitle, Instant submittedAt, int right,
            int total, int percentage, int passMark, boolean passed, List<QuestionResult> questions, boolean attendanceRequired) {
    }

    public record AttemptSummary(String attemptId, Instant startedAt, Instant submittedAt, Integer percentage,
            Boolean passed) {
        public boolean isSubmitted() {
            return submittedAt != null;
        }
    }

    static Open open(QuizAttempt attempt, Module module) {
        List<QuestionView> questions = attempt.questions.stream().map(aq -> {
            Optional<Question> q = module.question(aq.questionId);
            return new QuestionView(aq.position, aq.questionId,
                    q.map(x -> x.type().name().toLowerCase()).orElse("single"),
                    q.map(Question::text).orElse("(Deze vraag is uit de inhoud verwijderd.)"),
                    q.map(x -> x.options().stream().map(o -> new OptionView(o.id(), o.text())).toList()).orElse(List.of()));
        }).toList();
        return new Open(attempt.id.toString(), module.id(), module.title(), attempt.passMark, questions);
    }

    static Result result(QuizAttempt attempt, Module module) {
        if (!attempt.isSubmitted()) {
            throw new IllegalStateException("no result before submission");
        }
        List<QuestionResult> questions = attempt.questions.stream().map(aq -> {
            Optional<Question> q = module.question(aq.questionId);
            Set<String> chosen = aq.chosen();
            Set<String> correct = aq.correct();
            List<OptionResult> options = q.map(x -> x.options().stream()
                    .map(o -> new OptionResult(o.id(), o.text(), chosen.contains(o.id()), correct.contains(o.id()),
                            o.feedback().orElse(null)))
                    .toList()).orElse(List.of());
            return new QuestionResult(aq.position, aq.questionId, q.map(Question::text).orElse("(verwijderde vraag)"),
                    aq.isRight(), options, q.flatMap(Question::feedback).orElse(null), q.map(Question::source).orElse(null));
        }).toList();
        return new Result(attempt.id.toString(), module.id(), module.title(), attempt.submittedAt, attempt.rightCount,
                attempt.questionCount, attempt.percentage, attempt.passMark, attempt.passed, questions, module.attendanceRequired());
    }

    static AttemptSummary summary(QuizAttempt a) {
        return new AttemptSummary(a.id.toString(), a.startedAt, a.submittedAt, a.percentage, a.passed);
    }
}
