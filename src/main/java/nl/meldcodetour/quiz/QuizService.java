/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
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
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Question;
import nl.meldcodetour.core.MissingException;
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

    @Inject
    AuditLog audit;

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

    /** A submission's result: the attempt as stored, and whether it had been handed in before this submission. */
    record Submission(AttemptRow attempt, boolean handedInBefore) {}

    /** An attempt to answer, and whether it was already open (resumed) or newly drawn. */
    public record Started(QuizAttempt attempt, boolean resumed) {}

    /**
     * Whether a new attempt may start. Closed after two failed attempts in a row, until the learner has opened the
     * pages that explain the wrong answers of the last one, or the module's cool-down has passed, or a beheerder lifted it.
     *
     * @param pagesToRead module pages (1-based) still to open; empty when the gate is open
     * @param opensAt     when the cool-down ends; null when the gate is open
     */
    public record Gate(boolean closed, List<Integer> pagesToRead, Instant opensAt) {
        public static final Gate OPEN = new Gate(false, List.of(), null);
    }

    /** Thrown when the retry gate is closed; carries what the learner can do. */
    public static class RetryGateException extends RuntimeException {
        private final transient Module module;
        private final transient Gate gate;

        public RetryGateException(Module module, Gate gate) {
            super("retry gate closed for module " + module.id(), null, false, false);
            this.module = module;
            this.gate = gate;
        }

        public Module module() {
            return module;
        }

        public Gate gate() {
            return gate;
        }
    }

    /** Thrown when a draft is saved for an attempt that was submitted already. */
    public static class AlreadySubmittedException extends RuntimeException {
        private final UUID attemptId;

        public AlreadySubmittedException(UUID attemptId) {
            super("attempt already submitted", null, false, false);
            this.attemptId = attemptId;
        }

        public UUID attemptId() {
            return attemptId;
        }
    }

    /**
     * The person's open attempt at this module, or else a new one with a fresh random draw. There is at most one open
     * attempt per person and module (a unique index; concurrent starts wait for each other), so starting again resumes
     * it with the same questions, the same order and the draft. An open attempt the content no longer fits (a question
     * or option was removed) is discarded: it holds no score. A new draw avoids the questions of the person's most
     * recent attempt where the bank allows and shows every question's options in an order of its own.
     *
     * @throws RetryGateException after two failed attempts in a row, until the gate opens (see {@link #gate})
     */
    @Transactional
    public Started start(long personId, Module module) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                .setParameter(1, "quiz-start:" + personId + ":" + module.id())
                .getSingleResult();
        Optional<QuizAttempt> open = em.createQuery(
                        "from QuizAttempt where personId = :p and moduleId = :m and submittedAt is null",
                        QuizAttempt.class)
                .setParameter("p", personId)
                .setParameter("m", module.id())
                .getResultStream()
                .findFirst();
        if (open.isPresent()) {
            if (fits(open.get(), module)) {
                return new Started(open.get(), true);
            }
            em.remove(open.get());
            em.flush();
        }
        Gate gate = gate(personId, module);
        if (gate.closed()) {
            throw new RetryGateException(module, gate);
        }
        List<String> recent = em.createQuery("""
                select q.questionId from AttemptQuestion q
                where q.attempt.id = (select a.id from QuizAttempt a where a.personId = :p and a.moduleId = :m
                                      order by a.startedAt desc limit 1)
                """, String.class)
                .setParameter("p", personId)
                .setParameter("m", module.id())
                .getResultList();
        List<Question> drawn = QuestionDraw.draw(module.questions(), module.drawSize(), recent, random);
        QuizAttempt attempt = new QuizAttempt();
        attempt.id = UUID.randomUUID();
        attempt.personId = personId;
        attempt.moduleId = module.id();
        attempt.contentVersion = content.catalog().version();
        attempt.passMark = module.passMark();
        attempt.questionCount = drawn.size();
        attempt.startedAt =
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS); // as PostgreSQL stores it: a replay answers the same
        for (int i = 0; i < drawn.size(); i++) {
            AttemptQuestion q = new AttemptQuestion();
            q.attempt = attempt;
            q.position = i + 1;
            q.questionId = drawn.get(i).id();
            q.correctOptions = drawn.get(i).correct().stream().sorted().toArray(String[]::new);
            q.optionOrder = QuestionDraw.optionOrder(drawn.get(i), random);
            attempt.questions.add(q);
        }
        em.persist(attempt);
        progress.started(personId, module.id());
        return new Started(attempt, false);
    }

    /** Whether the content still has every question of an open attempt with exactly the options it was drawn with. */
    private static boolean fits(QuizAttempt attempt, Module module) {
        for (AttemptQuestion q : attempt.questions) {
            Optional<Question> question = module.question(q.questionId);
            if (question.isEmpty()
                    || (q.optionOrder != null
                            && !Set.of(q.optionOrder)
                                    .equals(question.get().options().stream()
                                            .map(Question.Option::id)
                                            .collect(Collectors.toSet())))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The retry gate for a new attempt. Only attempts submitted after the latest lift by a beheerder count. Closed when
     * the last two of those failed, the learner has not opened every page that explains a wrong answer of the last one
     * since it was submitted (a question without a page reference points to the module's first page), and the module's
     * cool-down since that submission has not passed.
     */
    public Gate gate(long personId, Module module) {
        List<Instant> lifts = em.createQuery(
                        "select max(l.liftedAt) from QuizGateLift l where l.personId = :p and l.moduleId = :m",
                        Instant.class)
                .setParameter("p", personId)
                .setParameter("m", module.id())
                .getResultList();
        Instant liftedAt = lifts.isEmpty() || lifts.get(0) == null ? Instant.EPOCH : lifts.get(0);
        List<QuizAttempt> last = em.createQuery("""
                from QuizAttempt where personId = :p and moduleId = :m and submittedAt is not null and submittedAt > :lifted
                order by submittedAt desc""", QuizAttempt.class)
                .setParameter("p", personId)
                .setParameter("m", module.id())
                .setParameter("lifted", liftedAt)
                .setMaxResults(2)
                .getResultList();
        if (last.size() < 2 || last.get(0).passed || last.get(1).passed) {
            return Gate.OPEN;
        }
        QuizAttempt failed = last.get(0);
        Instant opensAt = failed.submittedAt.plus(module.retryCooldownMinutes(), ChronoUnit.MINUTES);
        if (!Instant.now(clock).isBefore(opensAt)) {
            return Gate.OPEN;
        }
        List<Integer> unread =
                progress.notReadSince(personId, module.id(), explainingPages(failed, module), failed.submittedAt);
        return unread.isEmpty() ? Gate.OPEN : new Gate(true, unread, opensAt);
    }

    /** The module pages that explain the wrong answers of a submitted attempt, in page order. */
    static List<Integer> explainingPages(QuizAttempt attempt, Module module) {
        return attempt.questions.stream()
                .filter(q -> !q.isRight())
                .map(q -> module.question(q.questionId)
                        .map(Question::page)
                        .filter(p -> p > 0 && p <= module.pageCount())
                        .orElse(1))
                .distinct()
                .sorted()
                .toList();
    }

    /** A beheerder lifts the retry gate of a person for a module: failures before now no longer count. Audit-logged. */
    @Transactional
    public void liftGate(long personId, Module module, String actor) {
        QuizGateLift lift = new QuizGateLift();
        lift.personId = personId;
        lift.moduleId = module.id();
        lift.liftedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        lift.liftedBy = actor;
        em.persist(lift);
        audit.record(actor, "QUIZ_GATE_LIFT", "person", personId, "toetsblokkade opgeheven voor module " + module.id());
    }

    /** A module of the content, by id. */
    public Optional<Module> module(String moduleId) {
        return content.catalog().module(moduleId);
    }

    /** The modules whose retry gate is closed for this person now, with the gate. */
    public Map<Module, Gate> closedGates(long personId) {
        Map<Module, Gate> closed = new LinkedHashMap<>();
        List<String> modules = em.createQuery(
                        "select distinct a.moduleId from QuizAttempt a where a.personId = :p and a.passed = false order by a.moduleId",
                        String.class)
                .setParameter("p", personId)
                .getResultList();
        for (String moduleId : modules) {
            content.catalog().module(moduleId).ifPresent(module -> {
                Gate gate = gate(personId, module);
                if (gate.closed()) {
                    closed.put(module, gate);
                }
            });
        }
        return closed;
    }

    /**
     * Saves the chosen answers of an open attempt as a draft, without scoring: the whole draft is replaced, so a
     * question not in {@code answers} (or with no options) is unanswered again. The reply is the same whatever was
     * chosen, so a draft can't be used to probe the key.
     *
     * @param answers per question id the shown letters chosen (a, b, …)
     * @throws AlreadySubmittedException when the attempt was submitted
     * @throws InvalidAnswersException   when a question or letter is not part of the attempt
     */
    @Transactional
    public QuizAttempt saveDraft(long personId, UUID attemptId, Map<String, Set<String>> answers) {
        QuizAttempt attempt = em.find(QuizAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (attempt == null || attempt.personId != personId) {
            throw new MissingException();
        }
        if (attempt.isSubmitted()) {
            throw new AlreadySubmittedException(attemptId);
        }
        Module module = content.catalog().module(attempt.moduleId).orElseThrow(MissingException::new);
        Map<String, Set<String>> chosen = toContentIds(attempt.questions, module, answers, false);
        for (AttemptQuestion q : attempt.questions) {
            Set<String> ids = chosen.getOrDefault(q.questionId, Set.of());
            q.chosenOptions = ids.isEmpty() ? null : ids.stream().sorted().toArray(String[]::new);
        }
        attempt.draftSavedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
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
     * @param answers per question id the shown letters chosen (a, b, …; see {@link DrawnQuestion#shownOptions})
     * @throws InvalidAnswersException when a question is unanswered, unknown, or answered with an unknown letter
     */
    @Transactional
    public Submission submit(long personId, UUID attemptId, Map<String, Set<String>> answers) {
        // Plain JDBC on the transaction's connection (docs/benchmarks.md, Decisions: Quiz submission in plain JDBC):
        // Hibernate's load, dirty check and eleven updates were a third of the quiz's CPU. Two statements: read (and
        // lock) the attempt with its questions, store the result with all answers; then the completion of a pass. The
        // attempt is an AttemptRow, not the QuizAttempt entity: every change is stored by the SQL below, none by a
        // setter.
        try (Connection c = dataSource.getConnection()) {
            AttemptRow attempt = lockAttempt(c, attemptId);
            if (attempt == null || attempt.personId() != personId) {
                throw new MissingException();
            }
            if (attempt.isSubmitted()) {
                // A replay (double click, back button, retry): the stored result, unchanged. The questions are read
                // again: when this request waited for the lock of a simultaneous submission, the join above gave the
                // attempt as that one stored it but its questions as they were before (PostgreSQL re-reads only the
                // locked row), so without their answers.
                return new Submission(attempt.withQuestions(questions(c, attemptId)), true);
            }
            Module module = content.catalog().module(attempt.moduleId()).orElseThrow(MissingException::new);
            Map<String, Set<String>> chosenIds = toContentIds(attempt.questions(), module, answers, true);
            List<Scoring.Answer> scored = new ArrayList<>();
            List<AttemptRow.QuestionRow> answered = new ArrayList<>();
            Map<String, List<String>> chosenByPosition = new LinkedHashMap<>();
            for (DrawnQuestion q : attempt.questions()) {
                Set<String> chosen = chosenIds.get(q.questionId());
                String[] chosenOptions = chosen.stream().sorted().toArray(String[]::new);
                answered.add(new AttemptRow.QuestionRow(
                        q.position(), q.questionId(), q.correctOptions(), chosenOptions, q.optionOrder()));
                chosenByPosition.put(String.valueOf(q.position()), List.of(chosenOptions));
                scored.add(new Scoring.Answer(q.correct(), chosen));
            }
            Scoring.Result result = Scoring.score(scored, attempt.passMark());
            AttemptRow submitted =
                    attempt.submitted(Instant.now(clock).truncatedTo(ChronoUnit.MICROS), result, answered);
            saveAnswers(c, submitted, chosenByPosition);
            metrics.countAfterCommit(
                    BusinessMetrics.QUIZ_ATTEMPTS,
                    "module",
                    module.id(),
                    "result",
                    result.passed() ? "passed" : "failed");
            if (result.passed()) {
                completions.recordPass(
                        personId,
                        module,
                        submitted.id(),
                        submitted.contentVersion(),
                        result.percentage(),
                        submitted.submittedAt());
            }
            return new Submission(submitted, false);
        } catch (SQLException e) {
            throw new IllegalStateException("quiz submission failed", e);
        }
    }

    /** The attempt locked for the rest of the transaction, with its questions: one row per question. */
    static final String LOCK_ATTEMPT = """
            SELECT a.person_id, a.module_id, a.content_version, a.pass_mark, a.question_count, a.started_at,
                   a.submitted_at, a.right_count, a.percentage, a.passed,
                   q.position, q.question_id, q.correct_options, q.chosen_options, q.option_order
            FROM quiz_attempt a LEFT JOIN attempt_question q ON q.attempt_id = a.id
            WHERE a.id = ? ORDER BY q.position FOR UPDATE OF a""";
    /**
     * The result and the chosen options of every question in one statement; the options as
     * {"1": ["a"], "2": ["b", "c"], ...} by position. Returns one row per question stored. The same statement writes
     * the learner's own action to the audit log (actor: their subject; details: the module), so that it is in their
     * personal-data export, without a round trip of its own on the quiz's hot path.
     */
    static final String SAVE = """
            WITH result AS (
                UPDATE quiz_attempt SET submitted_at = ?, right_count = ?, percentage = ?, passed = ? WHERE id = ?
                RETURNING id, person_id, module_id),
            logged AS (
                INSERT INTO audit_log (actor, action, object_type, object_id, details)
                SELECT p.subject, 'SUBMIT', 'quiz-attempt', CAST(r.id AS text), r.module_id FROM result r JOIN person p ON p.id = r.person_id)
            UPDATE attempt_question q SET chosen_options = ARRAY(SELECT jsonb_array_elements_text(v.value))
            FROM jsonb_each(?::jsonb) v
            WHERE q.attempt_id = ? AND q.position = v.key::int""";

    /** The attempt with its questions, locked for the rest of the transaction; null when there is none. */
    private static AttemptRow lockAttempt(Connection c, UUID attemptId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LOCK_ATTEMPT)) {
            s.setObject(1, attemptId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                OffsetDateTime submitted = r.getObject(7, OffsetDateTime.class);
                AttemptRow attempt = new AttemptRow(
                        attemptId,
                        r.getLong(1),
                        r.getString(2),
                        r.getString(3),
                        r.getInt(4),
                        r.getInt(5),
                        submitted == null ? null : submitted.toInstant(),
                        (Integer) r.getObject(8),
                        (Integer) r.getObject(9),
                        (Boolean) r.getObject(10),
                        List.of());
                List<DrawnQuestion> questions = new ArrayList<>();
                do {
                    if (r.getObject(11) != null) {
                        questions.add(question(r, 11));
                    }
                } while (r.next());
                return attempt.withQuestions(questions);
            }
        }
    }

    static final String QUESTIONS = """
            SELECT position, question_id, correct_options, chosen_options, option_order
            FROM attempt_question WHERE attempt_id = ? ORDER BY position""";

    private static List<DrawnQuestion> questions(Connection c, UUID attemptId) throws SQLException {
        List<DrawnQuestion> list = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(QUESTIONS)) {
            s.setObject(1, attemptId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(question(r, 1));
                }
            }
        }
        return list;
    }

    /**
     * A question of the attempt from columns position, question_id, correct_options, chosen_options, option_order at
     * {@code first}.
     */
    private static AttemptRow.QuestionRow question(ResultSet r, int first) throws SQLException {
        Array chosen = r.getArray(first + 3);
        Array order = r.getArray(first + 4);
        return new AttemptRow.QuestionRow(
                r.getInt(first),
                r.getString(first + 1),
                (String[]) r.getArray(first + 2).getArray(),
                chosen == null ? null : (String[]) chosen.getArray(),
                order == null ? null : (String[]) order.getArray());
    }

    private void saveAnswers(Connection c, AttemptRow attempt, Map<String, List<String>> chosenByPosition)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SAVE)) {
            s.setObject(1, attempt.submittedAt().atOffset(ZoneOffset.UTC));
            s.setInt(2, attempt.rightCount());
            s.setInt(3, attempt.percentage());
            s.setBoolean(4, attempt.passed());
            s.setObject(5, attempt.id());
            s.setString(6, json.writeValueAsString(chosenByPosition));
            s.setObject(7, attempt.id());
            int updated = s.executeUpdate();
            if (updated != attempt.questions().size()) {
                throw new IllegalStateException("answers stored for " + updated + " of "
                        + attempt.questions().size() + " questions of attempt " + attempt.id());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The shown letters of {@code answers} as content option ids, per question id. Every error message is the same
     * whichever option is right, so nothing here tells the key.
     *
     * @param complete true for a submission: every question needs an answer
     */
    private static Map<String, Set<String>> toContentIds(
            List<? extends DrawnQuestion> questions,
            Module module,
            Map<String, Set<String>> answers,
            boolean complete) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        Set<String> expected = new LinkedHashSet<>();
        for (DrawnQuestion q : questions) {
            expected.add(q.questionId());
            Set<String> chosen = answers.getOrDefault(q.questionId(), Set.of());
            Optional<Question> question = module.question(q.questionId());
            List<Question.Option> shown = q.shownOptions(question);
            Set<String> mapped = new LinkedHashSet<>();
            boolean unknown = false;
            for (String letter : chosen) {
                int index = letter.length() == 1 ? letter.charAt(0) - 'a' : -1;
                if (index < 0 || index >= shown.size()) {
                    unknown = true;
                } else {
                    mapped.add(shown.get(index).id());
                }
            }
            if (unknown) {
                errors.put(q.questionId(), "Dit antwoord hoort niet bij deze vraag.");
            } else if (chosen.isEmpty() && complete) {
                errors.put(q.questionId(), "Kies een antwoord.");
            } else if (question.isPresent() && question.get().type() == Question.Type.SINGLE && chosen.size() > 1) {
                errors.put(q.questionId(), "Kies één antwoord.");
            }
            ids.put(q.questionId(), mapped);
        }
        for (String id : answers.keySet()) {
            if (!expected.contains(id)) {
                errors.put(id, "Deze vraag hoort niet bij deze toets.");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswersException(errors);
        }
        return ids;
    }

    /**
     * A person's attempts for their personal-data export, oldest first, as plain values. Options are named by the
     * letters the person saw. An open attempt shows the drawn questions, their options and the draft; only a submitted
     * one shows the right letters too.
     */
    public List<Map<String, Object>> export(long personId) {
        List<QuizAttempt> attempts = em.createQuery(
                        "from QuizAttempt where personId = :p order by startedAt", QuizAttempt.class)
                .setParameter("p", personId)
                .getResultList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (QuizAttempt a : attempts) {
            Optional<Module> module = content.catalog().module(a.moduleId);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", a.id.toString());
            row.put("module", a.moduleId);
            row.put("inhoudsversie", a.contentVersion);
            row.put("gestart", a.startedAt.toString());
            row.put("concept_opgeslagen", a.draftSavedAt == null ? null : a.draftSavedAt.toString());
            row.put("ingeleverd", a.submittedAt == null ? null : a.submittedAt.toString());
            row.put("aantal_goed", a.rightCount);
            row.put("percentage", a.percentage);
            row.put("gehaald", a.passed);
            List<Map<String, Object>> questions = new ArrayList<>();
            for (AttemptQuestion q : a.questions) {
                List<Question.Option> shown = q.shownOptions(module.flatMap(m -> m.question(q.questionId)));
                Map<String, Object> question = new LinkedHashMap<>();
                question.put("vraag", q.questionId);
                List<Map<String, String>> options = new ArrayList<>();
                List<String> chosen = new ArrayList<>();
                List<String> right = new ArrayList<>();
                for (int i = 0; i < shown.size(); i++) {
                    options.add(Map.of(
                            "letter",
                            AttemptQuestion.letter(i),
                            "tekst",
                            shown.get(i).text()));
                    if (q.chosen().contains(shown.get(i).id())) {
                        chosen.add(AttemptQuestion.letter(i));
                    }
                    if (a.isSubmitted() && q.correct().contains(shown.get(i).id())) {
                        right.add(AttemptQuestion.letter(i));
                    }
                }
                question.put("opties", options);
                question.put("gekozen", chosen);
                if (a.isSubmitted()) {
                    question.put("goed", right);
                    question.put("juist_beantwoord", q.isRight());
                }
                questions.add(question);
            }
            row.put("vragen", questions);
            rows.add(row);
        }
        return rows;
    }

    /** A person's attempts at a module, newest first. */
    public List<QuizAttempt> history(long personId, String moduleId) {
        return em.createQuery(
                        "from QuizAttempt where personId = :p and moduleId = :m order by startedAt desc",
                        QuizAttempt.class)
                .setParameter("p", personId)
                .setParameter("m", moduleId)
                .getResultList();
    }
}
