/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Question;
import nl.meldcodetour.testsupport.BearerPages;
import nl.meldcodetour.testsupport.Csrf;
import nl.meldcodetour.testsupport.Quizzes;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Quiz integrity (issue #27): one open attempt per person and module that resumes with its order and draft, options
 * in the attempt's own order, and the retry gate after two failed attempts in a row.
 */
@QuarkusTest
@TestProfile(BearerPages.class)
class QuizIntegrityTest {

    static final String MODULE = "meldcode-in-5-stappen";

    @Inject
    EntityManager em;

    @Inject
    ContentService content;

    Module module;

    @org.junit.jupiter.api.BeforeEach
    void module() {
        module = content.catalog().module(MODULE).orElseThrow();
    }

    private static JsonPath start(Tokens.TestUser user, int status) {
        return user.given()
                .post("/api/modules/" + MODULE + "/attempts")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    private Response submit(Tokens.TestUser user, JsonPath attempt, boolean right) {
        return user.given()
                .contentType(ContentType.JSON)
                .body(Map.of("answers", Quizzes.answers(attempt, module, right)))
                .post("/api/attempts/" + attempt.getString("id") + "/submission");
    }

    /** The shown option texts per question, in the order shown. */
    private static Map<String, List<String>> shownTexts(JsonPath attempt) {
        Map<String, List<String>> texts = new TreeMap<>();
        for (Map<String, Object> q : attempt.<Map<String, Object>>getList("quiz.questions")) {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> options = (List<Map<String, String>>) q.get("options");
            texts.put(
                    (String) q.get("id"),
                    options.stream().map(o -> o.get("text")).toList());
        }
        return texts;
    }

    @Test
    void startingAgainResumesTheOpenAttemptWithItsOrderAndDraft() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        JsonPath first = start(user, 201);
        // a draft: the right answers to half of the questions
        Map<String, List<String>> right = Quizzes.answers(first, module, true);
        Map<String, List<String>> draft = new HashMap<>();
        List<String> ids = first.getList("quiz.questions.id");
        for (int i = 0; i < ids.size(); i += 2) {
            draft.put(ids.get(i), right.get(ids.get(i)));
        }
        user.given()
                .contentType(ContentType.JSON)
                .body(Map.of("answers", draft))
                .put("/api/attempts/" + first.getString("id") + "/draft")
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("result", equalTo(null));

        JsonPath again = start(user, 200);
        assertEquals(first.getString("id"), again.getString("id"), "the open attempt is resumed");
        assertEquals(shownTexts(first), shownTexts(again), "same questions, same option order");
        for (Map<String, Object> q : again.<Map<String, Object>>getList("quiz.questions")) {
            assertEquals(
                    new HashSet<>(draft.getOrDefault((String) q.get("id"), List.of())),
                    new HashSet<>((List<?>) q.get("chosen")),
                    "the draft is kept for " + q.get("id"));
        }
        // the page resumes it too, with the draft ticked
        String location = user.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .post("/modules/" + MODULE + "/toets")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        assertTrue(location.endsWith("/toets/" + first.getString("id")), location);
        String html = user.given()
                .get("/toets/" + first.getString("id"))
                .then()
                .statusCode(200)
                .body(containsString("Je antwoorden zijn opgeslagen"))
                .extract()
                .asString();
        String q = ids.get(0);
        assertTrue(
                html.contains("name=\"q." + q + "\" id=\"q-1-" + draft.get(q).get(0) + "\" value=\""
                        + draft.get(q).get(0) + "\" checked"),
                "draft ticked on the page");
        // one attempt in the history, and submitting the rest finishes it
        user.given().get("/api/modules/" + MODULE + "/attempts").then().body("", hasSize(1));
        submit(user, again, true).then().statusCode(200).body("result.passed", equalTo(true));
        start(user, 201);
    }

    @Test
    void aDraftSavedOnThePageIsKeptAndTheReplyDoesNotDependOnTheKey() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        String location = user.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .post("/modules/" + MODULE + "/toets")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        String url = location.substring(location.indexOf("/toets/"));
        String html = user.given()
                .get(url)
                .then()
                .statusCode(200)
                .body(containsString("Opslaan en later verder"))
                .extract()
                .asString();
        Map<String, List<String>> right = Quizzes.formAnswers(html, module, true);
        Map<String, List<String>> wrong = Quizzes.formAnswers(html, module, false);
        String q = right.keySet().iterator().next();
        List<String> replies = new ArrayList<>();
        for (List<String> letters : List.of(right.get(q), wrong.get(q))) {
            var form = user.given()
                    .filter(Csrf.FORM)
                    .redirects()
                    .follow(false)
                    .contentType(ContentType.URLENC)
                    .formParam("actie", "opslaan");
            for (String letter : letters) {
                form = form.formParam("q." + q, letter);
            }
            Response saved = form.post(url);
            saved.then().statusCode(303);
            replies.add(saved.statusCode() + " " + saved.header("Location"));
            user.given()
                    .get(url)
                    .then()
                    .statusCode(200)
                    .body(containsString("value=\"" + letters.get(0) + "\" checked"));
        }
        assertEquals(replies.get(0), replies.get(1), "a right and a wrong draft get the same reply");
        user.given()
                .get("/api/attempts/" + url.substring("/toets/".length()))
                .then()
                .body("status", equalTo("OPEN"));
        // a draft with a letter the question does not have: a Dutch message, nothing stored
        user.given()
                .contentType(ContentType.JSON)
                .body(Map.of("answers", Map.of(q, List.of("z"))))
                .put("/api/attempts/" + url.substring("/toets/".length()) + "/draft")
                .then()
                .statusCode(400)
                .body("violations[0].message", equalTo("Dit antwoord hoort niet bij deze vraag."));
    }

    @Test
    void aSubmittedAttemptTakesNoDraft() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        JsonPath attempt = start(user, 201);
        submit(user, attempt, true).then().statusCode(200);
        user.given()
                .contentType(ContentType.JSON)
                .body(Map.of("answers", Map.of()))
                .put("/api/attempts/" + attempt.getString("id") + "/draft")
                .then()
                .statusCode(409)
                .body("title", containsString("al ingeleverd"));
    }

    @Test
    void parallelStartsGiveOneOpenAttempt() throws Exception {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> user.given().post("/api/modules/" + MODULE + "/attempts"));
            }
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.asString());
                created += r.statusCode() == 201 ? 1 : 0;
                ids.add(r.jsonPath().getString("id"));
            }
            assertEquals(1, ids.size(), "one open attempt: " + ids);
            assertEquals(1, created, "created once, resumed by the others");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theApiShowsTheOptionsInTheStoredOrderReLettered() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        JsonPath attempt = start(user, 201);
        UUID id = UUID.fromString(attempt.getString("id"));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT question_id, option_order FROM attempt_question WHERE attempt_id = ?1")
                .setParameter(1, id)
                .getResultList();
        assertEquals(module.drawSize(), rows.size());
        Map<String, List<String>> shown = shownTexts(attempt);
        for (Object[] row : rows) {
            Question q = module.question((String) row[0]).orElseThrow();
            List<String> expected = Arrays.stream((String[]) row[1])
                    .map(o -> q.option(o).orElseThrow().text())
                    .toList();
            assertEquals(expected, shown.get(q.id()), "shown in the stored order: " + q.id());
        }
        for (Map<String, Object> q : attempt.<Map<String, Object>>getList("quiz.questions")) {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> options = (List<Map<String, String>>) q.get("options");
            for (int i = 0; i < options.size(); i++) {
                assertEquals(
                        String.valueOf((char) ('a' + i)), options.get(i).get("id"), "letters follow the shown order");
            }
        }
    }

    @Test
    void anOpenAttemptTheContentNoLongerFitsIsReplaced() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        JsonPath first = start(user, 201);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "UPDATE attempt_question SET option_order = option_order || '{verdwenen}'::varchar[] WHERE attempt_id = ?1 AND position = 1")
                        .setParameter(1, UUID.fromString(first.getString("id")))
                        .executeUpdate());
        JsonPath second = start(user, 201);
        assertNotEquals(first.getString("id"), second.getString("id"));
        user.given().get("/api/attempts/" + first.getString("id")).then().statusCode(404);
    }

    // ------------------------------------------------------------------------------------------------ retry gate

    private long personId(Tokens.TestUser user) {
        user.given().get("/api/me").then().statusCode(200);
        return ((Number) QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("SELECT id FROM person WHERE subject = ?1")
                                .setParameter(1, user.subject())
                                .getSingleResult()))
                .longValue();
    }

    /** Fails the quiz twice in a row; returns the second failed attempt's result. */
    private JsonPath failTwice(Tokens.TestUser user) {
        submit(user, start(user, 201), false).then().statusCode(200).body("result.passed", equalTo(false));
        return submit(user, start(user, 201), false)
                .then()
                .statusCode(200)
                .body("result.passed", equalTo(false))
                .extract()
                .jsonPath();
    }

    @Test
    void afterTwoFailuresANewAttemptWaitsUntilTheExplainingPagesAreRead() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        JsonPath failed = failTwice(user);
        JsonPath closed = user.given()
                .post("/api/modules/" + MODULE + "/attempts")
                .then()
                .statusCode(409)
                .body("title", containsString("nog niet opnieuw"))
                .body("opensAt", notNullValue())
                .body("pagesToRead", not(hasSize(0)))
                .extract()
                .jsonPath();
        List<Integer> pages = closed.getList("pagesToRead.number");
        // every wrong answer's page link on the result is one of the pages to read
        for (String href : failed.<String>getList("result.questions.pageHref")) {
            assertTrue(
                    pages.contains(Integer.valueOf(href.substring(href.lastIndexOf('/') + 1))), href + " in " + pages);
        }
        // the page explains it and offers no start
        String location = user.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .post("/modules/" + MODULE + "/toets")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        assertTrue(location.endsWith("/modules/" + MODULE + "/toets"), location);
        user.given()
                .get("/modules/" + MODULE + "/toets")
                .then()
                .statusCode(200)
                .body(containsString("Eerst de uitleg lezen"))
                .body(containsString("/modules/" + MODULE + "/pagina/" + pages.get(0)))
                .body(not(containsString("Start de toets</button>")));
        user.given()
                .get("/toets/" + failed.getString("id") + "/resultaat")
                .then()
                .statusCode(200)
                .body(containsString("Eerst de uitleg lezen"))
                .body(not(containsString("Probeer opnieuw")));
        // reading all but one keeps it closed; reading the last opens it
        for (int i = 0; i < pages.size() - 1; i++) {
            user.given()
                    .get("/api/modules/" + MODULE + "/pages/" + pages.get(i))
                    .then()
                    .statusCode(200);
        }
        user.given()
                .post("/api/modules/" + MODULE + "/attempts")
                .then()
                .statusCode(409)
                .body("pagesToRead.number", equalTo(List.of(pages.get(pages.size() - 1))));
        user.given()
                .get("/modules/" + MODULE + "/pagina/" + pages.get(pages.size() - 1))
                .then()
                .statusCode(200);
        start(user, 201);
    }

    @Test
    void theGateOpensAfterTheCoolDown() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        failTwice(user);
        user.given().post("/api/modules/" + MODULE + "/attempts").then().statusCode(409);
        long person = personId(user);
        // the module's cool-down (default 60 minutes) passes
        assertEquals(60, module.retryCooldownMinutes());
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "UPDATE quiz_attempt SET submitted_at = submitted_at - interval '61 minutes' WHERE person_id = ?1")
                        .setParameter(1, person)
                        .executeUpdate());
        start(user, 201);
    }

    @Test
    void oneFailureOrAPassInBetweenDoesNotCloseTheGate() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        submit(user, start(user, 201), false).then().statusCode(200);
        submit(user, start(user, 201), true).then().statusCode(200);
        submit(user, start(user, 201), false).then().statusCode(200);
        start(user, 201);
    }

    @Test
    void theBeheerderLiftsTheGateAndItIsLogged() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        Tokens.TestUser beheerder = Tokens.newUser(null, "beheerder");
        failTwice(user);
        long person = personId(user);
        beheerder
                .given()
                .get("/api/people/" + person + "/quiz-gates")
                .then()
                .statusCode(200)
                .body("moduleId", hasItem(MODULE));
        user.given().get("/api/people/" + person + "/quiz-gates").then().statusCode(403);
        user.given()
                .post("/api/people/" + person + "/quiz-gates/" + MODULE + "/lift")
                .then()
                .statusCode(403);
        beheerder
                .given()
                .post("/api/people/" + person + "/quiz-gates/bestaat-niet/lift")
                .then()
                .statusCode(404);
        beheerder
                .given()
                .post("/api/people/" + person + "/quiz-gates/" + MODULE + "/lift")
                .then()
                .statusCode(200)
                .body("lifted", equalTo(true));
        beheerder
                .given()
                .get("/api/people/" + person + "/quiz-gates")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
        beheerder
                .given()
                .get("/api/registry/audit-log")
                .then()
                .statusCode(200)
                .body(containsString("toetsblokkade opgeheven voor module " + MODULE));
        start(user, 201);
    }

    @Test
    void theResultPageTeachesPerQuestion() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        JsonPath attempt = start(user, 201);
        submit(user, attempt, false).then().statusCode(200);
        String html = user.given()
                .get("/toets/" + attempt.getString("id") + "/resultaat")
                .then()
                .statusCode(200)
                .body(containsString("Lees dit na: <a href=\"/modules/" + MODULE + "/pagina/"))
                .body(containsString("(jouw antwoord)"))
                .body(containsString("Probeer opnieuw"))
                .extract()
                .asString();
        // the feedback of every chosen wrong option that has its own is shown
        JsonPath result = user.given()
                .get("/api/attempts/" + attempt.getString("id"))
                .then()
                .extract()
                .jsonPath();
        int feedbackShown = 0;
        for (Map<String, Object> q : result.<Map<String, Object>>getList("result.questions")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> options = (List<Map<String, Object>>) q.get("options");
            for (Map<String, Object> o : options) {
                if (Boolean.TRUE.equals(o.get("chosen")) && o.get("feedback") != null) {
                    assertTrue(
                            html.contains(Quizzes.escape((String) o.get("feedback"))),
                            "feedback of the chosen option: " + o);
                    feedbackShown++;
                }
            }
        }
        System.out.println("result page: feedback of " + feedbackShown + " chosen options shown");
    }
}
