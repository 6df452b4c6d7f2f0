/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.sessions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.testsupport.AtOnce;
import nl.meldcodetour.testsupport.Csrf;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Issue #30, point 2: planning a session and registering for one, sent twice or at once, do it once. */
@QuarkusTest
class SessionRepeatTest {

    @Inject
    EntityManager em;

    final Tokens.TestUser beheerder = Tokens.newUser(null, "beheerder");
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final LocalDateTime start =
            LocalDateTime.now(ClockProducer.ZONE).plusDays(21).truncatedTo(ChronoUnit.HOURS);

    Map<String, Object> session(String title) {
        return new HashMap<>(Map.of(
                "title",
                title,
                "sectors",
                List.of("onderwijs"),
                "modules",
                List.of("meldcode-in-5-stappen"),
                "startsAt",
                start.toString(),
                "endsAt",
                start.plusHours(2).toString(),
                "place",
                "Gemeentehuis Urk",
                "capacity",
                2,
                "trainer",
                "Trainer Test"));
    }

    long sessions(String title) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM tour_session WHERE title = ?1")
                        .setParameter(1, title)
                        .getSingleResult())
                .longValue();
    }

    @Test
    void theSameSessionPlannedTwiceIsPlannedOnce() throws Exception {
        String title = "Tour Urk " + tag;
        long id = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(session(title))
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(session(title))
                .post("/api/sessions")
                .then()
                .statusCode(409)
                .body(
                        "title",
                        equalTo(
                                "Deze bijeenkomst had je al gepland (nummer " + id
                                        + "): dezelfde titel, hetzelfde begin en einde en dezelfde plaats. Er is geen tweede gepland."));
        assertEquals(1, sessions(title));
        // five at the same moment
        String other = "Tour Emmeloord " + tag;
        assertEquals(
                List.of(201, 409, 409, 409, 409),
                AtOnce.statuses(
                        5,
                        () -> beheerder
                                .given()
                                .contentType(ContentType.JSON)
                                .body(session(other))
                                .post("/api/sessions")));
        assertEquals(1, sessions(other));
        // another time is another session; so is the same one planned by someone else (not a double click)
        Map<String, Object> later = session(title);
        later.put("startsAt", start.plusDays(1).toString());
        later.put("endsAt", start.plusDays(1).plusHours(2).toString());
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(later)
                .post("/api/sessions")
                .then()
                .statusCode(201);
        Tokens.newUser(null, "trainer")
                .given()
                .contentType(ContentType.JSON)
                .body(session(title))
                .post("/api/sessions")
                .then()
                .statusCode(201);
        // after cancelling it, the same session may be planned again
        beheerder.given().post("/api/sessions/" + id + "/cancellation").then().statusCode(200);
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(session(title))
                .post("/api/sessions")
                .then()
                .statusCode(201);
    }

    @Test
    void registeringFiveTimesAtOnceIsOneRegistration() throws Exception {
        long id = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(session("Tour Nagele " + tag))
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Tokens.TestUser anna = Tokens.newUser("onderwijs", "medewerker");
        anna.given().get("/api/me").then().statusCode(200);
        assertEquals(
                List.of(200, 200, 200, 200, 200),
                AtOnce.statuses(5, () -> anna.given().put("/api/sessions/" + id + "/registration")));
        anna.given()
                .get("/api/sessions/" + id)
                .then()
                .body("mine", equalTo("registered"))
                .body("registered", equalTo(1))
                .body("waitlisted", equalTo(0));
        assertEquals(
                1L,
                ((Number) em.createNativeQuery("SELECT count(*) FROM session_registration WHERE session_id = ?1")
                                .setParameter(1, id)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    @TestSecurity(user = "repeat-sessions-beheerder", roles = "beheerder")
    void theFormsSentTwiceSayNothingChanged() {
        String title = "Tour Luttelgeest " + tag;
        for (String notice : List.of("melding=gepland", "melding=al-gepland")) {
            RestAssured.given()
                    .filter(Csrf.FORM)
                    .redirects()
                    .follow(false)
                    .formParam("title", title)
                    .formParam("capacity", "1")
                    .formParam("startsAt", start.toString())
                    .formParam("endsAt", start.plusHours(2).toString())
                    .formParam("place", "Dorpshuis")
                    .formParam("trainer", "Trainer T")
                    .formParam("sectors", "onderwijs")
                    .post("/bijeenkomsten/nieuw")
                    .then()
                    .statusCode(303)
                    .header("Location", containsString(notice));
        }
        assertEquals(1, sessions(title));
        RestAssured.given()
                .get("/bijeenkomsten?melding=al-gepland")
                .then()
                .statusCode(200)
                .body(containsString(
                        "Deze bijeenkomst was al gepland (zelfde titel, tijd en plaats). Er is geen tweede gepland."));

        long id = ((Number) em.createNativeQuery("SELECT id FROM tour_session WHERE title = ?1")
                        .setParameter(1, title)
                        .getSingleResult())
                .longValue();
        for (String notice : List.of("melding=aangemeld", "melding=al-aangemeld")) {
            RestAssured.given()
                    .filter(Csrf.FORM)
                    .redirects()
                    .follow(false)
                    .post("/bijeenkomsten/" + id + "/aanmelden")
                    .then()
                    .statusCode(303)
                    .header("Location", containsString(notice));
        }
        RestAssured.given()
                .get("/bijeenkomsten?melding=al-aangemeld")
                .then()
                .statusCode(200)
                .body(containsString("Je was al aangemeld voor deze bijeenkomst. Er is niets veranderd."));
        assertEquals(
                1L,
                ((Number) em.createNativeQuery("SELECT count(*) FROM session_registration WHERE session_id = ?1")
                                .setParameter(1, id)
                                .getSingleResult())
                        .longValue());
    }
}
