/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.identity.CachingTokenIdentityProvider;
import nl.meldcodetour.testsupport.Quizzes;
import nl.meldcodetour.testsupport.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QuizApiTest {

    static final String MODULE = "meldcode-in-5-stappen";

    @Inject
    ContentService content;

    @Inject
    EntityManager em;

    private Module module() {
        return content.catalog().module(MODULE).orElseThrow();
    }

    private JsonPath start(Tokens.TestUser user) {
        return user.given()
                .post("/api/modules/" + MODULE + "/attempts")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/attempts/"))
                .extract()
                .jsonPath();
    }

    /** Answers for the drawn questions: all right, or the first {@code wrong} of them wrong. */
    private Map<String, List<String>> answers(JsonPath attempt, int wrong) {
        Map<String, List<String>> right = Quizzes.answers(attempt, module(), true);
        Map<String, List<String>> bad = Quizzes.answers(attempt, module(), false);
        Map<String, List<String>> answers = new HashMap<>();
        List<String> ids = attempt.getList("quiz.questions.id");
        for (int i = 0; i < ids.size(); i++) {
            answers.put(ids.get(i), new ArrayList<>((i < wrong ? bad : right).get(ids.get(i))));
        }
        return answers;
    }

    /** Shown letters as the content option ids the attempt stores, through its option order. */
    private Map<String, List<String>> contentIds(UUID attemptId, Map<String, List<String>> letters) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT question_id, option_order FROM attempt_question WHERE attempt_id = ?1")
                .setParameter(1, attemptId)
                .getResultList();
        Map<String, List<String>> ids = new HashMap<>();
        for (Object[] row : rows) {
            String[] order = (String[]) row[1];
            ids.put(
                    (String) row[0],
                    letters.get((String) row[0]).stream()
                            .map(l -> order[l.charAt(0) - 'a'])
                            .sorted()
                            .toList());
        }
        return ids;
    }

    private Response submit(Tokens.TestUser user, String attemptId, Map<String, List<String>> answers) {
        return user.given()
                .contentType(ContentType.JSON)
                .body(Map.of("answers", answers))
                .post("/api/attempts/" + attemptId + "/submission");
    }

    private long completions(Tokens.TestUser user) {
        return ((Number) em.createNativeQuery(
                                "SELECT count(*) FROM completion c JOIN person p ON p.id = c.person_id WHERE p.subject = ?1")
                        .setParameter(1, user.subject())
                        .getSingleResult())
                .longValue();
    }

    @Test
    void startingAnAttemptDrawsQuestionsWithoutRevealingAnswers() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        Response response = user.given().post("/api/modules/" + MODULE + "/attempts");
        response.then()
                .statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("result", nullValue())
                .body("quiz.questions", hasSize(module().drawSize()))
                .body("quiz.passMark", equalTo(80));
        String json = response.asString();
        assertFalse(json.contains("\"correct\""), "no correct flags before submission: " + json);
        assertFalse(json.contains("feedback"), "no feedback before submission: " + json);
        assertFalse(json.contains("source"), "no sources before submission: " + json);
        // The same holds when the open attempt is read again.
        String again = user.given()
                .get("/api/attempts/" + response.jsonPath().getString("id"))
                .asString();
        assertFalse(again.contains("\"correct\"") || again.contains("feedback"), again);
    }

    @Test
    void passingCreatesOneCompletionValidForTheRefresherPeriod() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        JsonPath attempt = start(user);
        submit(user, attempt.getString("id"), answers(attempt, 1))
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("result.right", equalTo(9))
                .body("result.total", equalTo(10))
                .body("result.percentage", equalTo(90))
                .body("result.passed", equalTo(true))
                .body("result.questions[0].right", equalTo(false))
                .body("result.questions[0].source", notNullValue())
                .body("result.questions.options.flatten().findAll { it.correct }", not(hasSize(0)));
        LocalDate today = LocalDate.now(ClockProducer.ZONE);
        user.given()
                .get("/api/completions")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].moduleId", equalTo(MODULE))
                .body("[0].score", equalTo(90))
                .body(
                        "[0].validUntil",
                        equalTo(today.plusMonths(module().refresherMonths()).toString()))
                .body("[0].contentVersion", equalTo(content.catalog().version()));
        user.given().get("/api/modules").then().body("find { it.id == '" + MODULE + "' }.status", equalTo("BEHAALD"));
    }

    @Test
    void failingGivesNoCompletionAndARetryDrawsOtherQuestions() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        JsonPath first = start(user);
        submit(user, first.getString("id"), answers(first, 3))
                .then()
                .statusCode(200)
                .body("result.passed", equalTo(false))
                .body("result.percentage", equalTo(70));
        assertEquals(0, completions(user));
        JsonPath second = start(user);
        assertNotEquals(first.getString("id"), second.getString("id"));
        Set<String> firstIds = new HashSet<>(first.getList("quiz.questions.id"));
        Set<String> secondIds = new HashSet<>(second.getList("quiz.questions.id"));
        int bank = module().questions().size();
        int unseen = bank - firstIds.size();
        // all questions not asked the first time come first in the retry
        assertEquals(
                Math.min(unseen, secondIds.size()),
                secondIds.stream().filter(id -> !firstIds.contains(id)).count(),
                "retry should prefer unseen questions: " + firstIds + " then " + secondIds);
        user.given()
                .get("/api/modules/" + MODULE + "/attempts")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("[0].attemptId", equalTo(second.getString("id")));
    }

    @Test
    void resubmittingReturnsTheFirstResultAndNeverASecondCompletion() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        JsonPath attempt = start(user);
        String id = attempt.getString("id");
        submit(user, id, answers(attempt, 0)).then().statusCode(200).body("result.percentage", equalTo(100));
        // a replay with other answers changes nothing
        submit(user, id, answers(attempt, 5))
                .then()
                .statusCode(200)
                .body("result.percentage", equalTo(100))
                .body("result.passed", equalTo(true));
        assertEquals(1, completions(user));
    }

    private static Map<String, List<String>> sorted(Map<String, List<String>> answers) {
        Map<String, List<String>> sorted = new TreeMap<>();
        answers.forEach((question, options) ->
                sorted.put(question, options.stream().sorted().toList()));
        return sorted;
    }

    /** The options marked chosen in a result, per question id. */
    private static Map<String, List<String>> chosenPerQuestion(JsonPath view) {
        Map<String, List<String>> chosen = new TreeMap<>();
        for (Map<String, Object> q : view.<Map<String, Object>>getList("result.questions")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> options = (List<Map<String, Object>>) q.get("options");
            chosen.put(
                    (String) q.get("id"),
                    options.stream()
                            .filter(o -> Boolean.TRUE.equals(o.get("chosen")))
                            .map(o -> (String) o.get("id"))
                            .sorted()
                            .toList());
        }
        return chosen;
    }

    @Test
    void theChosenOptionsAreStoredPerQuestionAndShownAgainLater() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        JsonPath attempt = start(user);
        String id = attempt.getString("id");
        Map<String, List<String>> sent = answers(attempt, 3);
        JsonPath submitted =
                submit(user, id, sent).then().statusCode(200).extract().jsonPath();
        // read back in a new request (from the database), and straight from the table
        JsonPath stored = user.given()
                .get("/api/attempts/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (JsonPath view : List.of(submitted, stored)) {
            assertEquals(sorted(sent), chosenPerQuestion(view));
            assertEquals(sent.size() - 3, view.getInt("result.right"));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT question_id, array_to_string(chosen_options, ',') FROM attempt_question WHERE attempt_id = ?1")
                .setParameter(1, UUID.fromString(id))
                .getResultList();
        assertEquals(sent.size(), rows.size());
        Map<String, List<String>> sentIds = contentIds(UUID.fromString(id), sent);
        for (Object[] row : rows) {
            assertEquals(String.join(",", sentIds.get((String) row[0])), row[1]);
        }
    }

    @Test
    void parallelDoubleSubmissionsAllGetTheSameResultAndOneCompletion() throws Exception {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        JsonPath attempt = start(user);
        String id = attempt.getString("id");
        Map<String, List<String>> answers = answers(attempt, 2);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> submit(user, id, answers));
            }
            List<Future<Response>> results = pool.invokeAll(calls);
            for (Future<Response> result : results) {
                Response r = result.get();
                assertEquals(200, r.statusCode(), r.asString());
                assertEquals(80, r.jsonPath().getInt("result.percentage"));
                assertTrue(r.jsonPath().getBoolean("result.passed"));
                // also the requests that waited for the lock show the answers, not only the score
                assertEquals(sorted(answers), chosenPerQuestion(r.jsonPath()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, completions(user));
    }

    @Inject
    DataSource dataSource;

    /**
     * A submission that has to wait for the lock of another one that stores the answers: when it gets the lock it
     * returns the stored result with the stored answers (PostgreSQL hands the waiting statement the new version of
     * the locked attempt row only, so the questions have to be read again).
     */
    @Test
    void aSubmissionThatWaitedForTheLockReturnsTheAnswersStoredMeanwhile() throws Exception {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        JsonPath attempt = start(user);
        UUID id = UUID.fromString(attempt.getString("id"));
        Map<String, List<String>> stored = answers(attempt, 1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var lock = c.prepareStatement("SELECT id FROM quiz_attempt WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, id);
                lock.executeQuery().close();
            }
            Future<Response> waiting = pool.submit(() -> submit(user, id.toString(), answers(attempt, 5)));
            await("the submission waits for the lock")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> blockedOnALock(id));
            // meanwhile "another submission" stores its answers and result
            try (var save = c.prepareStatement(QuizService.SAVE)) {
                save.setObject(1, OffsetDateTime.now());
                save.setInt(2, stored.size() - 1);
                save.setInt(3, 90);
                save.setBoolean(4, true);
                save.setObject(5, id);
                Map<String, List<String>> byPosition = new HashMap<>();
                List<String> ids = attempt.getList("quiz.questions.id");
                List<Integer> positions = attempt.getList("quiz.questions.position");
                Map<String, List<String>> storedIds = contentIds(id, stored);
                for (int i = 0; i < ids.size(); i++) {
                    byPosition.put(String.valueOf(positions.get(i)), storedIds.get(ids.get(i)));
                }
                save.setString(6, new ObjectMapper().writeValueAsString(byPosition));
                save.setObject(7, id);
                assertEquals(stored.size(), save.executeUpdate());
            }
            c.commit();
            Response r = waiting.get(10, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode(), r.asString());
            assertEquals(90, r.jsonPath().getInt("result.percentage"));
            assertEquals(sorted(stored), chosenPerQuestion(r.jsonPath()), "the answers stored by the other submission");
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean blockedOnALock(UUID attemptId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var s = c.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FROM quiz_attempt a%'")) {
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }

    @Test
    void incompleteOrWrongAnswersAre400NamingTheQuestion() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        JsonPath attempt = start(user);
        String id = attempt.getString("id");
        Map<String, List<String>> answers = answers(attempt, 0);
        String first = attempt.getString("quiz.questions[0].id");
        String second = attempt.getString("quiz.questions[1].id");
        answers.remove(first);
        answers.put(second, List.of("zz"));
        answers.put("verzonnen-vraag", List.of("a"));
        submit(user, id, answers)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("status", equalTo(400))
                .body("violations.field", hasItem("answers." + first))
                .body("violations.field", hasItem("answers." + second))
                .body("violations.field", hasItem("answers.verzonnen-vraag"))
                .body("violations.find { it.field == 'answers." + first + "' }.message", equalTo("Kies een antwoord."));
        // nothing was stored: the attempt is still open and can be completed
        user.given().get("/api/attempts/" + id).then().body("status", equalTo("OPEN"));
        submit(user, id, answers(attempt, 0)).then().statusCode(200).body("result.passed", equalTo(true));
    }

    @Test
    void twoAnswersToASingleChoiceQuestionAreRejected() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        JsonPath attempt = start(user);
        Map<String, List<String>> answers = answers(attempt, 0);
        String single = attempt.getList("quiz.questions", Map.class).stream()
                .filter(q -> "single".equals(q.get("type")))
                .map(q -> (String) q.get("id"))
                .findFirst()
                .orElseThrow();
        answers.put(single, List.of("a", "b"));
        submit(user, attempt.getString("id"), answers)
                .then()
                .statusCode(400)
                .body(
                        "violations.find { it.field == 'answers." + single + "' }.message",
                        equalTo("Kies één antwoord."));
    }

    @Test
    void malformedBodiesAre400NotServerErrors() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        String id = start(user).getString("id");
        String url = "/api/attempts/" + id + "/submission";
        user.given()
                .contentType(ContentType.JSON)
                .body("{\"answers\": ")
                .post(url)
                .then()
                .statusCode(400)
                .body("title", notNullValue());
        user.given()
                .contentType(ContentType.JSON)
                .body("{\"answers\": \"alles\"}")
                .post(url)
                .then()
                .statusCode(400);
        user.given()
                .contentType(ContentType.JSON)
                .body("{}")
                .post(url)
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("answers"));
        user.given()
                .contentType(ContentType.JSON)
                .body("{\"answers\": {\"x\": null}}")
                .post(url)
                .then()
                .statusCode(400);
        user.given().contentType(ContentType.JSON).post(url).then().statusCode(400);
        user.given()
                .contentType(ContentType.TEXT)
                .body("hallo")
                .post(url)
                .then()
                .statusCode(415);
    }

    @Test
    void someoneElsesAttemptIsNotFound() {
        Tokens.TestUser owner = Tokens.newUser(null, "medewerker");
        Tokens.TestUser other = Tokens.newUser(null, "beheerder");
        JsonPath attempt = start(owner);
        String id = attempt.getString("id");
        other.given().get("/api/attempts/" + id).then().statusCode(404);
        submit(other, id, answers(attempt, 0)).then().statusCode(404);
        owner.given().get("/api/attempts/" + id).then().statusCode(200).body("status", equalTo("OPEN"));
        assertEquals(0, completions(other));
    }

    @Test
    void unknownOrMalformedAttemptIdsAre404() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        user.given().get("/api/attempts/" + UUID.randomUUID()).then().statusCode(404);
        user.given().get("/api/attempts/niet-een-uuid").then().statusCode(404);
        user.given().get("/api/attempts/1").then().statusCode(404);
        user.given().post("/api/modules/bestaat-niet/attempts").then().statusCode(404);
    }

    @Inject
    MeterRegistry registry;

    @Inject
    CachingTokenIdentityProvider tokens;

    /** Requests to submit answers whose client closed the connection before the answer (Vert.x: "reset"). */
    private long submissionsReset() {
        return registry.find("http.server.requests").tag("status", "RESET").timers().stream()
                .filter(t -> String.valueOf(t.getId().getTag("uri")).endsWith("/submission"))
                .mapToLong(t -> t.count())
                .sum();
    }

    /**
     * The queued submission's client goes away: each step is awaited and observed (the request queued, its reset, the
     * skipped work), so the test cannot pass on a slow machine without the case having happened.
     */
    @Test
    void aSubmissionWhoseClientLeftBeforeAWorkerWasFreeDoesNothingAndFailsNothing() throws Exception {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        JsonPath attempt = start(user);
        String id = attempt.getString("id");
        String body = new ObjectMapper().writeValueAsString(Map.of("answers", answers(attempt, 0)));
        List<LogRecord> errors = Collections.synchronizedList(new ArrayList<>());
        List<String> skipped = Collections.synchronizedList(new ArrayList<>());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                } else if (QuizApi.class.getName().equals(record.getLoggerName())) {
                    skipped.add(record.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        // QuizApi says at DEBUG that it skipped a submission: the proof that this case ran
        Logger quizApiLog = Logger.getLogger(QuizApi.class.getName());
        Level quizApiLevel = quizApiLog.getLevel();
        // Every worker thread busy (quarkus.thread-pool.max-threads), so the submission waits in the queue...
        int workers = ConfigProvider.getConfig().getValue("quarkus.thread-pool.max-threads", Integer.class);
        CountDownLatch busy = new CountDownLatch(workers);
        CountDownLatch release = new CountDownLatch(1);
        Executor pool = Infrastructure.getDefaultWorkerPool();
        long resets = submissionsReset();
        long cacheHits = tokens.cache().hits();
        root.addHandler(handler);
        quizApiLog.setLevel(Level.FINE);
        try {
            for (int i = 0; i < workers; i++) {
                pool.execute(() -> {
                    busy.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertTrue(busy.await(10, TimeUnit.SECONDS), "all worker threads busy");
            // ... while its client sends it and closes the connection without waiting for the answer.
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                byte[] json = body.getBytes(StandardCharsets.UTF_8);
                socket.getOutputStream()
                        .write(("POST /api/attempts/" + id + "/submission HTTP/1.1\r\nHost: localhost\r\n"
                                        + "Authorization: Bearer " + user.token()
                                        + "\r\nContent-Type: application/json\r\n"
                                        + "Content-Length: " + json.length + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().write(json);
                socket.getOutputStream().flush();
                // its token was verified before (start), so authentication, reading the body and queueing the work
                // happen on the I/O thread in one go, before it reads the end of the connection
                await("the server read the submission")
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> tokens.cache().hits() > cacheHits);
            }
            await("the server saw the client leave")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> submissionsReset() == resets + 1);
            release.countDown();
            await("the queued submission ran and did nothing")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> skipped.stream().anyMatch(m -> m.contains("client closed the connection")));
        } finally {
            release.countDown();
            quizApiLog.setLevel(quizApiLevel);
            root.removeHandler(handler);
        }
        assertEquals(
                List.of(),
                errors.stream()
                        .map(r -> r.getLoggerName() + ": " + r.getMessage()
                                + (r.getThrown() != null ? " " + r.getThrown() : ""))
                        .toList());
        // Nothing was done: the attempt is still open, and sending the answers again submits it once.
        user.given().get("/api/attempts/" + id).then().statusCode(200).body("status", equalTo("OPEN"));
        submit(user, id, answers(attempt, 0)).then().statusCode(200).body("result.passed", equalTo(true));
        assertEquals(1, completions(user));
    }
}
