/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.sessions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.notifications.MailSender;
import nl.meldcodetour.testsupport.MailDelivery;
import nl.meldcodetour.testsupport.Sessions;
import nl.meldcodetour.testsupport.SmtpTestServer;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionTest {

    @Inject
    EntityManager em;

    @Inject
    MailSender mails;

    final Tokens.TestUser beheerder = Tokens.newUser(null, "beheerder");

    long plan(int capacity, String trainerEmail) {
        LocalDateTime start = LocalDateTime.now(ClockProducer.ZONE).plusDays(14).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> body = new HashMap<>(Map.of(
                "title",
                "Meldcodetour Urk, onderwijs; middag",
                "sectors",
                List.of("onderwijs"),
                "modules",
                List.of("meldcode-in-5-stappen"),
                "startsAt",
                start.toString(),
                "endsAt",
                start.plusHours(2).toString(),
                "place",
                "Gemeentehuis Urk, Raadszaal",
                "capacity",
                capacity,
                "trainer",
                "Trainer Test"));
        if (trainerEmail != null) {
            body.put("trainerEmail", trainerEmail);
        }
        return beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    long count(long session, String status) {
        return ((Number) em.createNativeQuery(
                                "SELECT count(*) FROM session_registration WHERE session_id = ?1 AND status = ?2")
                        .setParameter(1, session)
                        .setParameter(2, status)
                        .getSingleResult())
                .longValue();
    }

    @Test
    void twentyAtOnceForTenPlacesGivesTenRegisteredAndTenWaiting() throws Exception {
        long session = plan(10, null);
        List<Tokens.TestUser> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Tokens.TestUser u = Tokens.newUser("onderwijs", "medewerker");
            u.given().get("/api/me").then().statusCode(200);
            people.add(u);
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (Tokens.TestUser u : people) {
            results.add(pool.submit(() -> {
                start.await();
                return u.given()
                        .put("/api/sessions/" + session + "/registration")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("status");
            }));
        }
        start.countDown();
        int registered = 0;
        for (Future<String> f : results) {
            registered += "registered".equals(f.get()) ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(10, registered);
        assertEquals(10, count(session, "registered"));
        assertEquals(10, count(session, "waitlisted"));
        people.get(0)
                .given()
                .get("/api/sessions/" + session)
                .then()
                .statusCode(200)
                .body("registered", equalTo(10))
                .body("waitlisted", equalTo(10));
        // the list of upcoming sessions for the sector shows it too
        people.get(0).given().get("/api/sessions").then().statusCode(200).body("id", hasItem((int) session));
    }

    @Test
    void aCancellationMovesTheFirstOnTheWaitlistUp() {
        long session = plan(2, null);
        List<Tokens.TestUser> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Tokens.TestUser u = Tokens.newUser("onderwijs", "medewerker");
            people.add(u);
            u.given()
                    .put("/api/sessions/" + session + "/registration")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo(i < 2 ? "registered" : "waitlisted"));
        }
        people.get(3)
                .given()
                .put("/api/sessions/" + session + "/registration")
                .then()
                .statusCode(200)
                .body("status", equalTo("waitlisted"))
                .body("waitlistPosition", equalTo(2)); // repeating changes nothing
        people.get(3)
                .given()
                .get("/api/sessions/" + session + "/calendar.ics")
                .then()
                .statusCode(404); // not registered (yet)

        people.get(0)
                .given()
                .delete("/api/sessions/" + session + "/registration")
                .then()
                .statusCode(204);
        people.get(2).given().get("/api/sessions/" + session).then().body("mine", equalTo("registered"));
        people.get(3)
                .given()
                .get("/api/sessions/" + session)
                .then()
                .body("mine", equalTo("waitlisted"))
                .body("waitlistPosition", equalTo(1));
        // a waitlisted person leaving frees no place
        people.get(3)
                .given()
                .delete("/api/sessions/" + session + "/registration")
                .then()
                .statusCode(204);
        assertEquals(2, count(session, "registered"));
        assertEquals(0, count(session, "waitlisted"));
        // registering again after cancelling: back at the end of the queue
        people.get(0)
                .given()
                .put("/api/sessions/" + session + "/registration")
                .then()
                .body("status", equalTo("waitlisted"));
    }

    @Test
    void registeredPeopleGetACalendarFile() {
        long session = plan(5, null);
        Tokens.TestUser u = Tokens.newUser("onderwijs", "medewerker");
        u.given().put("/api/sessions/" + session + "/registration").then().statusCode(200);
        String ics = u.given()
                .get("/api/sessions/" + session + "/calendar.ics")
                .then()
                .statusCode(200)
                .contentType(containsString("text/calendar"))
                .extract()
                .asString();
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), ics);
        assertTrue(ics.contains("BEGIN:VEVENT") && ics.contains("UID:session-" + session + "@"), ics);
        assertTrue(ics.contains("SUMMARY:Meldcodetour Urk\\, onderwijs\\; middag"), ics);
        assertTrue(ics.matches("(?s).*DTSTART:\\d{8}T\\d{6}Z.*"), ics);
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded: " + line);
        }
    }

    @Test
    void attendanceIsForTheBeheerderAndTheTrainer() {
        Tokens.TestUser trainer = Tokens.newUser(null, "medewerker");
        long session = plan(5, trainer.subject() + "@example.org");
        Tokens.TestUser a = Tokens.newUser("onderwijs", "medewerker");
        Tokens.TestUser b = Tokens.newUser("onderwijs", "medewerker");
        a.given().put("/api/sessions/" + session + "/registration").then().statusCode(200);
        b.given().put("/api/sessions/" + session + "/registration").then().statusCode(200);
        a.given().get("/api/sessions/" + session + "/attendance").then().statusCode(403);
        List<Map<String, Object>> list = trainer.given()
                .get("/api/sessions/" + session + "/attendance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertEquals(2, list.size());
        Map<String, Boolean> marks = Map.of(
                String.valueOf(list.get(0).get("registrationId")),
                true,
                String.valueOf(list.get(1).get("registrationId")),
                false);
        Sessions.begin(session);
        trainer.given()
                .contentType(ContentType.JSON)
                .body(Map.of("marks", marks))
                .put("/api/sessions/" + session + "/attendance")
                .then()
                .statusCode(200)
                .body("attended", hasItem(true))
                .body("attended", hasItem(false));
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("marks", Map.of("999999999", true)))
                .put("/api/sessions/" + session + "/attendance")
                .then()
                .statusCode(400);
    }

    /** Registers one new medewerker for the session; the marks that say they were present. */
    private Map<String, Boolean> oneRegisteredAndMarkedPresent(long session) {
        Tokens.newUser("onderwijs", "medewerker")
                .given()
                .put("/api/sessions/" + session + "/registration")
                .then()
                .statusCode(200);
        List<Map<String, Object>> list = beheerder
                .given()
                .get("/api/sessions/" + session + "/attendance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return Map.of(String.valueOf(list.get(0).get("registrationId")), true);
    }

    private void assertNothingMarked(long session) {
        assertEquals(
                0L,
                ((Number) em.createNativeQuery(
                                        "SELECT count(*) FROM session_registration WHERE session_id = ?1 AND attended IS NOT NULL")
                                .setParameter(1, session)
                                .getSingleResult())
                        .longValue(),
                "nothing saved");
    }

    /** Nobody attends a cancelled session: its attendance is refused (409), even once its start has passed. */
    @Test
    void attendanceCannotBeSavedForACancelledSession() {
        long session = plan(5, null);
        Map<String, Boolean> marks = oneRegisteredAndMarkedPresent(session);
        beheerder
                .given()
                .post("/api/sessions/" + session + "/cancellation")
                .then()
                .statusCode(200);
        Sessions.begin(session);
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("marks", marks))
                .put("/api/sessions/" + session + "/attendance")
                .then()
                .statusCode(409)
                .body("title", containsString("Deze bijeenkomst is afgezegd"));
        assertNothingMarked(session);
    }

    /** Issue #30, point 1: nobody can have attended a session that has not begun; the answer says from when. */
    @Test
    void attendanceCannotBeSavedBeforeTheSessionBegins() {
        long session = plan(5, null);
        Map<String, Boolean> marks = oneRegisteredAndMarkedPresent(session);
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("marks", marks))
                .put("/api/sessions/" + session + "/attendance")
                .then()
                .statusCode(409)
                .body("title", containsString("De bijeenkomst is nog niet begonnen"))
                .body("title", containsString("Presentie vastleggen kan vanaf het begin"));
        assertNothingMarked(session);
        Sessions.begin(session);
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("marks", marks))
                .put("/api/sessions/" + session + "/attendance")
                .then()
                .statusCode(200)
                .body("attended", hasItem(true));
    }

    @Test
    void planningChecksItsInputAndIsForTheBeheerder() {
        Tokens.newUser(null, "medewerker")
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("title", "x"))
                .post("/api/sessions")
                .then()
                .statusCode(403);
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "",
                        "startsAt",
                        "morgen",
                        "endsAt",
                        "2020-01-01T10:00",
                        "capacity",
                        0,
                        "onlineUrl",
                        "javascript:alert(1)",
                        "sectors",
                        List.of("bakkerij")))
                .post("/api/sessions")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("title"))
                .body("violations.field", hasItem("startsAt"))
                .body("violations.field", hasItem("capacity"))
                .body("violations.field", hasItem("onlineUrl"))
                .body("violations.field", hasItem("sectors"))
                .body("violations.field", hasItem("trainer"));
        RestAssured.given().get("/api/sessions").then().statusCode(401);
        Tokens.newUser(null, "medewerker")
                .given()
                .put("/api/sessions/987654321/registration")
                .then()
                .statusCode(404);
    }

    /** Sorted: a mail retried after a dropped SMTP conversation arrives after later ones. */
    static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> subjectsTo(Tokens.TestUser u) {
        List<String> subjects = new ArrayList<>();
        for (var m : SmtpTestServer.server().getReceivedMessages()) {
            try {
                if (m.getAllRecipients()[0].toString().equals(u.subject() + "@example.org")) {
                    subjects.add(m.getSubject());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        subjects.sort(null);
        return subjects;
    }

    static List<String> sorted(String... subjects) {
        return Arrays.stream(subjects).sorted().toList();
    }

    @Test
    void changesCancellationsAndPromotionsAreMailedToThePeopleConcerned() {
        Tokens.TestUser trainer = Tokens.newUser(null, "trainer");
        LocalDateTime start = LocalDateTime.now(ClockProducer.ZONE).plusDays(20).truncatedTo(ChronoUnit.HOURS);
        long session = trainer.given()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Tour Dronten",
                        "startsAt",
                        start.toString(),
                        "endsAt",
                        start.plusHours(2).toString(),
                        "place",
                        "De Meerpaal",
                        "capacity",
                        2,
                        "trainer",
                        "Trainer",
                        "trainerEmail",
                        trainer.subject() + "@example.org"))
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Tokens.TestUser a = Tokens.newUser(null, "medewerker");
        Tokens.TestUser b = Tokens.newUser(null, "medewerker");
        Tokens.TestUser c = Tokens.newUser(null, "medewerker");
        for (Tokens.TestUser u : List.of(a, b, c)) {
            u.given().put("/api/sessions/" + session + "/registration").then().statusCode(200);
        }
        trainer.given()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "startsAt",
                        start.plusDays(1).toString(),
                        "endsAt",
                        start.plusDays(1).plusHours(2).toString(),
                        "place",
                        "Bibliotheek Dronten",
                        "capacity",
                        2))
                .put("/api/sessions/" + session)
                .then()
                .statusCode(200);
        a.given().delete("/api/sessions/" + session + "/registration").then().statusCode(204); // c moves up
        Tokens.newUser(null, "medewerker")
                .given()
                .post("/api/sessions/" + session + "/cancellation")
                .then()
                .statusCode(403);
        trainer.given()
                .post("/api/sessions/" + session + "/cancellation")
                .then()
                .statusCode(200)
                .body("cancelled", equalTo(true));
        MailDelivery.all(mails, "test");
        assertEquals(sorted("Gewijzigd: Tour Dronten"), subjectsTo(a));
        assertEquals(sorted("Gewijzigd: Tour Dronten", "Gaat niet door: Tour Dronten"), subjectsTo(b));
        assertEquals(
                sorted(
                        "Gewijzigd: Tour Dronten",
                        "Er is een plaats vrij: je bent aangemeld voor Tour Dronten",
                        "Gaat niet door: Tour Dronten"),
                subjectsTo(c));
        // the facts are read when the mail is sent: the new place, from the sessions feature
        // (notifications.SessionFacts)
        List<String> changed = Arrays.stream(SmtpTestServer.server().getReceivedMessages())
                .filter(m -> subjectOf(m).equals("Gewijzigd: Tour Dronten"))
                .map(GreenMailUtil::getBody)
                .toList();
        assertEquals(3, changed.size(), "a, b and c were told of the change");
        assertTrue(changed.stream().allMatch(body -> body.contains("Plaats: Bibliotheek Dronten")), changed.toString());
        b.given().put("/api/sessions/" + session + "/registration").then().statusCode(409); // cancelled: no registering
    }
}
