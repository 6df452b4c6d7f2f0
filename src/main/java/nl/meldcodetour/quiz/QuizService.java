package nl.meldcodetour.quiz;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Question;
import nl.meldcodetour.core.metrics.BusinessMetrics;
import nl.meldcodetour.learning.CompletionService;
import nl.meldcodetour.learning.ProgressService;

/** Starts, submits and reads quiz attempts. All scoring happens here, on the server. */
@ApplicationScoped
public class QuizService {

    private final Random random = new SecureRandom();

    @Inject
    BusinessMetrics metrics;

    @Inject
    EntityManager em;

    @Inject
    ContentService content;

    @Inject
    CompletionService completions;

    @Inject
    ProgressService progress;

    @Inject
    Clock clock;

    /** Thrown when submitted answers do not fit the attempt; carries a Dutch message per question id. */
    public static class InvalidAnswersException extends RuntimeException {
        private final transient Map<String, String> errors;

        public InvalidAnswersException(Map<String, String> errors) {
            super("invalid answers: " + errors.keySet(), null, false, false);
            this.errors = Map.copyOf(errors);
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    /**
     * Starts an attempt with a fresh random draw. Questions of the person's most recent attempt at this module are
     * avoided where the bank allows.
     */
    @Transactional
    public QuizAttempt start(long personId, Module module) {
        List<String> recent = em.createQuery("""
                select q.questionId from AttemptQuestion q
                where q.attempt.id = (select a.id from QuizAttempt a where a.personId = :p and a.moduleId = :m
                                      order by a.startedAt desc limit 1)
                """, String.class).setParameter("p", personId).setParameter("m", module.id()).getResultList();
        List<Question> drawn = QuestionDraw.draw(module.questions(), module.drawSize(), recent, random);
        QuizAttempt attempt = new QuizAttempt();
        attempt.id = UUID.randomUUID();
        attempt.personId = personId;
        attempt.moduleId = module.id();
        attempt.contentVersion = content.catalog().version();
        attempt.passMark = module.passMark();
        attempt.questionCount = drawn.size();
        attempt.startedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS); // as PostgreSQL stores it: a replay answers the same
        for (int i = 0; i < drawn.size(); i++) {
            AttemptQuestion q = new AttemptQuestion();
            q.attempt = attempt;
            q.position = i + 1;
            q.questionId = drawn.get(i).id();
            q.correctOptions = drawn.get(i).correct().stream().sorted().toArray(String[]::new);
            attempt.questions.add(q);
        }
        em.persist(attempt);
        progress.started(personId, module.id());
        return attempt;
    }

    /** The attempt if it exists and belongs to this person; anyone else's attempt is indistinguishable from none. */
    public Optional<QuizAttempt> find(long personId, UUID attemptId) {
        QuizAttempt attempt = em.find(QuizAttempt.class, attemptId);
        return attempt != null && attempt.personId == personId ? Optional.of(attempt) : Optional.empty();
    }

    /**
     * Scores and stores the answers. Idempotent: the attempt row is locked, so of two simultaneous submissions one
     * scores and the other waits and then sees the stored result; a resubmission (double click, back button,
     * replay) returns the first result unchanged and never creates a second completion.
     *
     * @param answers chosen option ids per question id
     * @throws InvalidAnswersException when a question is unanswered, unknown, or answered with an unknown option
     */
    @Transactional
    public QuizAttempt submit(long personId, UUID attemptId, Map<String, Set<String>> answers) {
        QuizAttempt attempt = em.find(QuizAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (attempt == null || attempt.personId != personId) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        if (attempt.isSubmitted()) {
            // A replay (double click, back button, retry): the stored result, unchanged.
            org.hibernate.Hibernate.initialize(attempt.questions);
            return attempt;
        }
        Module module = content.catalog().module(attempt.moduleId).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        validate(attempt, module, answers);
        List<Scoring.Answer> scored = new ArrayList<>();
        for (AttemptQuestion q : attempt.questions) {
            Set<String> chosen = answers.get(q.questionId);
            q.chosenOptions = chosen.stream().sorted().toArray(String[]::new);
            scored.add(new Scoring.Answer(q.correct(), chosen));
        }
        Scoring.Result result = Scoring.score(scored, attempt.passMark);
        attempt.submittedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        attempt.rightCount = result.right();
        attempt.percentage = result.percentage();
        attempt.passed = result.passed();
        em.flush();
        metrics.countAfterCommit(BusinessMetrics.QUIZ_ATTEMPTS, "module", module.id(), "result",
                result.passed() ? "passed" : "failed");
        if (result.passed()) {
            completions.recordPass(personId, module, attempt.id, attempt.contentVersion, result.percentage(),
                    attempt.submittedAt);
        }
        return attempt;
    }

    private static void validate(QuizAttempt attempt, Module module, Map<String, Set<String>> answers) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> expected = new LinkedHashSet<>();
        for (AttemptQuestion q : attempt.questions) {
            expected.add(q.questionId);
            Set<String> chosen = answers.getOrDefault(q.questionId, Set.of());
            Optional<Question> question = module.question(q.questionId);
            if (chosen.isEmpty()) {
                errors.put(q.questionId, "Kies een antwoord.");
            } else if (question.isPresent() && chosen.stream().anyMatch(o -> question.get().option(o).isEmpty())) {
                errors.put(q.questionId, "Dit antwoord hoort niet bij deze vraag.");
            } else if (question.isPresent() && question.get().type() == Question.Type.SINGLE && chosen.size() > 1) {
                errors.put(q.questionId, "Kies één antwoord.");
            }
        }
        for (String id : answers.keySet()) {
            if (!expected.contains(id)) {
                errors.put(id, "Deze vraag hoort niet bij deze toets.");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswersException(errors);
        }
    }

    /** A person's attempts at a module, newest first. */
    public List<QuizAttempt> history(long personId, String moduleId) {
        return em.createQuery("from QuizAttempt where personId = :p and moduleId = :m order by startedAt desc",
                QuizAttempt.class).setParameter("p", personId).setParameter("m", moduleId).getResultList();
    }
}
