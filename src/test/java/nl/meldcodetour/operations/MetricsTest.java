/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.notifications.MailSender;
import nl.meldcodetour.notifications.ReminderPlanner;
import nl.meldcodetour.testsupport.MailDelivery;
import nl.meldcodetour.testsupport.Quizzes;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Prometheus metrics at /q/metrics: request timings and business counters that count each event once. */
@QuarkusTest
class MetricsTest {

    static final String MODULE = "meldcode-in-5-stappen";

    @Inject
    ContentService content;

    @Inject
    EntityManager em;

    @Inject
    ReminderPlanner planner;

    @Inject
    MailSender sender;

    @Test
    void businessCountersCountCommittedEventsOnce() {
        Module module = content.catalog().module(MODULE).orElseThrow();
        double completions = value("meldcodetour_completions_total", "module=\"" + MODULE + "\"");
        double passed = value("meldcodetour_quiz_attempts_total", "module=\"" + MODULE + "\",result=\"passed\"");
        double failed = value("meldcodetour_quiz_attempts_total", "module=\"" + MODULE + "\",result=\"failed\"");

        Tokens.TestUser user = Tokens.newUser("onderwijs", "medewerker");
        // a failed attempt: every question answered wrong
        JsonPath attempt = user.given()
                .post("/api/modules/" + MODULE + "/attempts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        Map<String, List<String>> wrong = Quizzes.answers(attempt, module, false);
        String submission = "/api/attempts/" + attempt.getString("id") + "/submission";
        user.given()
                .contentType(ContentType.JSON)
                .body(Map.of("answers", wrong))
                .post(submission)
                .then()
                .statusCode(200);
        // a replay of the same submission is not a second attempt
        user.given()
                .contentType(ContentType.JSON)
                .body(Map.of("answers", wrong))
                .post(submission)
                .then()
                .statusCode(200);
        Quizzes.pass(user, module);

        assertEquals(completions + 1, value("meldcodetour_completions_total", "module=\"" + MODULE + "\""));
        assertEquals(
                passed + 1, value("meldcodetour_quiz_attempts_total", "module=\"" + MODULE + "\",result=\"passed\""));
        assertEquals(
                failed + 1, value("meldcodetour_quiz_attempts_total", "module=\"" + MODULE + "\",result=\"failed\""));
    }

    @Test
    void mailsSentAreCounted() {
        MailDelivery.all(sender, "metrics-before");
        double before = sum("meldcodetour_mails_sent_total");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "metrics." + tag + "@reminder.example.org";
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO person (subject, display_name, email) VALUES (?1, 'Mila', ?2)")
                    .setParameter(1, "metrics-" + tag)
                    .setParameter(2, email)
                    .executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO completion (id, person_id, module_id, content_version, score, completed_at, valid_until)
                    SELECT ?1, id, ?2, 't', 90, now() - interval '300 days', ?3 FROM person WHERE email = ?4""")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, MODULE)
                    .setParameter(3, LocalDate.of(2031, 1, 31))
                    .setParameter(4, email)
                    .executeUpdate();
        });
        planner.plan(LocalDate.of(2030, 12, 2)); // 60 days before the pass expires
        int sent = MailDelivery.all(sender, "metrics");
        assertTrue(sent >= 1, "the reminder was sent");
        assertEquals(before + sent, sum("meldcodetour_mails_sent_total"));
    }

    @Test
    void requestTimingsPerRouteWithHistogram() {
        Tokens.TestUser user = Tokens.newUser("onderwijs", "medewerker");
        user.given().get("/api/modules").then().statusCode(200);
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("http_server_requests_seconds_bucket{"), "histogram buckets for request timings");
        assertTrue(
                metrics.lines()
                        .anyMatch(l -> l.startsWith("http_server_requests_seconds_count{")
                                && l.contains("uri=\"/api/modules\"")
                                && l.contains("status=\"200\"")),
                "timings per route");
    }

    static double value(String name, String labels) {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + name + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    static double sum(String name) {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + name + "\\{[^}]*\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
