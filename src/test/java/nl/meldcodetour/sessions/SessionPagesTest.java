/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.sessions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.core.web.Formats;
import nl.meldcodetour.testsupport.Csrf;
import nl.meldcodetour.testsupport.Sessions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionPagesTest {

    @Inject
    SessionService sessions;

    @Inject
    EntityManager em;

    /** The card of one session on the list page. */
    static String card(String list, long id) {
        int from = list.indexOf("id=\"bijeenkomst-" + id + "\"");
        assertTrue(from > 0, "session " + id + " is listed");
        int to = list.indexOf("</li>", from);
        return list.substring(from, to);
    }

    /**
     * Issue #30, point 1: on /bijeenkomsten a trainer sees Presentielijst, Wijzigen and Afzeggen only on the sessions
     * they give, also when such a session is for another sector than their own; on someone else's session none of
     * them (each led to "Geen toegang").
     */
    @Test
    @TestSecurity(user = "sessions-trainer", roles = "trainer")
    @OidcSecurity(
            claims = {
                @Claim(key = "sector", value = "onderwijs"),
                @Claim(key = "email", value = "sessions-trainer@example.org"),
                @Claim(key = "email_verified", value = "true")
            })
    void aTrainerSeesTheActionsOnlyOnTheSessionsTheyGive() {
        LocalDateTime start = LocalDateTime.now(ClockProducer.ZONE).plusDays(1).truncatedTo(ChronoUnit.HOURS);
        String title = "Eigen tour " + System.nanoTime();
        RestAssured.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .formParam("title", title)
                .formParam("capacity", "10")
                .formParam("startsAt", start.toString())
                .formParam("endsAt", start.plusHours(2).toString())
                .formParam("place", "Urk")
                .formParam("trainer", "Ik zelf")
                .formParam("sectors", "kinderopvang")
                .post("/bijeenkomsten/nieuw")
                .then()
                .statusCode(303);
        long own = ((Number) em.createNativeQuery("SELECT id FROM tour_session WHERE title = ?1")
                        .setParameter(1, title)
                        .getSingleResult())
                .longValue();
        long others = sessions.plan(
                new SessionService.SessionInput(
                        "Tour van een ander " + System.nanoTime(),
                        List.of(),
                        List.of(),
                        start.toString(),
                        start.plusHours(2).toString(),
                        "Emmeloord",
                        null,
                        10,
                        "Andere trainer",
                        null),
                "test",
                null);

        String list = RestAssured.given()
                .get("/bijeenkomsten")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String theirs = card(list, others);
        assertFalse(
                theirs.contains("/presentie") || theirs.contains("/wijzigen") || theirs.contains("/afzeggen"), theirs);
        RestAssured.given()
                .get("/bijeenkomsten/" + others + "/presentie")
                .then()
                .statusCode(403);
        String mine = card(list, own);
        for (String action : List.of("presentie", "wijzigen", "afzeggen")) {
            assertTrue(mine.contains("href=\"/bijeenkomsten/" + own + "/" + action + "\""), mine);
            RestAssured.given()
                    .get("/bijeenkomsten/" + own + "/" + action)
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    @TestSecurity(user = "sessions-beheerder-all", roles = "beheerder")
    @OidcSecurity(claims = {@Claim(key = "sector", value = "onderwijs")})
    void theBeheerderSeesTheActionsOnEverySessionOfEverySector() {
        LocalDateTime start = LocalDateTime.now(ClockProducer.ZONE).plusDays(1).truncatedTo(ChronoUnit.HOURS);
        long other = sessions.plan(
                new SessionService.SessionInput(
                        "Tour politie " + System.nanoTime(),
                        List.of("politie"),
                        List.of(),
                        start.toString(),
                        start.plusHours(2).toString(),
                        "Lelystad",
                        null,
                        10,
                        "Trainer P",
                        null),
                "test",
                null);
        String card = card(
                RestAssured.given()
                        .get("/bijeenkomsten")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                other);
        assertTrue(card.contains("href=\"/bijeenkomsten/" + other + "/presentie\""), card);
    }

    @Test
    @TestSecurity(user = "sessions-beheerder", roles = "beheerder")
    void aBeheerderPlansAndPeopleRegisterCancelAndAreMarkedPresent() {
        RestAssured.given()
                .get("/bijeenkomsten/nieuw")
                .then()
                .statusCode(200)
                .body(containsString("Bijeenkomst plannen"));
        // bad input: a redirect back to the form (post/redirect/get), everything typed stays, every problem named
        Response refused = RestAssured.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .formParam("title", "<b>Tour</b> Emmeloord")
                .formParam("capacity", "veel")
                .formParam("startsAt", "gisteren")
                .post("/bijeenkomsten/nieuw");
        String again = Csrf.followRefused(RestAssured.given(), refused);
        assertTrue(
                again.contains("value=\"&lt;b&gt;Tour&lt;/b&gt; Emmeloord\"")
                        && again.contains("Vul het aantal plaatsen in")
                        && again.contains("Vul datum en tijd in als")
                        && !again.contains("<b>Tour</b>"),
                again);
        // read once: the page that shows it removes the cookie, so a reload shows the form as new
        RestAssured.given()
                .filter(Csrf.FORM)
                .cookies(refused.getCookies())
                .get("/bijeenkomsten/nieuw")
                .then()
                .statusCode(200)
                .header("Set-Cookie", containsString("Max-Age=0"));
        // a flash planted without this browser's CSRF token is ignored
        RestAssured.given()
                .cookies(refused.getCookies())
                .cookie(Csrf.COOKIE, "een-ander-token-0123456789abcdefghijklmnop")
                .get("/bijeenkomsten/nieuw")
                .then()
                .statusCode(200)
                .body(not(containsString("Vul het aantal plaatsen in")));
        LocalDateTime start = LocalDateTime.now(ClockProducer.ZONE).plusDays(7).truncatedTo(ChronoUnit.HOURS);
        String title = "Tour Emmeloord " + System.nanoTime();
        RestAssured.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .formParam("title", title)
                .formParam("capacity", "1")
                .formParam("startsAt", start.toString())
                .formParam("endsAt", start.plusHours(2).toString())
                .formParam("place", "Bibliotheek Emmeloord")
                .formParam("trainer", "Trainer T")
                .formParam("sectors", "onderwijs")
                .formParam("modules", "meldcode-in-5-stappen")
                .post("/bijeenkomsten/nieuw")
                .then()
                .statusCode(303)
                .header("Location", containsString("melding=gepland"));
        String list = RestAssured.given()
                .get("/bijeenkomsten")
                .then()
                .statusCode(200)
                .body(containsString(title))
                .extract()
                .asString();
        String id = list.substring(list.indexOf("id=\"bijeenkomst-", list.indexOf(title) - 400) + 16);
        id = id.substring(0, id.indexOf('"'));
        RestAssured.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .post("/bijeenkomsten/" + id + "/aanmelden")
                .then()
                .statusCode(303)
                .header("Location", containsString("melding=aangemeld"));
        RestAssured.given()
                .get("/bijeenkomsten?melding=aangemeld")
                .then()
                .body(containsString("Je bent aangemeld"))
                .body(containsString("/bijeenkomsten/" + id + "/agenda.ics"));
        RestAssured.given()
                .get("/bijeenkomsten/" + id + "/agenda.ics")
                .then()
                .statusCode(200)
                .body(containsString("BEGIN:VEVENT"));
        // before the start: who is registered, and from when attendance can be taken; saving is refused (409)
        RestAssured.given()
                .get("/bijeenkomsten/" + id + "/presentie")
                .then()
                .statusCode(200)
                .body(containsString("Presentie vastleggen kan vanaf het begin: "
                        + Formats.dutch(start.atZone(ClockProducer.ZONE).toInstant())))
                .body(not(containsString("Presentie opslaan")));
        String early = Csrf.followRefused(
                RestAssured.given(),
                RestAssured.given()
                        .filter(Csrf.FORM)
                        .redirects()
                        .follow(false)
                        .formParam("r-1", "aanwezig")
                        .post("/bijeenkomsten/" + id + "/presentie"));
        assertTrue(early.contains("De bijeenkomst is nog niet begonnen"), early);
        Sessions.begin(Long.parseLong(id));
        String attendance = RestAssured.given()
                .get("/bijeenkomsten/" + id + "/presentie")
                .then()
                .statusCode(200)
                .body(containsString("Aanwezig"))
                .body(not(containsString("nog niet begonnen")))
                .extract()
                .asString();
        String field = attendance.substring(attendance.indexOf("name=\"r-") + 6);
        field = field.substring(0, field.indexOf('"'));
        RestAssured.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .formParam(field, "aanwezig")
                .post("/bijeenkomsten/" + id + "/presentie")
                .then()
                .statusCode(303);
        RestAssured.given()
                .get("/bijeenkomsten/" + id + "/presentie")
                .then()
                .body(containsString("value=\"aanwezig\" checked"));
        RestAssured.given()
                .get("/bijeenkomsten/" + id + "/afmelden")
                .then()
                .statusCode(200)
                .body(containsString("Ja, afmelden"));
        // a cancelled session takes no attendance: the page says why, with no form; a post by URL is refused
        String other = String.valueOf(sessions.plan(
                new SessionService.SessionInput(
                        title + " afgezegd",
                        List.of("onderwijs"),
                        List.of(),
                        start.toString(),
                        start.plusHours(2).toString(),
                        "Emmeloord",
                        null,
                        10,
                        "Trainer T",
                        null),
                "test",
                null));
        RestAssured.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .post("/bijeenkomsten/" + other + "/afzeggen")
                .then()
                .statusCode(303);
        Sessions.begin(Long.parseLong(other));
        RestAssured.given()
                .get("/bijeenkomsten/" + other + "/presentie")
                .then()
                .statusCode(200)
                .body(containsString("Deze bijeenkomst is afgezegd. Presentie vastleggen kan daarom niet."))
                .body(not(containsString("Presentie opslaan")));
        String late = Csrf.followRefused(
                RestAssured.given(),
                RestAssured.given()
                        .filter(Csrf.FORM)
                        .redirects()
                        .follow(false)
                        .formParam("r-1", "aanwezig")
                        .post("/bijeenkomsten/" + other + "/presentie"));
        assertTrue(late.contains("Deze bijeenkomst is afgezegd"), late);
        RestAssured.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .post("/bijeenkomsten/" + id + "/afmelden")
                .then()
                .statusCode(303);
        RestAssured.given().get("/bijeenkomsten/" + id + "/agenda.ics").then().statusCode(404);

        // change: bad input keeps what was typed; a good change is saved
        RestAssured.given()
                .get("/bijeenkomsten/" + id + "/wijzigen")
                .then()
                .statusCode(200)
                .body(containsString("value=\"1\""));
        String changeAgain = Csrf.followRefused(
                RestAssured.given(),
                RestAssured.given()
                        .filter(Csrf.FORM)
                        .redirects()
                        .follow(false)
                        .formParam("startsAt", start.toString())
                        .formParam("endsAt", start.minusHours(1).toString())
                        .formParam("place", "Elders")
                        .formParam("capacity", "3")
                        .post("/bijeenkomsten/" + id + "/wijzigen"));
        assertTrue(
                changeAgain.contains("Het einde moet na het begin liggen") && changeAgain.contains("value=\"Elders\""),
                changeAgain);
        RestAssured.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .formParam("startsAt", start.toString())
                .formParam("endsAt", start.plusHours(3).toString())
                .formParam("place", "Elders")
                .formParam("capacity", "3")
                .post("/bijeenkomsten/" + id + "/wijzigen")
                .then()
                .statusCode(303)
                .header("Location", containsString("melding=gewijzigd"));
        RestAssured.given().get("/bijeenkomsten").then().body(containsString("Elders"));
        // cancel the session, after confirmation
        RestAssured.given()
                .get("/bijeenkomsten/" + id + "/afzeggen")
                .then()
                .statusCode(200)
                .body(containsString("Ja, afzeggen"));
        RestAssured.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .post("/bijeenkomsten/" + id + "/afzeggen")
                .then()
                .statusCode(303);
        RestAssured.given().get("/bijeenkomsten").then().body(not(containsString(title)));
    }

    @Test
    @TestSecurity(user = "sessions-medewerker", roles = "medewerker")
    void aMedewerkerCannotPlanOrTakeAttendance() {
        RestAssured.given().get("/bijeenkomsten").then().statusCode(200);
        RestAssured.given().get("/bijeenkomsten/nieuw").then().statusCode(403);
        RestAssured.given().get("/bijeenkomsten/987654321/presentie").then().statusCode(404);
        RestAssured.given().get("/bijeenkomsten/987654321/afzeggen").then().statusCode(404);
    }
}
