/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Question;
import nl.meldcodetour.testsupport.Csrf;
import org.junit.jupiter.api.Test;

/**
 * Answers survive an ended login session (issue #28, point 5). The browser logs in with the code flow against the test
 * OIDC server; a quiz form that arrives without a valid session is sent to log in (302) and its answers come back as
 * the attempt's draft, with a Dutch message, when the learner opens the quiz again. The page's autosave stores the
 * draft without leaving the page. The end-to-end version with a real Keycloak and an expired token is
 * {@code JourneysIT#aQuizHandedInAfterTheTokenExpiredIsAccepted} (and {@code …AfterTheLoginEnded…}).
 */
@QuarkusTest
class KeptAnswersTest {

    static final String MODULE = "meldcode-in-5-stappen";

    final CookieFilter session = new CookieFilter();

    /** The code flow with the test server's user alice (role medewerker): afterwards {@link #session} holds the cookie. */
    void login() {
        Response toProvider = given().filter(session).redirects().follow(false).get("/mijn-modules");
        String loginPage = given().redirects()
                .follow(false)
                .get(toProvider.header("Location"))
                .asString();
        String state = attr(loginPage, "state");
        String redirectUri = URLDecoder.decode(attr(loginPage, "redirect_uri"), StandardCharsets.UTF_8);
        String provider = toProvider.header("Location").replaceAll("(https?://[^/]+).*", "$1");
        Response back = given().redirects()
                .follow(false)
                .queryParam("username", "alice")
                .queryParam("password", "alice")
                .queryParam("state", state)
                .queryParam("redirect_uri", redirectUri)
                .get(provider + "/login");
        given().filter(session)
                .redirects()
                .follow(false)
                .get(back.header("Location"))
                .then()
                .statusCode(302);
        csrf = attr(
                given().filter(session)
                        .redirects()
                        .follow(false)
                        .get("/mijn-modules")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                "csrf");
    }

    /** The browser's CSRF token (its cookie is in {@link #session}). */
    String csrf;

    /** A form of this browser: its cookies (session and CSRF) and the CSRF field. */
    RequestSpecification browser() {
        return given().filter(session).formParam("csrf", csrf);
    }

    /** The same browser after its login session ended: the CSRF cookie and field, no session. */
    RequestSpecification withoutSession() {
        return given().cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf);
    }

    private static String attr(String html, String name) {
        Matcher m =
                Pattern.compile("name=\"" + name + "\"\\s+value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " not in " + html);
        return m.group(1);
    }

    /** The open attempt's page path, started or resumed, without a draft. */
    String openQuiz() {
        String location = browser()
                .redirects()
                .follow(false)
                .post("/modules/" + MODULE + "/toets")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        String quiz = location.substring(location.indexOf("/toets/"));
        // the tests share alice's open attempt: start each with an empty draft
        browser().redirects().follow(false).post(quiz + "/concept").then().statusCode(204);
        return quiz;
    }

    @Inject
    ContentService content;

    /**
     * Per question field of the page the letters of its right options (so that handing in passes and the next test can
     * start a new attempt): found by the options' texts, as a learner who knows the answers would.
     */
    Map<String, List<String>> rightAnswers(String html) {
        Module module = content.catalog().module(MODULE).orElseThrow();
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        Matcher m = Pattern.compile(
                        "name=\"q\\.([^\"]+)\" id=\"[^\"]+\" value=\"([a-z])\"[^>]*>\\s*<label[^>]*>([^<]*)</label>")
                .matcher(html);
        while (m.find()) {
            Question q = module.question(m.group(1)).orElseThrow();
            String text = m.group(3)
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&");
            boolean right = q.options().stream()
                    .anyMatch(o -> o.text().equals(text) && q.correct().contains(o.id()));
            List<String> letters = chosen.computeIfAbsent("q." + m.group(1), k -> new ArrayList<>());
            if (right) {
                letters.add(m.group(2));
            }
        }
        assertTrue(
                chosen.size() >= 5 && chosen.values().stream().noneMatch(List::isEmpty),
                "questions on the page: " + chosen);
        return chosen;
    }

    static RequestSpecification form(RequestSpecification spec, Map<String, List<String>> answers, String action) {
        RequestSpecification s =
                spec.redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8");
        for (var e : answers.entrySet()) {
            s = s.formParam(e.getKey(), e.getValue());
        }
        return action == null ? s : s.formParam("actie", action);
    }

    static List<String> checked(String html) {
        List<String> checked = new ArrayList<>();
        Matcher m = Pattern.compile("name=\"(q\\.[^\"]+)\" id=\"[^\"]+\" value=\"([a-z])\" checked")
                .matcher(html);
        while (m.find()) {
            checked.add(m.group(1) + "=" + m.group(2));
        }
        return checked;
    }

    static List<String> pairs(Map<String, List<String>> answers) {
        return answers.entrySet().stream()
                .flatMap(e -> e.getValue().stream().sorted().map(v -> e.getKey() + "=" + v))
                .toList();
    }

    @Test
    void answersHandedInAfterTheSessionEndedComeBackAsTheDraftAfterLoggingIn() {
        login();
        String quiz = openQuiz();
        String page = given().filter(session)
                .get(quiz)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Map<String, List<String>> answers = rightAnswers(page);
        assertEquals(List.of(), checked(page), "nothing chosen yet");

        // handed in without a valid session (the browser still has the CSRF cookie): sent to log in, answers kept
        Response bounced = form(withoutSession(), answers, "inleveren").post(quiz);
        bounced.then().statusCode(302).header("Location", containsString("code_challenge"));
        String kept = bounced.getCookie("toets-antwoorden");
        assertNotNull(kept, "the answers are kept in a cookie: " + bounced.headers());
        assertTrue(kept.startsWith(quiz.substring("/toets/".length()) + "."), kept);

        // back from the login: the quiz with the answers ticked, stored as the draft, and why
        Response back = given().filter(session).cookie("toets-antwoorden", kept).get(quiz);
        back.then().statusCode(200).body(containsString(QuizPages.KEPT_HANDING_IN));
        assertEquals(pairs(answers), checked(back.asString()), "the kept answers are ticked");
        assertTrue(
                back.headers().getValues("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith("toets-antwoorden=;") && c.contains("Max-Age=0")),
                "the cookie is removed: " + back.headers());
        // they are the draft now: the page shows them without the cookie too, and no message
        String again = given().filter(session)
                .get(quiz)
                .then()
                .statusCode(200)
                .body(not(containsString(QuizPages.KEPT_HANDING_IN)))
                .extract()
                .asString();
        assertEquals(pairs(answers), checked(again));
        // handed in with the session: the result (reading the form before authentication changes nothing for it)
        form(browser(), answers, "inleveren")
                .post(quiz)
                .then()
                .statusCode(303)
                .header("Location", containsString(quiz + "/resultaat"));
    }

    @Test
    void aFormFromAnotherSiteIsNotKept() {
        login();
        String quiz = openQuiz();
        Map<String, List<String>> answers =
                rightAnswers(given().filter(session).get(quiz).asString());
        // a cross-site POST carries neither the session (SameSite=Lax) nor the CSRF cookie (SameSite=Strict)
        Response forged = form(given(), answers, "inleveren")
                .formParam("csrf", Csrf.TOKEN)
                .post(quiz);
        forged.then().statusCode(302);
        assertNull(forged.getCookie("toets-antwoorden"), "nothing kept without the browser's own CSRF token");
        // nor with a token that is not the cookie's
        Response wrong = form(given().cookie(Csrf.COOKIE, csrf), answers, "opslaan")
                .formParam("csrf", Csrf.TOKEN)
                .post(quiz);
        wrong.then().statusCode(302);
        assertNull(wrong.getCookie("toets-antwoorden"));
        // a cookie for this attempt that was tampered with changes nothing
        given().filter(session)
                .cookie("toets-antwoorden", quiz.substring("/toets/".length()) + ".cS56cmFhZz16")
                .get(quiz)
                .then()
                .statusCode(200)
                .body(not(containsString("Je was te lang niet actief")));
    }

    @Test
    void savingAfterTheSessionEndedKeepsTheAnswersWithAnotherMessage() {
        login();
        String quiz = openQuiz();
        Map<String, List<String>> answers =
                rightAnswers(given().filter(session).get(quiz).asString());
        String kept = form(withoutSession(), answers, "opslaan")
                .post(quiz)
                .then()
                .statusCode(302)
                .extract()
                .cookie("toets-antwoorden");
        assertNotNull(kept);
        String page = given().filter(session)
                .cookie("toets-antwoorden", kept)
                .get(quiz)
                .then()
                .statusCode(200)
                .body(containsString(QuizPages.KEPT_SAVING))
                .body(not(containsString("lever opnieuw in")))
                .extract()
                .asString();
        assertEquals(pairs(answers), checked(page));
    }

    @Test
    void autosaveStoresTheDraftWithoutLeavingThePage() {
        login();
        String quiz = openQuiz();
        String page = given().filter(session)
                .get(quiz)
                .then()
                .statusCode(200)
                .body(containsString("data-autosave=\"" + quiz + "/concept\""))
                .extract()
                .asString();
        Map<String, List<String>> answers = rightAnswers(page);
        Map<String, List<String>> some = new LinkedHashMap<>();
        answers.entrySet().stream().limit(2).forEach(e -> some.put(e.getKey(), e.getValue()));
        form(browser(), some, null).post(quiz + "/concept").then().statusCode(204);
        assertEquals(
                pairs(some), checked(given().filter(session).get(quiz).asString()), "the draft holds what was saved");
        // the CSRF token is required as for every form
        form(given().filter(session), some, null).post(quiz + "/concept").then().statusCode(403);
        // a letter the question does not have
        form(browser(), Map.of(some.keySet().iterator().next(), List.of("z")), null)
                .post(quiz + "/concept")
                .then()
                .statusCode(400);
        form(browser(), answers, "inleveren").post(quiz).then().statusCode(303);
        // handed in: nothing to save any more
        form(browser(), some, null).post(quiz + "/concept").then().statusCode(409);
    }
}
