/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.notifications;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.testsupport.MailDelivery;
import nl.meldcodetour.testsupport.SmtpTestServer;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #30 against a real SMTP server (GreenMail): "herinnering sturen" clicked twice sends one e-mail (point 2), and
 * a deactivated organisation goes quiet: no weekly digest to its aandachtsfunctionaris and no reminder to its staff,
 * also not when the mail was planned before the deactivation (point 3).
 */
@QuarkusTest
class QuietAndOnceTest {

    @Inject
    EntityManager em;

    @Inject
    ReminderPlanner planner;

    @Inject
    MailSender sender;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final Tokens.TestUser beheerder = Tokens.newUser(null, "beheerder");
    final Tokens.TestUser af = Tokens.newUser(null, "aandachtsfunctionaris");
    final LocalDate today = LocalDate.now(ClockProducer.ZONE);

    @BeforeEach
    void emptyMailbox() throws Exception {
        MailDelivery.all(sender, "cleanup");
        SmtpTestServer.server().purgeEmailFromAllMailboxes();
    }

    List<MimeMessage> received(String email) {
        return SmtpTestServer.receivedBy(email);
    }

    /** An organisation with {@link #af} as aandachtsfunctionaris; returns its id. */
    long organisation(String name) {
        long org = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", name + " " + tag, "sector", "onderwijs", "gemeente", "Urk"))
                .post("/api/organisations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Els", "email", af.subject() + "@example.org"))
                .post("/api/organisations/" + org + "/aandachtsfunctionarissen")
                .then()
                .statusCode(201);
        return org;
    }

    /** A colleague at {@code org} who has logged in (so the job is bound to them); returns {employment id, e-mail}. */
    Object[] colleague(long org, String name) {
        Tokens.TestUser who = Tokens.newUser("onderwijs", "medewerker");
        who.given().get("/api/me").then().statusCode(200);
        long job = af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", who.subject() + "@example.org", "functionId", "leerkracht"))
                .post("/api/organisations/" + org + "/staff")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        return new Object[] {job, who.subject() + "@example.org"};
    }

    void remind(long org, long job, int status) {
        af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("employmentId", job, "moduleId", "onderwijs"))
                .post("/api/organisations/" + org + "/reminders")
                .then()
                .statusCode(status);
    }

    void passDueSoon(String email, LocalDate validUntil) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                INSERT INTO completion (id, person_id, module_id, content_version, score, completed_at, valid_until)
                SELECT ?1, id, 'meldcode-in-5-stappen', 't', 90, now() - interval '300 days', ?2 FROM person WHERE email = ?3""")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, validUntil)
                        .setParameter(3, email)
                        .executeUpdate());
    }

    @Test
    void herinneringSturenClickedTwiceSendsOneEmail() throws Exception {
        long org = organisation("Eenmaalschool");
        Object[] bram = colleague(org, "Bram");
        remind(org, (long) bram[0], 202);
        remind(org, (long) bram[0], 200);
        planner.plan(today);
        MailDelivery.all(sender, "a");
        // after the mail went: a third click still sends nothing, and says it was sent
        af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("employmentId", bram[0], "moduleId", "onderwijs"))
                .post("/api/organisations/" + org + "/reminders")
                .then()
                .statusCode(200)
                .body("alreadyRequested", equalTo(true))
                .body("message", startsWith("Bram kreeg vandaag om "));
        planner.plan(today);
        MailDelivery.all(sender, "a");
        List<MimeMessage> mails = received((String) bram[1]);
        assertEquals(1, mails.size());
        assertEquals(
                "Herinnering: training De meldcode in het onderwijs",
                mails.get(0).getSubject());
    }

    @Test
    void aDeactivatedOrganisationGetsNoDigestAndItsStaffNoReminders() throws Exception {
        long quiet = organisation("Stille school");
        long loud = organisation("Actieve school");
        Object[] anna = colleague(quiet, "Anna");
        Object[] cor = colleague(loud, "Cor");
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        passDueSoon((String) anna[1], today.plusDays(20));
        passDueSoon((String) cor[1], today.plusDays(20));
        // asked before the deactivation, not yet taken by the mail job
        remind(quiet, (long) anna[0], 202);
        beheerder
                .given()
                .post("/api/organisations/" + quiet + "/deactivate")
                .then()
                .statusCode(200);
        // asking after it is refused, in words
        af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("employmentId", anna[0], "moduleId", "meldcode-in-5-stappen"))
                .post("/api/organisations/" + quiet + "/reminders")
                .then()
                .statusCode(409)
                .body(
                        "title",
                        equalTo(
                                "Deze organisatie is gedeactiveerd. Haar medewerkers krijgen geen herinneringen meer."));
        planner.plan(today);
        MailDelivery.all(sender, "a");
        assertEquals(
                List.of(),
                received((String) anna[1]).stream()
                        .map(SmtpTestServer::subject)
                        .filter(s -> s.startsWith("Herinnering"))
                        .toList(),
                "no requested reminder to staff of the deactivated organisation");
        Number open = (Number) em.createNativeQuery("SELECT count(*) FROM reminder_request WHERE employment_id = ?1")
                .setParameter(1, anna[0])
                .getSingleResult();
        assertEquals(0, open.intValue(), "the request is dropped, not left waiting");
        // the digest: only the active organisation's (the same aandachtsfunctionaris, one mail per organisation)
        List<String> digests = received(af.subject() + "@example.org").stream()
                .map(SmtpTestServer::subject)
                .filter(s -> s.startsWith("Weekoverzicht"))
                .toList();
        assertEquals(1, digests.size(), "one digest, for the active organisation (week of " + monday + ")");
        String body =
                received(af.subject() + "@example.org").get(0).getContent().toString();
        assertTrue(body.contains("Cor") && !body.contains("Anna"), body);
        // reactivating does not send the cancelled request after all
        beheerder
                .given()
                .post("/api/organisations/" + quiet + "/activate")
                .then()
                .statusCode(200);
        planner.plan(today);
        MailDelivery.all(sender, "a");
        assertEquals(
                0,
                received((String) anna[1]).stream()
                        .filter(m -> SmtpTestServer.subject(m).startsWith("Herinnering"))
                        .count());
    }

    @Test
    void mailsPlannedBeforeTheDeactivationAreNotSent() throws Exception {
        long org = organisation("Net gedeactiveerd");
        Object[] dirk = colleague(org, "Dirk");
        passDueSoon((String) dirk[1], today.plusDays(30));
        remind(org, (long) dirk[0], 202);
        planner.plan(today); // the digest and the reminder are in the outbox (12:50) ...
        Number planned = (Number) em.createNativeQuery(
                        "SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL AND (recipient = ?1 AND kind = 'af-digest' AND subject_key = ?2 "
                                + "OR recipient = ?3 AND kind = 'requested')")
                .setParameter(1, af.subject() + "@example.org")
                .setParameter(2, "organisation-" + org)
                .setParameter(3, dirk[1])
                .getSingleResult();
        assertEquals(2, planned.intValue());
        beheerder
                .given()
                .post("/api/organisations/" + org + "/deactivate")
                .then()
                .statusCode(200); // ... then deactivated
        MailDelivery.all(sender, "a"); // ... and the mail job runs (12:54): neither is sent
        assertEquals(0, received((String) dirk[1]).size());
        assertEquals(0, received(af.subject() + "@example.org").size());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT sent_at, last_error FROM mail_outbox WHERE recipient IN (?1, ?2)")
                .setParameter(1, af.subject() + "@example.org")
                .setParameter(2, dirk[1])
                .getResultList();
        assertEquals(2, rows.size());
        for (Object[] r : rows) {
            assertEquals(null, r[0]);
            assertEquals("organisatie gedeactiveerd: niet verstuurd", r[1]);
        }
        // and they stay unsent
        MailDelivery.all(sender, "b");
        assertEquals(
                0,
                received((String) dirk[1]).size()
                        + received(af.subject() + "@example.org").size());
    }
}
