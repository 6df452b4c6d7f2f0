/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Question;

/**
 * What a learner may see of an attempt. {@link Open} is the unanswered quiz and by construction holds no correct
 * answers; {@link Result} exists only for a submitted attempt. Options always appear in the attempt's own order and
 * are named by the letter of their place in it (a, b, c, …), never by their id or place in the content file.
 */
public final class QuizViews {

    private QuizViews() {}

    public record OptionView(String id, String text) {}

    /** {@code chosen}: the letters of the saved draft. */
    public record QuestionView(
            int position, String id, String type, String text, List<OptionView> options, List<String> chosen) {
        public boolean isMultiple() {
            return "multiple".equals(type);
        }
    }

    /** {@code draftSavedAt}: when the answers were last saved as a draft, null when never. */
    public record Open(
            String attemptId,
            String moduleId,
            String moduleTitle,
            int passMark,
            List<QuestionView> questions,
            Instant draftSavedAt) {
        /** The draft as chosen letters per question id, the shape the form's pre-filled answers take. */
        public Map<String, Set<String>> draft() {
            Map<String, Set<String>> draft = new HashMap<>();
            questions.forEach(q -> draft.put(q.id(), Set.copyOf(q.chosen())));
            return draft;
        }
    }

    /** The questions of an open attempt that have no answer yet, with the message the quiz page shows for each. */
    public static Map<String, String> unanswered(Open open) {
        Map<String, String> errors = new LinkedHashMap<>();
        open.questions().stream()
                .filter(q -> q.chosen().isEmpty())
                .forEach(q -> errors.put(q.id(), "Kies een antwoord."));
        return errors;
    }

    public record OptionResult(String id, String text, boolean chosen, boolean correct, String feedback) {}

    /** {@code pageHref}/{@code pageTitle}: the module page that explains the question. */
    public record QuestionResult(
            int position,
            String id,
            String text,
            boolean right,
            List<OptionResult> options,
            String feedback,
            String source,
            String pageHref,
            String pageTitle) {}

    /** {@code attendanceRequired}: a blended module, completed only after attending a session that covers it. */
    public record Result(
            String attemptId,
            String moduleId,
            String moduleTitle,
            Instant submittedAt,
            int right,
            int total,
            int percentage,
            int passMark,
            boolean passed,
            List<QuestionResult> questions,
            boolean attendanceRequired) {}

    public record AttemptSummary(
            String attemptId, Instant startedAt, Instant submittedAt, Integer percentage, Boolean passed) {
        public boolean isSubmitted() {
            return submittedAt != null;
        }
    }

    static Open open(QuizAttempt attempt, Module module) {
        List<QuestionView> questions = attempt.questions.stream()
                .map(aq -> {
                    Optional<Question> q = module.question(aq.questionId);
                    List<Question.Option> shown = aq.shownOptions(q);
                    Set<String> draft = aq.chosen();
                    List<OptionView> options = new ArrayList<>(shown.size());
                    List<String> chosen = new ArrayList<>();
                    for (int i = 0; i < shown.size(); i++) {
                        options.add(new OptionView(
                                AttemptQuestion.letter(i), shown.get(i).text()));
                        if (draft.contains(shown.get(i).id())) {
                            chosen.add(AttemptQuestion.letter(i));
                        }
                    }
                    return new QuestionView(
                            aq.position,
                            aq.questionId,
                            q.map(x -> x.type().name().toLowerCase()).orElse("single"),
                            q.map(Question::text).orElse("(Deze vraag is uit de inhoud verwijderd.)"),
                            List.copyOf(options),
                            List.copyOf(chosen));
                })
                .toList();
        return new Open(
                attempt.id.toString(), module.id(), module.title(), attempt.passMark, questions, attempt.draftSavedAt);
    }

    static Result result(AttemptRow attempt, Module module) {
        if (!attempt.isSubmitted()) {
            throw new IllegalStateException("no result before submission");
        }
        List<QuestionResult> questions = attempt.questions().stream()
                .map(aq -> {
                    Optional<Question> q = module.question(aq.questionId());
                    Set<String> chosen = aq.chosen();
                    Set<String> correct = aq.correct();
                    List<Question.Option> shown = aq.shownOptions(q);
                    List<OptionResult> options = new ArrayList<>(shown.size());
                    for (int i = 0; i < shown.size(); i++) {
                        Question.Option o = shown.get(i);
                        options.add(new OptionResult(
                                AttemptQuestion.letter(i),
                                o.text(),
                                chosen.contains(o.id()),
                                correct.contains(o.id()),
                                o.feedback().orElse(null)));
                    }
                    int page = q.map(Question::page)
                            .filter(p -> p > 0 && p <= module.pageCount())
                            .orElse(1);
                    return new QuestionResult(
                            aq.position(),
                            aq.questionId(),
                            q.map(Question::text).orElse("(verwijderde vraag)"),
                            aq.isRight(),
                            List.copyOf(options),
                            q.flatMap(Question::feedback).orElse(null),
                            q.map(Question::source).orElse(null),
                            "/modules/" + module.id() + "/pagina/" + page,
                            module.page(page).map(p -> p.title()).orElse(module.title()));
                })
                .toList();
        return new Result(
                attempt.id().toString(),
                module.id(),
                module.title(),
                attempt.submittedAt(),
                attempt.rightCount(),
                attempt.questionCount(),
                attempt.percentage(),
                attempt.passMark(),
                attempt.passed(),
                questions,
                module.attendanceRequired());
    }

    static AttemptSummary summary(QuizAttempt a) {
        return new AttemptSummary(a.id.toString(), a.startedAt, a.submittedAt, a.percentage, a.passed);
    }
}
