package nl.meldcodetour.quiz;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

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
    DataSource dataSource;

    @Inject
    ObjectMapper json;

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
        // Plain JDBC on the transaction's connection: this is the hot path of the quiz (issue #9), and Hibernate's
        // load, dirty check and eleven updates were a third of its CPU. Two statements: read (and lock) the attempt
        // with its questions, store the result with all answers; then the completion of a pass.
        try (Connection c = dataSource.getConnection()) {
            QuizAttempt attempt = lockAttempt(c, attemptId);
            if (attempt == null || attempt.personId != personId) {
                throw new jakarta.ws.rs.NotFoundException();
            }
            if (attempt.isSubmitted()) {
                // A replay (double click, back button, retry): the stored result, unchanged. The questions are read
                // again: when this request waited for the lock of a simultaneous submission, the join above gave the
                // attempt as that one stored it but its questions as they were before (PostgreSQL re-reads only the
                // locked row), so without their answers.
                attempt.questions.clear();
                attempt.questions.addAll(questions(c, attempt));
                return attempt;
            }
            Module module = content.catalog().module(attempt.moduleId).orElseThrow(jakarta.ws.rs.NotFoundException::new);
            validate(attempt, module, answers);
            List<Scoring.Answer> scored = new ArrayList<>();
            Map<String, List<String>> chosenByPosition = new LinkedHashMap<>();
            for (AttemptQuestion q : attempt.questions) {
                Set<String> chosen = answers.get(q.questionId);
                q.chosenOptions = chosen.stream().sorted().toArray(String[]::new);
                chosenByPosition.put(String.valueOf(q.position), List.of(q.chosenOptions));
                scored.add(new Scoring.Answer(q.correct(), chosen));
            }
            Scoring.Result result = Scoring.score(scored, attempt.passMark);
            attempt.submittedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            attempt.rightCount = result.right();
            attempt.percentage = result.percentage();
            attempt.passed = result.passed();
            saveAnswers(c, attempt, chosenByPosition);
            metrics.countAfterCommit(BusinessMetrics.QUIZ_ATTEMPTS, "module", module.id(), "result",
                    result.passed() ? "passed" : "failed");
            if (result.passed()) {
                completions.recordPass(personId, module, attempt.id, attempt.contentVersion, result.percentage(),
                        attempt.submittedAt);
            }
            return attempt;
        } catch (SQLException e) {
            throw new IllegalStateException("quiz submission failed", e);
        }
    }

    /** The attempt locked for the rest of the transaction, with its questions: one row per question. */
    static final String LOCK_ATTEMPT = """
            SELECT a.person_id, a.module_id, a.content_version, a.pass_mark, a.question_count, a.started_at,
                   a.submitted_at, a.right_count, a.percentage, a.passed,
                   q.position, q.question_id, q.correct_options, q.chosen_options
            FROM quiz_attempt a LEFT JOIN attempt_question q ON q.attempt_id = a.id
            WHERE a.id = ? ORDER BY q.position FOR UPDATE OF a""";
    /**
     * The result and the chosen options of every question in one statement; the options as
     * {"1": ["a"], "2": ["b", "c"], ...} by position. Returns one row per question stored.
     */
    static final String SAVE = """
            WITH result AS (
                UPDATE quiz_attempt SET submitted_at = ?, right_count = ?, percentage = ?, passed = ? WHERE id = ?)
            UPDATE attempt_question q SET chosen_options = ARRAY(SELECT jsonb_array_elements_text(v.value))
            FROM jsonb_each(?::jsonb) v
            WHERE q.attempt_id = ? AND q.position = v.key::int""";

    /** The attempt with its questions, locked for the rest of the transaction; null when there is none. */
    private static QuizAttempt lockAttempt(Connection c, UUID attemptId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LOCK_ATTEMPT)) {
            s.setObject(1, attemptId);
            try (ResultSet r = s.executeQuery()) {
                QuizAttempt a = null;
                while (r.next()) {
                    if (a == null) {
                        a = new QuizAttempt();
                        a.id = attemptId;
                        a.personId = r.getLong(1);
                        a.moduleId = r.getString(2);
                        a.contentVersion = r.getString(3);
                        a.passMark = r.getInt(4);
                        a.questionCount = r.getInt(5);
                        a.startedAt = r.getObject(6, OffsetDateTime.class).toInstant();
                        OffsetDateTime submitted = r.getObject(7, OffsetDateTime.class);
                        a.submittedAt = submitted == null ? null : submitted.toInstant();
                        a.rightCount = (Integer) r.getObject(8);
                        a.percentage = (Integer) r.getObject(9);
                        a.passed = (Boolean) r.getObject(10);
                    }
                    if (r.getObject(11) != null) {
                        a.questions.add(question(r, 11, a));
                    }
                }
                return a;
            }
        }
    }

    static final String QUESTIONS = """
            SELECT position, question_id, correct_options, chosen_options
            FROM attempt_question WHERE attempt_id = ? ORDER BY position""";

    private static List<AttemptQuestion> questions(Connection c, QuizAttempt attempt) throws SQLException {
        List<AttemptQuestion> list = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(QUESTIONS)) {
            s.setObject(1, attempt.id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(question(r, 1, attempt));
                }
            }
        }
        return list;
    }

    /** A question of the attempt from columns position, question_id, correct_options, chosen_options at {@code first}. */
    private static AttemptQuestion question(ResultSet r, int first, QuizAttempt attempt) throws SQLException {
        AttemptQuestion q = new AttemptQuestion();
        q.attempt = attempt;
        q.position = r.getInt(first);
        q.questionId = r.getString(first + 1);
        q.correctOptions = (String[]) r.getArray(first + 2).getArray();
        Array chosen = r.getArray(first + 3);
        q.chosenOptions = chosen == null ? null : (String[]) chosen.getArray();
        return q;
    }

    private void saveAnswers(Connection c, QuizAttempt attempt, Map<String, List<String>> chosenByPosition)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SAVE)) {
            s.setObject(1, attempt.submittedAt.atOffset(ZoneOffset.UTC));
            s.setInt(2, attempt.rightCount);
            s.setInt(3, attempt.percentage);
            s.setBoolean(4, attempt.passed);
            s.setObject(5, attempt.id);
            s.setString(6, json.writeValueAsString(chosenByPosition));
            s.setObject(7, attempt.id);
            int updated = s.executeUpdate();
            if (updated != attempt.questions.size()) {
                throw new IllegalStateException("answers stored for " + updated + " of " + attempt.questions.size()
                        + " questions of attempt " + attempt.id);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
