/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.UriInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.core.web.ErrorMappers;
import nl.meldcodetour.core.web.RateLimiter;
import nl.meldcodetour.notifications.MailSender;
import nl.meldcodetour.notifications.ReminderPlanner;
import nl.meldcodetour.testsupport.MailDelivery;
import nl.meldcodetour.testsupport.Quizzes;
import nl.meldcodetour.testsupport.SmtpTestServer;
import nl.meldcodetour.testsupport.Tokens;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * Logs carry no names, e-mail addresses or IP addresses (docs/privacy.md, "Logs"): the main journeys, run by people
 * whose names and addresses are unique markers, including the ones that make the application log (a refused mail, a
 * duplicate, a constraint violation, rate limits), and not one captured log record holds a marker.
 */
@QuarkusTest
class LogPrivacyTest {

    @Inject
    EntityManager em;

    @Inject
    ContentService content;

    @Inject
    MailSender sender;

    @Inject
    ReminderPlanner planner;

    @Inject
    RateLimiter limiter;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String learnerEmail = "loekie.logmarker" + tag + "@privacy-test.example.org";
    final String learnerName = "Loekie Logmarker" + tag;
    final String colleagueEmail = "coby.colleaguemarker" + tag + "@privacy-test.example.org";
    final String colleagueName = "Coby Colleaguemarker" + tag;
    final String csvEmail = "cas.csvmarker" + tag + "@privacy-test.example.org";
    final String csvName = "Cas Csvmarker" + tag;

    /** Every record any logger publishes while the journeys run, as an operator would read it: text, then the exception. */
    static final class Capture extends Handler {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord r) {
            String message =
                    r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : new SimpleFormatter().formatMessage(r);
            StringWriter text = new StringWriter().append(r.getLevel() + " [" + r.getLoggerName() + "] " + message);
            if (r.getThrown() != null) {
                r.getThrown().printStackTrace(new PrintWriter(text.append('\n')));
            }
            lines.add(text.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        boolean has(String part) {
            synchronized (lines) {
                return lines.stream().anyMatch(l -> l.contains(part));
            }
        }
    }

    @Test
    void theMainJourneysLogNoNameNoEmailAddressAndNoIpAddress() throws Exception {
        Capture capture = new Capture();
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            journeys();
        } finally {
            root.removeHandler(capture);
            limiter.reset();
        }
        // the capture works: lines the journeys are known to write are there
        for (String known : List.of(
                "could not be sent",
                "Refused a duplicate on",
                "Unexpected error",
                "Rate limit login reached",
                "Rate limit upload reached",
                "Ignoring unknown sector")) {
            assertTrue(capture.has(known), "captured: " + known + "\n" + String.join("\n", capture.lines));
        }
        List<String> forbidden = List.of(
                learnerEmail,
                learnerName,
                colleagueEmail,
                colleagueName,
                csvEmail,
                csvName,
                "127.0.0.1",
                "privacy-test.example.org",
                "marker" + tag);
        synchronized (capture.lines) {
            for (String line : capture.lines) {
                for (String f : forbidden) {
                    assertFalse(
                            line.toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT)),
                            "'" + f + "' in the log: " + line);
                }
            }
        }
    }

    private void journeys() throws Exception {
        Tokens.TestUser beheerder = Tokens.newUser(null, "beheerder");
        Tokens.TestUser af = Tokens.newUser(null, "aandachtsfunctionaris");
        long org = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Logschool " + tag, "sector", "onderwijs", "gemeente", "Urk"))
                .post("/api/organisations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "AF", "email", af.subject() + "@example.org"))
                .post("/api/organisations/" + org + "/aandachtsfunctionarissen")
                .then()
                .statusCode(201);

        // the AF adds two colleagues, one of whom logs in, passes a quiz and registers for a session
        af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", learnerName, "email", learnerEmail, "functionId", "leerkracht"))
                .post("/api/organisations/" + org + "/staff")
                .then()
                .statusCode(201);
        long colleague = af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", colleagueName, "email", colleagueEmail, "functionId", "leerkracht"))
                .post("/api/organisations/" + org + "/staff")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        // the same colleague again: refused in words (the address in the answer, not in the log)
        af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", colleagueName, "email", colleagueEmail, "functionId", "leerkracht"))
                .post("/api/organisations/" + org + "/staff")
                .then()
                .statusCode(409);
        // JSON that does not parse, with an address in it
        af.given()
                .contentType(ContentType.JSON)
                .body("{\"name\": \"" + colleagueName + "\", \"email\": " + colleagueEmail + "}")
                .post("/api/organisations/" + org + "/staff")
                .then()
                .statusCode(400);
        String subject = "test-" + UUID.randomUUID();
        Tokens.TestUser learner = new Tokens.TestUser(
                subject, Tokens.token(subject, "onderwijs", Set.of("medewerker"), learnerEmail, true, learnerName));
        learner.given().get("/api/me").then().statusCode(200);
        Quizzes.pass(learner, content.catalog().module("meldcode-in-5-stappen").orElseThrow());
        LocalDateTime start = LocalDateTime.now(ClockProducer.ZONE).plusDays(21).truncatedTo(ChronoUnit.HOURS);
        long session = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Logtour " + tag,
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
                        "Trainer Test"))
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        learner.given().put("/api/sessions/" + session + "/registration").then().statusCode(200);
        // a token whose sector claim is unknown is logged, without whose it is
        String other = "test-" + UUID.randomUUID();
        new Tokens.TestUser(
                        other,
                        Tokens.token(
                                other, "geen-bekende-sector", Set.of("medewerker"), learnerEmail, false, learnerName))
                .given()
                .get("/api/me")
                .then()
                .statusCode(200);

        // a CSV import with an address, one row wrong; then uploads until the limit answers
        String csv = "Naam;E-mailadres;Functie;Startdatum\n" + csvName + ";" + csvEmail + ";Leerkracht;01-09-2024\n"
                + csvName + " twee;" + csvEmail + ";astronaut;\n";
        String preview = af.given()
                .contentType("text/csv")
                .body(csv)
                .post("/api/organisations/" + org + "/staff/import")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("id");
        af.given()
                .queryParam("onlyValid", true)
                .post("/api/imports/" + preview + "/confirm")
                .then()
                .statusCode(200);
        int status = 200;
        for (int i = 0; i < 15 && status != 429; i++) {
            status = af.given()
                    .contentType("text/csv")
                    .body(csv)
                    .post("/api/organisations/" + org + "/staff/import")
                    .statusCode();
        }
        assertEquals(429, status);

        // login starts beyond the limit of the client address
        for (int i = 0; i < 40; i++) {
            RestAssured.given().redirects().follow(false).get("/inloggen");
        }

        // a reminder the AF asks for, refused by the SMTP server, which quotes the address
        MailDelivery.all(sender, "before-refusal");
        af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("employmentId", colleague, "moduleId", "onderwijs"))
                .post("/api/organisations/" + org + "/reminders")
                .then()
                .statusCode(202);
        planner.plan(LocalDate.now(ClockProducer.ZONE));
        SmtpTestServer.refusingRecipients(() -> sender.sendDue("refused"));
        String lastError = (String) em.createNativeQuery(
                        "SELECT last_error FROM mail_outbox WHERE lower(recipient) = ?1 AND kind = 'requested'")
                .setParameter(1, colleagueEmail)
                .getSingleResult();
        assertTrue(
                lastError.contains(colleagueEmail),
                "the refusal quotes the address (kept in the outbox, not in the log): " + lastError);

        // a duplicate and a CHECK violation whose PostgreSQL messages quote the row, answered by the error mappers
        UriInfo uri = uri("/api/organisations/" + org + "/staff");
        PersistenceException duplicate = assertThrows(
                PersistenceException.class, () -> insertEmployment(org, colleagueName, colleagueEmail, "NULL"));
        assertTrue(
                String.valueOf(rootCause(duplicate).getMessage()).contains(colleagueEmail),
                "the driver quotes the address");
        assertEquals(409, new ErrorMappers().unexpected(duplicate, uri).getStatus());
        PersistenceException check = assertThrows(
                PersistenceException.class,
                () -> insertEmployment(org, colleagueName, "check." + colleagueEmail, "DATE '2000-01-01'"));
        assertTrue(String.valueOf(rootCause(check).getMessage()).contains(colleagueName), "the driver quotes the row");
        assertEquals(500, new ErrorMappers().unexpected(check, uri).getStatus());
    }

    private void insertEmployment(long org, String name, String email, String endDate) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("INSERT INTO employment (organisation_id, name, email, "
                                + "function_id, start_date, end_date) VALUES (?1, ?2, ?3, 'leerkracht', DATE '2024-09-01', "
                                + endDate + ")")
                        .setParameter(1, org)
                        .setParameter(2, name)
                        .setParameter(3, email)
                        .executeUpdate());
    }

    private static Throwable rootCause(Throwable t) {
        return t.getCause() == null ? t : rootCause(t.getCause());
    }

    /** The request's address as the error mappers read it. */
    private static UriInfo uri(String path) {
        return (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(),
                new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPath" -> path;
                    case "toString" -> "UriInfo " + path;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
