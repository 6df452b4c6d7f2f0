/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Question;
import nl.meldcodetour.testsupport.BearerPages;
import nl.meldcodetour.testsupport.Csrf;
import nl.meldcodetour.testsupport.Quizzes;
import nl.meldcodetour.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Nothing reveals the key of an open attempt (issue #27): not a page, not the API, not the personal-data export, not
 * an error message, not the history. The test walks every GET route of the application (the list the authorization
 * matrix reflects from the JAX-RS resources) and every quiz action as the attempt's owner, then changes the key stored
 * with the attempt and walks them again. A response that changes with the key carries information about it, in
 * whatever form (ids, letters, flags, counts, feedback), so every response must be the same apart from times and
 * one-time tokens.
 */
@QuarkusTest
@TestProfile(BearerPages.class)
class AnswerLeakTest {

    static final String MODULE = "meldcode-in-5-stappen";

    @Inject
    ContentService content;

    @Inject
    EntityManager em;

    @Test
    void noResponseDependsOnTheKeyOfAnOpenAttempt() {
        Module module = content.catalog().module(MODULE).orElseThrow();
        Tokens.TestUser me = Tokens.newUser("onderwijs", "medewerker");
        Quizzes.pass(me, module); // a history, a completion and a certificate to show as well
        JsonPath open = me.given()
                .post("/api/modules/" + MODULE + "/attempts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        UUID attempt = UUID.fromString(open.getString("id"));
        Map<String, List<String>> draft = Quizzes.answers(open, module, false);

        walk(
                me, open,
                draft); // once first: what the walk itself changes (pages read, the draft) is then the same in both
        Map<String, String> before = walk(me, open, draft);
        changeTheKey(attempt, module);
        Map<String, String> after = walk(me, open, draft);

        assertEquals(before.keySet(), after.keySet());
        List<String> leaks = new ArrayList<>();
        for (String route : before.keySet()) {
            if (!before.get(route).equals(after.get(route))) {
                leaks.add(route + "\n    before: " + firstDifference(before.get(route), after.get(route))
                        + "\n    after:  " + firstDifference(after.get(route), before.get(route)));
            }
        }
        System.out.printf(
                "Answer leak scan: %d responses compared before and after changing the key, %d differ%n",
                before.size(), leaks.size());
        assertTrue(before.size() > 60, "walked only " + before.size() + " routes");
        assertEquals("", String.join("\n", leaks), "responses that depend on the key of an open attempt");
        // the open attempt is untouched: still open, no score
        me.given().get("/api/attempts/" + attempt).then().statusCode(200).body("status", Matchers.equalTo("OPEN"));
    }

    /** Every stored right option of the attempt replaced by other options of the same question. */
    private void changeTheKey(UUID attempt, Module module) {
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "SELECT position, question_id, correct_options FROM attempt_question WHERE attempt_id = ?1")
                    .setParameter(1, attempt)
                    .getResultList();
            for (Object[] row : rows) {
                Question q = module.question((String) row[1]).orElseThrow();
                Set<String> key = Set.of((String[]) row[2]);
                List<String> others = q.options().stream()
                        .map(Question.Option::id)
                        .filter(o -> !key.contains(o))
                        .toList();
                String[] changed =
                        q.type() == Question.Type.SINGLE ? new String[] {others.get(0)} : others.toArray(String[]::new);
                assertTrue(!Arrays.equals(changed, (String[]) row[2]));
                em.createNativeQuery(
                                "UPDATE attempt_question SET correct_options = ?1 WHERE attempt_id = ?2 AND position = ?3")
                        .setParameter(1, changed)
                        .setParameter(2, attempt)
                        .setParameter(3, row[0])
                        .executeUpdate();
            }
        });
    }

    /** Per route or action, its normalised response. */
    private Map<String, String> walk(Tokens.TestUser me, JsonPath open, Map<String, List<String>> draft) {
        String attempt = open.getString("id");
        String question = open.getString("quiz.questions[0].id");
        Map<String, String> params = Map.of(
                "moduleId",
                MODULE,
                "number",
                "1",
                "attemptId",
                attempt,
                "gemeente",
                "noordoostpolder",
                "questionId",
                question,
                "importId",
                "00000000-0000-4000-8000-000000000000");
        Map<String, String> responses = new LinkedHashMap<>();
        Set<String> routes = new TreeSet<>(AuthorizationMatrixTest.routes().keySet());
        for (String route : routes) {
            if (!route.startsWith("GET ")) {
                continue;
            }
            String path = route.substring(4);
            for (var p : params.entrySet()) {
                path = path.replace("{" + p.getKey() + "}", p.getValue());
            }
            path = path.replaceAll("\\{\\w+}", "1");
            responses.put(route, normalise(me.given().redirects().follow(false).get(path)));
            if (route.contains("{number}")) {
                for (int n = 2;
                        n <= content.catalog().module(MODULE).orElseThrow().pageCount();
                        n++) {
                    responses.put(
                            route + " page " + n,
                            normalise(me.given().redirects().follow(false).get(path.replaceAll("/1$", "/" + n))));
                }
            }
        }
        // the quiz actions: resume, draft, invalid submissions (API and page)
        responses.put("POST start (resume)", normalise(me.given().post("/api/modules/" + MODULE + "/attempts")));
        responses.put(
                "POST start page (resume)",
                normalise(
                        me.given().filter(Csrf.FORM).redirects().follow(false).post("/modules/" + MODULE + "/toets")));
        responses.put(
                "PUT draft",
                normalise(me.given()
                        .contentType(ContentType.JSON)
                        .body(Map.of("answers", draft))
                        .put("/api/attempts/" + attempt + "/draft")));
        RequestSpecification form = me.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("actie", "opslaan");
        for (var d : draft.entrySet()) {
            form = form.formParam("q." + d.getKey(), d.getValue().get(0));
        }
        responses.put("POST draft page", normalise(form.post("/toets/" + attempt)));
        responses.put("GET quiz page with draft", normalise(me.given().get("/toets/" + attempt)));
        Map<String, List<String>> incomplete = new LinkedHashMap<>(draft);
        incomplete.remove(question);
        incomplete.put(open.getString("quiz.questions[1].id"), List.of("a", "b", "c"));
        responses.put(
                "POST submission incomplete",
                normalise(me.given()
                        .contentType(ContentType.JSON)
                        .body(Map.of("answers", incomplete))
                        .post("/api/attempts/" + attempt + "/submission")));
        RequestSpecification page = me.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("actie", "inleveren");
        for (var d : incomplete.entrySet()) {
            for (String letter : d.getValue()) {
                page = page.formParam("q." + d.getKey(), letter);
            }
        }
        responses.put("POST submission page incomplete", normalise(page.post("/toets/" + attempt)));
        return responses;
    }

    private static final Pattern ISO_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}(:?\\d{2})?)?");
    private static final Pattern DUTCH_TIME = Pattern.compile("\\d{1,2} [a-z]+ \\d{4} om \\d{2}:\\d{2}");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"[^\"]*\"");
    private static final Pattern NONCE = Pattern.compile("nonce=\"[^\"]*\"");

    /** Status, location and body, with times and one-time tokens masked; binary bodies (PDF, zip) by type only. */
    private static String normalise(Response r) {
        String type = r.contentType() == null ? "" : r.contentType();
        String body = type.contains("pdf") || type.contains("zip") || type.contains("octet")
                ? "<" + type + ">"
                : r.asString();
        body = ISO_TIME.matcher(body).replaceAll("<tijd>");
        body = DUTCH_TIME.matcher(body).replaceAll("<tijd>");
        body = CSRF.matcher(body).replaceAll("name=\"csrf\" value=\"<csrf>\"");
        body = NONCE.matcher(body).replaceAll("nonce=\"<nonce>\"");
        return r.statusCode() + " " + (r.header("Location") == null ? "" : r.header("Location")) + "\n" + body;
    }

    private static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(Math.max(0, i - 80), Math.min(a.length(), i + 120)).replace('\n', ' ');
    }
}
