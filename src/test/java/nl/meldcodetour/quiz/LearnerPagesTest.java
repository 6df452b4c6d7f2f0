/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Question;
import nl.meldcodetour.testsupport.Csrf;
import nl.meldcodetour.testsupport.Quizzes;
import org.junit.jupiter.api.Test;

/** The learner's journey through the server-rendered pages, as a browser without JavaScript makes it. */
@QuarkusTest
class LearnerPagesTest {

    static final String MODULE = "meldcode-in-5-stappen";
    static final Pattern FIELD = Pattern.compile("name=\"q\\.([a-z0-9-]+)\" id=\"[^\"]+\" value=\"([a-z0-9-]+)\"");

    @Inject
    ContentService content;

    private Module module() {
        return content.catalog().module(MODULE).orElseThrow();
    }

    private String startQuiz() {
        String location = given().filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .post("/modules/" + MODULE + "/toets")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        assertTrue(location.matches(".*/toets/[0-9a-f-]{36}$"), location);
        return location.substring(location.indexOf("/toets/"));
    }

    private List<String> questionIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = FIELD.matcher(html);
        while (m.find()) {
            if (!ids.contains(m.group(1))) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    @Test
    @TestSecurity(user = "pages-sector", roles = "medewerker")
    @OidcSecurity(claims = {@Claim(key = "sector", value = "onderwijs"), @Claim(key = "name", value = "Sanne Test")})
    void mijnModulesShowsSectorAndStatus() {
        var response = given().get("/mijn-modules")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .header("Content-Type", containsString("charset=UTF-8"))
                .body(containsString("<h1>Mijn modules</h1>"))
                .body(containsString("<title>Mijn modules – Meldcodetour</title>"))
                .body(containsString("<strong>Onderwijs</strong>"))
                .body(containsString("De meldcode in 5 stappen"))
                .body(containsString("Niet gestart"))
                .body(containsString("Sanne Test"))
                .header("Cache-Control", "no-store")
                .extract();
        // the page goes out as UTF-8 bytes (core.web.HtmlBytes): the length is that of the encoded text
        byte[] body = response.asByteArray();
        assertEquals(String.valueOf(body.length), response.header("Content-Length"));
        assertTrue(new String(body, StandardCharsets.UTF_8).contains("Mijn modules – Meldcodetour"));
    }

    @Test
    @TestSecurity(user = "pages-nosector", roles = "medewerker")
    void withoutASectorOnlyTheCoreModulesShowWithAnExplanation() {
        given().get("/mijn-modules")
                .then()
                .statusCode(200)
                .body(containsString("We weten nog niet in welke sector je werkt"))
                .body(containsString("De meldcode in 5 stappen"));
    }

    /** Issue #30, point 11: the gemeente and the beheerder have no sector and no aandachtsfunctionaris to ask for one. */
    @Test
    @TestSecurity(user = "pages-gemeente-nosector", roles = "gemeente")
    void theGemeenteIsToldWhyItHasNoSector() {
        given().get("/mijn-modules")
                .then()
                .statusCode(200)
                .body(containsString("Je werkt voor de gemeente. Daarom heb je geen sector"))
                .body(containsString("href=\"/dekking\""))
                .body(not(containsString("Vraag de aandachtsfunctionaris")))
                .body(containsString("De meldcode in 5 stappen"));
    }

    @Test
    @TestSecurity(user = "pages-beheerder-nosector", roles = "beheerder")
    void theBeheerderIsToldWhyItHasNoSector() {
        given().get("/mijn-modules")
                .then()
                .statusCode(200)
                .body(containsString("Je bent beheerder van Meldcodetour. Daarom heb je geen sector"))
                .body(not(containsString("Vraag de aandachtsfunctionaris")))
                .body(containsString("De meldcode in 5 stappen"));
    }

    @Test
    @TestSecurity(user = "pages-reader", roles = "aandachtsfunctionaris")
    void modulePagesHavePreviousNextAndProgress() {
        int count = module().pageCount();
        String overview = given().get("/modules/" + MODULE)
                .then()
                .statusCode(200)
                .body(containsString("Begin met lezen"))
                .body(containsString("Start de toets"))
                .extract()
                .asString();
        // the list of pages: every page, in order, linked by number
        for (int n = 1; n <= count; n++) {
            String title = module().page(n).orElseThrow().title().replace("'", "&#39;");
            assertTrue(
                    overview.contains(
                            "<li><a href=\"/modules/" + MODULE + "/pagina/" + n + "\">" + title + "</a></li>"),
                    "page " + n + " in the list: " + title);
        }
        given().get("/modules/" + MODULE + "/pagina/1")
                .then()
                .statusCode(200)
                .body(containsString("Pagina 1 van " + count))
                .body(containsString("<h1>Waarom een meldcode?</h1>"))
                .body(not(containsString("Vorige pagina")))
                .body(containsString("/modules/" + MODULE + "/pagina/2"));
        given().get("/modules/" + MODULE + "/pagina/2")
                .then()
                .statusCode(200)
                .body(containsString("Vorige pagina"))
                .body(containsString("<table>"));
        given().get("/modules/" + MODULE + "/pagina/" + count)
                .then()
                .statusCode(200)
                .body(containsString("Klaar met lezen: naar de toets"));
        given().get("/modules/" + MODULE)
                .then()
                .statusCode(200)
                .body(containsString("Verder lezen"))
                .body(containsString("value=\"" + count + "\""));
        given().get("/mijn-modules").then().body(containsString("Bezig"));
    }

    @Test
    @TestSecurity(user = "pages-quiz", roles = "medewerker")
    void quizPageContainsNoAnswersAndTheFormFlowWorks() {
        String quizUrl = startQuiz();
        String html = given().get(quizUrl).then().statusCode(200).extract().asString();
        List<String> ids = questionIds(html);
        assertEquals(module().drawSize(), ids.size());
        for (String id : ids) {
            Question q = module().question(id).orElseThrow();
            q.options()
                    .forEach(o ->
                            o.feedback().ifPresent(f -> assertFalse(html.contains(f), "option feedback leaked: " + f)));
            q.feedback().ifPresent(f -> assertFalse(html.contains(f), "question feedback leaked: " + f));
            assertFalse(html.contains(q.source()), "source leaked");
        }
        assertFalse(html.contains("(juist)"));

        // Incomplete: a redirect (post/redirect/get, so Back never shows a POST answer) to the form again, with a
        // Dutch error per open question and the given answer kept.
        String firstId = ids.get(0);
        Map<String, List<String>> right = Quizzes.formAnswers(html, module(), true);
        assertEquals(ids.size(), right.size(), "every question's options found on the page");
        String firstRight = right.get(firstId).get(0);
        Response incomplete = given().filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("q." + firstId, firstRight)
                .post(quizUrl);
        incomplete.then().statusCode(303).header("Location", containsString(quizUrl + "?controle=1"));
        String again = given().get(quizUrl + "?controle=1")
                .then()
                .statusCode(200)
                .body(containsString("Nog niet alle vragen zijn goed ingevuld"))
                .body(containsString("Kies een antwoord."))
                .body(containsString("value=\"" + firstRight + "\" checked"))
                .extract()
                .asString();
        assertEquals(
                2 * (ids.size() - 1),
                again.split("Kies een antwoord\\.", -1).length - 1,
                "one error per open question, in the summary and at the question");

        // Complete and all right: 303 to the result, which shows score, pass and feedback.
        var form = given().filter(Csrf.FORM).redirects().follow(false).contentType(ContentType.URLENC);
        for (String id : ids) {
            for (String letter : right.get(id)) {
                form = form.formParam("q." + id, letter);
            }
        }
        form.post(quizUrl).then().statusCode(303).header("Location", endsWith(quizUrl + "/resultaat"));
        given().get(quizUrl + "/resultaat")
                .then()
                .statusCode(200)
                .body(not(containsString("al ingeleverd")))
                .body(containsString("Je had 10 van de 10 vragen goed (100%)"))
                .body(containsString("Gehaald."))
                .body(containsString("(juist)"))
                .body(containsString("Bron:"));
        // Handing in again (Back and submit, a second click) says so and changes nothing.
        var replay = given().filter(Csrf.FORM).redirects().follow(false).contentType(ContentType.URLENC);
        for (String id : ids) {
            replay = replay.formParam("q." + id, "a");
        }
        String again2 = replay.post(quizUrl)
                .then()
                .statusCode(303)
                .header("Location", containsString("?al-ingeleverd=1"))
                .extract()
                .header("Location");
        given().get(again2)
                .then()
                .statusCode(200)
                .body(containsString("Deze toets had je al ingeleverd; dit is je uitslag."))
                .body(containsString("Je had 10 van de 10 vragen goed (100%)"));
        // The quiz page of a submitted attempt now leads to the result; the module is passed.
        given().redirects().follow(false).get(quizUrl).then().statusCode(303);
        given().get("/mijn-modules").then().body(containsString("Behaald")).body(containsString("geldig tot en met"));
        given().get("/modules/" + MODULE + "/pogingen").then().statusCode(200).body(containsString("Gehaald"));
    }

    @Test
    @TestSecurity(user = "pages-fail", roles = "gemeente")
    void aFailedQuizOffersARetry() {
        String quizUrl = startQuiz();
        String html = given().get(quizUrl).then().extract().asString();
        var form = given().filter(Csrf.FORM).redirects().follow(false).contentType(ContentType.URLENC);
        for (var wrong : Quizzes.formAnswers(html, module(), false).entrySet()) {
            form = form.formParam("q." + wrong.getKey(), wrong.getValue().get(0));
        }
        form.post(quizUrl).then().statusCode(303);
        given().get(quizUrl + "/resultaat")
                .then()
                .statusCode(200)
                .body(containsString("Nog niet gehaald"))
                .body(containsString("Probeer opnieuw"));
    }

    @Test
    @TestSecurity(user = "pages-history", roles = "medewerker")
    void emptyHistoryIsExplained() {
        given().get("/modules/" + MODULE + "/pogingen")
                .then()
                .statusCode(200)
                .body(containsString("Je hebt de toets nog niet gemaakt."));
    }

    @Test
    @TestSecurity(user = "pages-404", roles = "medewerker")
    void unknownThingsGetADutch404Page() {
        given().get("/modules/bestaat-niet")
                .then()
                .statusCode(404)
                .contentType(ContentType.HTML)
                .body(containsString("Niet gevonden"))
                .body(not(containsString("Exception")));
        given().get("/modules/" + MODULE + "/pagina/42").then().statusCode(404);
        given().get("/toets/niet-een-uuid").then().statusCode(404);
        given().get("/toets/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/bestaat/helemaal/niet").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "pages-norole", roles = "klant")
    void aUserWithoutARoleGetsADutch403Page() {
        given().get("/mijn-modules")
                .then()
                .statusCode(403)
                .contentType(ContentType.HTML)
                .body(containsString("Geen toegang"));
    }
}
