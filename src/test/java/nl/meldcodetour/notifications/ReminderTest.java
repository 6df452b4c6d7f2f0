/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.meldcodetour.learning.Validity;
import nl.meldcodetour.testsupport.MailDelivery;
import nl.meldcodetour.testsupport.SmtpTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reminders against a real SMTP server (GreenMail): recipients, subjects, bodies, counts; twice planned, once sent. */
@QuarkusTest
class ReminderTest {

    @Inject
    EntityManager em;

    @Inject
    ReminderPlanner planner;

    @Inject
    MailSender sender;

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void emptyMailbox() throws Exception {
        // other tests may have left mails in the outbox: send them now so each test counts only its own
        MailDelivery.all(sender, "cleanup");
        SmtpTestServer.server().purgeEmailFromAllMailboxes();
    }

    String person(String name, boolean optOut) {
        String email = name.toLowerCase() + "." + tag + "@reminder.example.org";
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "INSERT INTO person (subject, display_name, email, mail_opt_out) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, "rem-" + name + "-" + tag)
                        .setParameter(2, name)
                        .setParameter(3, email)
                        .setParameter(4, optOut)
                        .executeUpdate());
        return email;
    }

    void pass(String email, String module, LocalDate validUntil) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                INSERT INTO completion (id, person_id, module_id, content_version, score, completed_at, valid_until)
                SELECT ?1, id, ?2, 't', 90, now() - interval '300 days', ?3 FROM person WHERE email = ?4""")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, module)
                        .setParameter(3, validUntil)
                        .setParameter(4, email)
                        .executeUpdate());
    }

    List<MimeMessage> received(String email) {
        return Arrays.stream(SmtpTestServer.server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(email);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    @Test
    void reminders60And14DaysBeforeAndOnExpiryArriveOnTheRightDaysAroundMonthEnds() throws Exception {
        // a pass on 31 January 2026 is valid until 31 January 2027 (12 months, clamped at month ends)
        LocalDate validUntil = Validity.validUntil(LocalDate.of(2026, 1, 31), 12);
        assertEquals(LocalDate.of(2027, 1, 31), validUntil);
        String anna = person("Anna", false);
        pass(anna, "meldcode-in-5-stappen", validUntil);

        planner.plan(LocalDate.of(2026, 11, 30)); // 62 days before: nothing yet
        MailDelivery.all(sender, "a");
        assertEquals(0, received(anna).size());
        planner.plan(LocalDate.of(2026, 12, 2)); // 31 Jan minus 60 days = 2 December
        MailDelivery.all(sender, "a");
        List<MimeMessage> mails = received(anna);
        assertEquals(1, mails.size());
        assertEquals(
                "Over 60 dagen verloopt je training De meldcode in 5 stappen",
                mails.get(0).getSubject());
        String body = mails.get(0).getContent().toString();
        assertTrue(body.contains("Beste Anna,") && body.contains("31 januari 2027"), body);
        assertTrue(mails.get(0).getFrom()[0].toString().contains("noreply@meldcodetour.example"));

        planner.plan(LocalDate.of(2027, 1, 17)); // 14 days before
        planner.plan(LocalDate.of(2027, 2, 1)); // the day after the last valid day
        MailDelivery.all(sender, "a");
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : received(anna)) {
            subjects.add(m.getSubject());
        }
        // each exactly once; the order may differ when the test SMTP server drops a conversation and the mail is
        // retried
        subjects.sort(null);
        assertEquals(
                List.of(
                        "Je training De meldcode in 5 stappen is verlopen",
                        "Over 14 dagen verloopt je training De meldcode in 5 stappen",
                        "Over 60 dagen verloopt je training De meldcode in 5 stappen"),
                subjects);
        planner.plan(LocalDate.of(2027, 2, 1)); // again: nothing new
        MailDelivery.all(sender, "a");
        assertEquals(3, received(anna).size());
    }

    @Test
    void optingOutStopsOptionalRemindersButNotTheExpiryNotice() throws Exception {
        String bram = person("Bram", true);
        pass(bram, "onderwijs", LocalDate.of(2027, 3, 31));
        planner.plan(LocalDate.of(2027, 1, 30)); // 60 days before 31 March
        planner.plan(LocalDate.of(2027, 4, 1));
        MailDelivery.all(sender, "a");
        List<MimeMessage> mails = received(bram);
        assertEquals(1, mails.size());
        assertEquals(
                "Je training De meldcode in het onderwijs is verlopen",
                mails.get(0).getSubject());
    }

    @Test
    void twoInstancesPlanningAndSendingAtOnceSendEveryMailExactlyOnce() throws Exception {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String email = person("P" + i, false);
            pass(email, "meldcode-in-5-stappen", LocalDate.of(2027, 5, 31));
            people.add(email);
        }
        LocalDate day = LocalDate.of(2027, 4, 1); // 60 days before 31 May
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> jobs = new ArrayList<>();
        for (String node : List.of("node-a", "node-b")) {
            jobs.add(() -> {
                start.await();
                planner.plan(day);
                return sender.sendDue(node);
            });
        }
        List<Future<Integer>> results = new ArrayList<>();
        for (var job : jobs) {
            results.add(pool.submit(job));
        }
        start.countDown();
        int sent = 0;
        for (var r : results) {
            sent += r.get();
        }
        pool.shutdown();
        sent += MailDelivery.all(
                sender, "node-a"); // a mail whose send failed (SMTP hiccup) is retried on the next run, never doubled
        for (String email : people) {
            assertEquals(1, received(email).size(), "exactly one mail for " + email);
        }
        assertTrue(sent >= 30, "the two nodes together sent at least these 30: " + sent);
        long byA = ((Number) em.createNativeQuery(
                                "SELECT count(*) FROM mail_outbox WHERE sent_by = 'node-a' AND recipient LIKE ?1")
                        .setParameter(1, "%." + tag + "@reminder.example.org")
                        .getSingleResult())
                .longValue();
        long byB = ((Number) em.createNativeQuery(
                                "SELECT count(*) FROM mail_outbox WHERE sent_by = 'node-b' AND recipient LIKE ?1")
                        .setParameter(1, "%." + tag + "@reminder.example.org")
                        .getSingleResult())
                .longValue();
        assertEquals(30, byA + byB);
    }

    @Test
    void aMailPlannedBeforeACrashIsSentAfterTheRestartOnce() throws Exception {
        String cor = person("Cor", false);
        pass(cor, "meldcode-in-5-stappen", LocalDate.of(2027, 8, 31));
        planner.plan(LocalDate.of(2027, 7, 2)); // planned ...
        // ... then the instance dies while holding the row (its transaction is rolled back, nothing was sent)
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("SELECT id FROM mail_outbox WHERE recipient = ?1 FOR UPDATE")
                        .setParameter(1, cor)
                        .getResultList();
                throw new IllegalStateException("crash");
            });
        } catch (IllegalStateException expected) {
            // the crash
        }
        planner.plan(LocalDate.of(2027, 7, 3)); // after the restart the planner runs again: nothing doubles
        MailDelivery.all(sender, "restarted");
        assertEquals(1, received(cor).size());
        MailDelivery.all(sender, "restarted");
        assertEquals(1, received(cor).size());
    }

    @Test
    void anAandachtsfunctionarisRequestAndTheWeeklyDigestArrive() throws Exception {
        String dirk = person("Dirk", false);
        String af = "af." + tag + "@reminder.example.org";
        QuarkusTransaction.requiringNew().run(() -> {
            long org = ((Number) em.createNativeQuery(
                                    "INSERT INTO organisation (name, sector, gemeente) VALUES (?1, 'onderwijs', 'Urk') RETURNING id")
                            .setParameter(1, "School " + tag)
                            .getSingleResult())
                    .longValue();
            em.createNativeQuery(
                            "INSERT INTO aandachtsfunctionaris (organisation_id, name, email, start_date) VALUES (?1, 'Els', ?2, DATE '2026-01-01')")
                    .setParameter(1, org)
                    .setParameter(2, af)
                    .executeUpdate();
            long job = ((Number) em.createNativeQuery("""
                    INSERT INTO employment (organisation_id, name, email, function_id, start_date, person_id)
                    VALUES (?1, 'Dirk', ?2, 'leerkracht', DATE '2026-01-01', (SELECT id FROM person WHERE email = ?2)) RETURNING id""")
                            .setParameter(1, org)
                            .setParameter(2, dirk)
                            .getSingleResult())
                    .longValue();
            em.createNativeQuery(
                            "INSERT INTO reminder_request (employment_id, module_id, requested_by) VALUES (?1, 'onderwijs', 'els')")
                    .setParameter(1, job)
                    .executeUpdate();
        });
        pass(dirk, "meldcode-in-5-stappen", LocalDate.of(2027, 10, 20));
        planner.plan(LocalDate.of(2027, 10, 4)); // a Monday; Dirk's pass ends within 60 days
        MailDelivery.all(sender, "a");
        List<MimeMessage> toDirk = received(dirk);
        assertTrue(
                toDirk.stream().anyMatch(m -> subject(m).equals("Herinnering: training De meldcode in het onderwijs")),
                "the requested reminder");
        List<MimeMessage> toAf = received(af);
        assertEquals(1, toAf.size());
        assertEquals(
                "Weekoverzicht meldcode: collega's die een training moeten doen",
                toAf.get(0).getSubject());
        String body = toAf.get(0).getContent().toString();
        assertTrue(body.contains("Dirk – De meldcode in 5 stappen: geldig tot en met 20 oktober 2027"), body);
        planner.plan(LocalDate.of(2027, 10, 5)); // Tuesday of the same week: no second digest, no second request mail
        MailDelivery.all(sender, "a");
        assertEquals(1, received(af).size());
        assertEquals(toDirk.size(), received(dirk).size());
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
