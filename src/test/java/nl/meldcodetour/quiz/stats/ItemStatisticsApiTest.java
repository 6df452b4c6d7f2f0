/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz.stats;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Question;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/items}: who may call it, parameters, pagination and sorting, on a real module with attempts of a content
 * version of this test's own (so other tests' attempts never change the figures).
 * <p>
 * Fixture: 20 people, one attempt each with the module's first three questions Q1, Q2, Q3 (bank positions 1-3).
 * Q1 right for all 20 (100 % → te makkelijk, no discrimination: no variance); Q2 right for people 1-10 (50 %); Q3 right
 * for people 1-5 (25 % → te moeilijk). A wrong answer is the question's first wrong option.
 */
@QuarkusTest
class ItemStatisticsApiTest {

    static final String MODULE = "justitie";
    static final String VERSION = "api-" + ItemFixture.RUN;
    private static ItemFixture fixture;

    @Inject
    ContentService content;

    @Inject
    DataSource dataSource;

    final Tokens.TestUser redacteur = Tokens.newUser(null, "redacteur");

    Module module() {
        return content.catalog().module(MODULE).orElseThrow();
    }

    Question q(int position) {
        return module().questions().get(position - 1);
    }

    static String right(Question q) {
        return q.id() + "=" + String.join("", new TreeSet<>(q.correct()));
    }

    static String wrong(Question q) {
        return q.id() + "="
                + q.options().stream()
                        .map(Question.Option::id)
                        .filter(o -> !q.correct().contains(o))
                        .findFirst()
                        .orElseThrow();
    }

    @BeforeEach
    void fixture() {
        if (fixture != null) {
            return;
        }
        ItemFixture fx = new ItemFixture(
                dataSource,
                MODULE,
                "itemstats-api-" + ItemFixture.RUN + "-",
                right(q(1)) + " " + right(q(2)) + " " + right(q(3)));
        for (int person = 1; person <= 20; person++) {
            fx.submitted(
                    "p" + person,
                    VERSION,
                    1,
                    right(q(1)) + " " + (person <= 10 ? right(q(2)) : wrong(q(2))) + " "
                            + (person <= 5 ? right(q(3)) : wrong(q(3))));
        }
        fixture = fx;
    }

    private JsonPath report(String query) {
        return redacteur
                .given()
                .get("/api/items/modules/" + MODULE + "?version=" + VERSION + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void onlyTheBeheerderAndTheRedacteur() {
        String question = "/api/items/modules/" + MODULE + "/questions/" + q(1).id();
        for (String path : List.of(
                "/api/items/modules",
                "/api/items/modules/" + MODULE,
                question,
                "/api/items/modules/" + MODULE + "/export.csv")) {
            RestAssured.given().get(path).then().statusCode(401);
            for (String role : List.of("medewerker", "aandachtsfunctionaris", "gemeente", "trainer")) {
                Tokens.newUser("onderwijs", role).given().get(path).then().statusCode(403);
            }
            Tokens.newUser(null, "beheerder").given().get(path).then().statusCode(200);
            redacteur.given().get(path).then().statusCode(200);
        }
    }

    @Test
    void theModulesWithTheirAttempts() {
        JsonPath modules = redacteur
                .given()
                .get("/api/items/modules")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(module().questions().size(), modules.getInt("find { it.moduleId == 'justitie' }.questions"));
        assertTrue(modules.getLong("find { it.moduleId == 'justitie' }.attempts") >= 20);
        assertTrue(modules.getLong("find { it.moduleId == 'justitie' }.firstAttempts") >= 20);
        assertEquals(
                "De meldcode in 5 stappen", modules.getString("find { it.moduleId == 'meldcode-in-5-stappen' }.title"));
        assertEquals(
                content.catalog().modules().stream()
                        .filter(m -> !m.questions().isEmpty())
                        .map(Module::id)
                        .toList(),
                modules.getList("moduleId"),
                "every module with a question bank, in content order");
    }

    @Test
    void figuresPerQuestion() {
        JsonPath r = report("");
        assertEquals("all", r.getString("view"));
        assertEquals(VERSION, r.getString("version"));
        assertEquals(20, r.getInt("attemptsInView"));
        assertEquals(List.of(VERSION), r.getList("versionsInView"));
        assertEquals(20, r.getInt("minimumAttempts"));
        assertEquals(module().questions().size(), r.getInt("totalQuestions"));
        assertEquals(25, r.getInt("size"));
        assertTrue(r.getList("versions.version").contains(VERSION));
        assertEquals(q(1).id(), r.getString("questions[0].questionId"));
        assertEquals(1, r.getInt("questions[0].position"));
        assertEquals(q(1).text(), r.getString("questions[0].text"));
        assertEquals(1.0, r.getDouble("questions[0].facility"));
        assertNull(r.get("questions[0].discrimination"), "everyone right: undefined");
        assertTrue(r.getList("questions[0].flags").contains("te-makkelijk"));
        assertEquals(0.5, r.getDouble("questions[1].facility"));
        assertEquals(10, r.getInt("questions[1].right"));
        assertEquals(0.25, r.getDouble("questions[2].facility"));
        assertTrue(r.getList("questions[2].flags").contains("te-moeilijk"));
        // Q2 and Q3 against the rest score: people who had Q2 right also had Q3 right more often, so both are positive
        assertTrue(r.getDouble("questions[1].discrimination") > 0 && r.getDouble("questions[2].discrimination") > 0);
        // a question without attempts in this version: no figures
        assertEquals(0, r.getInt("questions[3].attempts"));
        assertFalse(r.getBoolean("questions[3].enoughAttempts"));
        assertNull(r.get("questions[3].facility"));
    }

    @Test
    void sortedAndPaged() {
        List<String> ids = module().questions().stream().map(Question::id).toList();
        assertEquals(
                List.of(q(3).id(), q(2).id(), q(1).id(), ids.get(3)),
                report("&sort=facility").getList("questions.questionId").subList(0, 4));
        assertEquals(
                List.of(q(1).id(), q(2).id(), q(3).id(), ids.get(3)),
                report("&sort=-facility").getList("questions.questionId").subList(0, 4));
        assertEquals("-facility", report("&sort=-facility").getString("sort"));
        assertEquals(
                List.of(q(1).id(), q(2).id(), q(3).id()),
                report("&sort=-attempts").getList("questions.questionId").subList(0, 3));
        assertEquals(
                List.of(ids.get(ids.size() - 1)),
                report("&sort=-question&size=1").getList("questions.questionId"));

        JsonPath page2 = report("&sort=facility&size=2&page=2");
        assertEquals(List.of(q(1).id(), ids.get(3)), page2.getList("questions.questionId"));
        assertEquals(2, page2.getInt("page"));
        assertEquals((ids.size() + 1) / 2, page2.getInt("pages"));
        JsonPath beyond = report("&size=100&page=2");
        assertEquals(List.of(), beyond.getList("questions"));
        assertEquals(ids.size(), beyond.getInt("totalQuestions"));
    }

    @Test
    void oneQuestionWithItsOptions() {
        Question q2 = q(2);
        JsonPath r = redacteur
                .given()
                .get("/api/items/modules/" + MODULE + "/questions/" + q2.id() + "?version=" + VERSION)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(20, r.getInt("attempts"));
        assertEquals(q2.options().size(), r.getList("options").size());
        String correct = q2.correct().iterator().next();
        String firstWrong = wrong(q2).substring(q2.id().length() + 1);
        assertEquals(10, r.getInt("options.find { it.optionId == '" + correct + "' }.chosen"));
        assertEquals(0.5, r.getDouble("options.find { it.optionId == '" + firstWrong + "' }.share"));
        assertTrue(r.getBoolean("options.find { it.optionId == '" + correct + "' }.correct"));
        if (q2.options().size() - q2.correct().size()
                >= 2) { // a second wrong option exists, and the fixture never picks it
            assertTrue(r.getList("flags").contains("ongekozen-antwoord"), "the second wrong option was never chosen");
        }
        // the first-attempt view of the same version: the same 20 people, once each
        redacteur
                .given()
                .get("/api/items/modules/" + MODULE + "/questions/" + q2.id() + "?view=first&version=" + VERSION)
                .then()
                .statusCode(200)
                .body("attempts", equalTo(20));
    }

    @Test
    void badParametersAreA400InDutchAndUnknownIdsA404() {
        String base = "/api/items/modules/" + MODULE;
        redacteur
                .given()
                .get(base + "?view=everything")
                .then()
                .statusCode(400)
                .body("title", equalTo("Ongeldige invoer"))
                .body("violations.field", hasItem("view"))
                .body("violations.message", hasItem(containsString("first")));
        redacteur.given().get(base + "?sort=color").then().statusCode(400).body("violations.field", hasItem("sort"));
        redacteur.given().get(base + "?page=0").then().statusCode(400).body("violations.field", hasItem("page"));
        redacteur
                .given()
                .get(base + "?page=abc&size=1000")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("page"))
                .body("violations.field", hasItem("size"));
        redacteur
                .given()
                .get(base + "?version=bestaat-niet")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("version"))
                .body("violations.message", hasItem(containsString("versie")));
        redacteur
                .given()
                .get(base + "/questions/" + q(1).id() + "?view=x")
                .then()
                .statusCode(400);
        redacteur
                .given()
                .get("/api/items/modules/bestaat-niet")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Niet gevonden"))
                .body("status", equalTo(404))
                .body("detail", containsString("bestaat niet"));
        redacteur.given().get(base + "/questions/bestaat-niet").then().statusCode(404);
        redacteur
                .given()
                .get("/api/items/modules/bestaat-niet/questions/x")
                .then()
                .statusCode(404);
        redacteur
                .given()
                .get(base + "?version=" + VERSION + "&size=100&page=99999999999")
                .then()
                .statusCode(400);
    }

    @Test
    void countsOnlyNeverAPerson() throws Exception {
        String body = redacteur
                .given()
                .get("/api/items/modules/" + MODULE + "?version=" + VERSION + "&size=100")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String question = redacteur
                .given()
                .get("/api/items/modules/" + MODULE + "/questions/" + q(2).id() + "?version=" + VERSION)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String subject : fixture.subjects()) {
            assertFalse(body.contains(subject) || question.contains(subject), subject);
        }
        Set<String> keys = new TreeSet<>();
        keys(new ObjectMapper().readTree(body), keys);
        keys(new ObjectMapper().readTree(question), keys);
        assertEquals(
                Set.of(
                        "attempts",
                        "attemptsInView",
                        "chosen",
                        "correct",
                        "discrimination",
                        "enoughAttempts",
                        "facility",
                        "firstSubmitted",
                        "flags",
                        "inBank",
                        "lastSubmitted",
                        "current",
                        "minimumAttempts",
                        "moduleId",
                        "optionId",
                        "options",
                        "page",
                        "pages",
                        "position",
                        "questionId",
                        "questions",
                        "right",
                        "share",
                        "size",
                        "sort",
                        "text",
                        "title",
                        "totalQuestions",
                        "type",
                        "version",
                        "versions",
                        "versionsInView",
                        "view"),
                keys,
                "only counts, shares and content");
        // fewer than 20 attempts: the counts of right answers and choices are not given either
        redacteur
                .given()
                .get("/api/items/modules/" + MODULE + "/questions/" + q(2).id() + "?view=first&version=" + VERSION
                        + "x")
                .then()
                .statusCode(400);
        JsonPath none = redacteur
                .given()
                .get("/api/items/modules/" + MODULE + "/questions/" + q(5).id() + "?version=" + VERSION)
                .then()
                .statusCode(200)
                .body("right", nullValue())
                .extract()
                .jsonPath();
        assertTrue(none.getList("options.chosen").stream().allMatch(c -> c == null));
    }

    private static void keys(JsonNode node, Set<String> keys) {
        node.fieldNames().forEachRemaining(keys::add);
        node.elements().forEachRemaining(child -> keys(child, keys));
    }
}
