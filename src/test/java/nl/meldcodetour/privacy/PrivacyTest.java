/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.sessions.SessionService;
import nl.meldcodetour.testsupport.Csrf;
import nl.meldcodetour.testsupport.Quizzes;
import nl.meldcodetour.testsupport.Tokens;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** AVG: inzage (export), erasure with unchanged municipal figures, retention, and the audit of views. */
@QuarkusTest
class PrivacyTest {

    static final String MODULE = "meldcode-in-5-stappen";

    @Inject
    ContentService content;

    @Inject
    EntityManager em;

    @Inject
    RetentionJob retention;

    @Inject
    SessionService sessions;

    final Tokens.TestUser beheerder = Tokens.newUser(null, "beheerder");
    final Tokens.TestUser gemeente = Tokens.newUser(null, "regio");
    final Tokens.TestUser af = Tokens.newUser(null, "aandachtsfunctionaris");

    /** An organisation in Zeewolde with an AF and the given people on its staff, each passed the module. */
    long organisationWith(Tokens.TestUser... people) {
        long org = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Privacyschool " + UUID.randomUUID().toString().substring(0, 6),
                        "sector",
                        "onderwijs",
                        "gemeente",
                        "Zeewolde"))
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
        for (Tokens.TestUser p : people) {
            af.given()
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "name",
                            "Collega " + p.subject().substring(5, 13),
                            "email",
                            p.subject() + "@example.org",
                            "functionId",
                            "leerkracht"))
                    .post("/api/organisations/" + org + "/staff")
                    .then()
                    .statusCode(201);
            Quizzes.pass(p, content.catalog().module(MODULE).orElseThrow());
        }
        return org;
    }

    long personId(Tokens.TestUser user) {
        user.given().get("/api/me").then().statusCode(200);
        return ((Number) QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("SELECT id FROM person WHERE subject = ?1")
                                .setParameter(1, user.subject())
                                .getSingleResult()))
                .longValue();
    }

    @Test
    void aProfessionalDownloadsEverythingHeldAboutThem() {
        Tokens.TestUser me = Tokens.newUser("onderwijs", "medewerker");
        organisationWith(me);
        LocalDateTime start = LocalDateTime.now().plusDays(20).withNano(0);
        long session = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(new HashMap<>(Map.of(
                        "title",
                        "Privacytour",
                        "sectors",
                        List.of("onderwijs"),
                        "modules",
                        List.of(MODULE),
                        "startsAt",
                        start.toString(),
                        "endsAt",
                        start.plusHours(2).toString(),
                        "place",
                        "Zeewolde",
                        "capacity",
                        10,
                        "trainer",
                        "T")))
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        me.given().put("/api/sessions/" + session + "/registration").then().statusCode(200);

        JsonPath data =
                me.given().get("/api/me/data").then().statusCode(200).extract().jsonPath();
        assertEquals(me.subject() + "@example.org", data.getString("persoon.email"));
        assertEquals(me.subject(), data.getString("persoon.subject"));
        assertEquals(1, data.getList("dienstverbanden").size());
        assertEquals("leerkracht", data.getString("dienstverbanden[0].function_id"));
        assertEquals(1, data.getList("afgerond").size());
        assertEquals(1, data.getList("certificaten").size());
        assertEquals(1, data.getList("toetspogingen").size());
        // a submitted attempt: per question the options as shown, my choice and the right letters, as JSON (not a
        // string)
        List<Map<String, Object>> questions = data.getList("toetspogingen[0].vragen");
        assertEquals(content.catalog().module(MODULE).orElseThrow().drawSize(), questions.size());
        for (Map<String, Object> q : questions) {
            assertEquals(q.get("goed"), q.get("gekozen"), "I answered every question right: " + q);
            assertEquals(Boolean.TRUE, q.get("juist_beantwoord"));
            assertTrue(((List<?>) q.get("opties")).size() >= 2, q.toString());
        }
        // an open attempt: which questions were drawn and what I chose, never the key
        String open = me.given()
                .post("/api/modules/" + MODULE + "/attempts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        JsonPath again =
                me.given().get("/api/me/data").then().statusCode(200).extract().jsonPath();
        assertEquals(open, again.getString("toetspogingen[1].id"));
        assertTrue(again.get("toetspogingen[1].ingeleverd") == null, "not submitted");
        List<Map<String, Object>> drawn = again.getList("toetspogingen[1].vragen");
        assertEquals(questions.size(), drawn.size());
        for (Map<String, Object> q : drawn) {
            assertTrue(
                    !q.containsKey("goed") && !q.containsKey("juist_beantwoord"), "no key for an open attempt: " + q);
            assertEquals(List.of(), q.get("gekozen"));
        }
        assertEquals("registered", data.getString("bijeenkomsten[0].status"));
        assertEquals("Privacytour", data.getString("bijeenkomsten[0].title"));
        // nobody else's data: the AF's e-mail address is not in my export
        assertTrue(!data.prettify().contains(af.subject()), "only my own data");
    }

    /**
     * "My actions": the export's logboek lists what I did myself, under my subject. It was empty: only the work of
     * beheerders, aandachtsfunctionarissen and trainers and the views of other people's records were logged, nothing a
     * learner does.
     */
    @Test
    @TestSecurity(user = "privacy-own-actions", roles = "medewerker")
    @OidcSecurity(
            claims = {
                @Claim(key = "email", value = "privacy-own-actions@example.org"),
                @Claim(key = "email_verified", value = "true"),
                @Claim(key = "sector", value = "onderwijs")
            })
    void theExportListsWhatIDidMyself() {
        Module module = content.catalog().module(MODULE).orElseThrow();
        int before = RestAssured.given()
                .get("/api/me/data")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("logboek")
                .size();
        // a quiz handed in
        JsonPath attempt = RestAssured.given()
                .post("/api/modules/" + MODULE + "/attempts")
                .then()
                .statusCode(Matchers.oneOf(200, 201))
                .extract()
                .jsonPath();
        RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Map.of("answers", Quizzes.answers(attempt, module, true)))
                .post("/api/attempts/" + attempt.getString("id") + "/submission")
                .then()
                .statusCode(200);
        // registered for a session, then cancelled
        LocalDateTime start = LocalDateTime.now().plusDays(30).withNano(0);
        long session = sessions.plan(
                new SessionService.SessionInput(
                        "Eigen acties",
                        List.of("onderwijs"),
                        List.of(MODULE),
                        start.toString(),
                        start.plusHours(2).toString(),
                        "Zeewolde",
                        null,
                        10,
                        "T",
                        null),
                "test",
                null);
        RestAssured.given()
                .put("/api/sessions/" + session + "/registration")
                .then()
                .statusCode(200);
        RestAssured.given()
                .delete("/api/sessions/" + session + "/registration")
                .then()
                .statusCode(204);
        // an e-mail choice
        RestAssured.given()
                .filter(Csrf.FORM)
                .formParam("herinneringen", "uit")
                .redirects()
                .follow(false)
                .post("/mijn-gegevens/e-mail")
                .then()
                .statusCode(303);

        JsonPath data = RestAssured.given()
                .get("/api/me/data")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> log = data.getList("logboek");
        List<Map<String, Object>> mine = log.subList(before, log.size());
        assertEquals(
                List.of("SUBMIT", "REGISTER", "UNREGISTER", "MAIL_PREFERENCE"),
                mine.stream()
                        .map(r -> r.get("action"))
                        .filter(a -> !"BIND".equals(a) && !"EMAIL_CHANGED".equals(a))
                        .toList(),
                log.toString());
        Map<String, Object> submitted = mine.stream()
                .filter(r -> "SUBMIT".equals(r.get("action")))
                .findFirst()
                .orElseThrow();
        assertEquals(attempt.getString("id"), submitted.get("object_id"));
        assertEquals(MODULE, submitted.get("details"));
        assertEquals("Toets ingeleverd", submitted.get("soort"));
        assertEquals(Boolean.TRUE, submitted.get("zelf_gedaan"));
        assertEquals(
                String.valueOf(session),
                mine.stream()
                        .filter(r -> "REGISTER".equals(r.get("action")))
                        .findFirst()
                        .orElseThrow()
                        .get("object_id"));
        assertEquals("herinneringen uit", mine.get(mine.size() - 1).get("details"));
        // the explanation points to a page the person can open, not to a file in the source code
        String explanation = data.getString("toelichting");
        assertTrue(explanation.contains("/privacy") && !explanation.contains("docs/"), explanation);
    }

    @Test
    @TestSecurity(user = "privacy-page-user", roles = "medewerker")
    void theDownloadIsAFileFromMyDataPage() {
        RestAssured.given()
                .get("/mijn-gegevens")
                .then()
                .statusCode(200)
                .body(containsString("Download mijn gegevens"))
                .body(containsString("5 jaar"));
        RestAssured.given()
                .get("/mijn-gegevens/download")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Content-Disposition", containsString("attachment"))
                .body("persoon.subject", equalTo("privacy-page-user"));
    }

    @Test
    void erasureRemovesEveryPersonalFieldAndLeavesTheFiguresAlone() {
        Tokens.TestUser anna = Tokens.newUser("onderwijs", "medewerker");
        Tokens.TestUser others[] = {
            Tokens.newUser("onderwijs", "medewerker"),
            Tokens.newUser("onderwijs", "medewerker"),
            Tokens.newUser("onderwijs", "medewerker"),
            Tokens.newUser("onderwijs", "medewerker"),
            Tokens.newUser("onderwijs", "medewerker")
        };
        long org = organisationWith(anna);
        organisationWith(others);
        af.given().get("/api/organisations/" + org + "/team").then().statusCode(200);
        long anneId = personId(anna);
        String email = anna.subject() + "@example.org";
        // the figures once every organisation is computed (earlier tests may leave thousands to compute in the
        // background)
        String coverageBefore = Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(
                        () -> gemeente.given()
                                .queryParam("gemeente", "Zeewolde")
                                .get("/api/coverage/coverage")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString(),
                        body -> body.contains("\"pendingOrganisations\":0,"));
        long currentBefore = currentStaffWithPass(org);
        assertEquals(1, currentBefore);

        // she was bound to a gemeente (a binding is personal: it names her account)
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("gemeenten", List.of("Zeewolde")))
                .put("/api/people/" + anneId + "/gemeenten")
                .then()
                .statusCode(200);

        // the beheerder finds her by e-mail address and erases her
        beheerder
                .given()
                .queryParam("email", email.toUpperCase())
                .get("/api/people")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo((int) anneId));
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "verzoek van betrokkene"))
                .post("/api/people/" + anneId + "/erasure")
                .then()
                .statusCode(200)
                .body("erased", equalTo(true));

        // nothing personal is left anywhere
        for (String table : List.of(
                "person",
                "employment",
                "aandachtsfunctionaris",
                "mail_outbox",
                "certificate",
                "audit_log",
                "csv_import",
                "tour_session",
                "reminder_request",
                "session_registration",
                "gemeente_scope")) {
            long hits = ((Number) QuarkusTransaction.requiringNew()
                            .call(() -> em.createNativeQuery("SELECT count(*) FROM " + table
                                            + " t WHERE strpos(lower(t::text), lower(?1)) > 0")
                                    .setParameter(1, anna.subject())
                                    .getSingleResult()))
                    .longValue();
            assertEquals(0, hits, table + " still holds her subject or e-mail address");
        }
        beheerder.given().queryParam("email", email).get("/api/people").then().body("", hasSize(0));
        // the figures are the same: her pass still counts, anonymously
        assertEquals(currentBefore, currentStaffWithPass(org));
        assertEquals(
                coverageBefore,
                gemeente.given()
                        .queryParam("gemeente", "Zeewolde")
                        .get("/api/coverage/coverage")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        // erasing twice, or someone unknown: 404; the erasure itself is logged without her name
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/people/" + anneId + "/erasure")
                .then()
                .statusCode(404);
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/people/999999999/erasure")
                .then()
                .statusCode(404);
        beheerder
                .given()
                .queryParam("objectType", "person")
                .queryParam("objectId", anneId)
                .get("/api/registry/audit-log")
                .then()
                .statusCode(200)
                .body("find { it.action == 'ERASE' }.details", containsString("verzoek van betrokkene"));
        // when she logs in again she starts with a clean record
        JsonPath fresh = anna.given()
                .get("/api/me/data")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertNotEquals(anneId, fresh.getLong("persoon.id"));
        assertEquals(anna.subject(), fresh.getString("persoon.subject"));
        assertEquals(0, fresh.getList("afgerond").size());
    }

    @Test
    @TestSecurity(user = "privacy-beheerder", roles = "beheerder")
    void theBeheerderErasesAfterConfirmation() {
        Tokens.TestUser bram = Tokens.newUser("onderwijs", "medewerker");
        long id = personId(bram);
        String email = bram.subject() + "@example.org";
        RestAssured.given()
                .queryParam("email", email)
                .get("/beheer/personen")
                .then()
                .statusCode(200)
                .body(containsString("/beheer/personen/" + id + "/verwijderen"));
        RestAssured.given()
                .queryParam("email", "niemand@example.org")
                .get("/beheer/personen")
                .then()
                .statusCode(200)
                .body(containsString("Niemand gevonden"));
        RestAssured.given()
                .get("/beheer/personen/" + id + "/verwijderen")
                .then()
                .statusCode(200)
                .body(containsString("Ja, gegevens verwijderen"))
                .body(containsString(email));
        RestAssured.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .formParam("reden", "<script>x</script>")
                .post("/beheer/personen/" + id + "/verwijderen")
                .then()
                .statusCode(303)
                .header("Location", containsString("melding=verwijderd"));
        RestAssured.given()
                .get("/beheer/personen/" + id + "/verwijderen")
                .then()
                .statusCode(404);
        RestAssured.given().get("/register/logboek").then().statusCode(200).body(not(containsString("<script>x")));
    }

    @Test
    void viewsOfOtherPeoplesRecordsAreLogged() {
        Tokens.TestUser cor = Tokens.newUser("onderwijs", "medewerker");
        long org = organisationWith(cor);
        af.given().get("/api/organisations/" + org + "/team").then().statusCode(200);
        af.given().get("/api/organisations/" + org + "/staff").then().statusCode(200);
        af.given().get("/api/organisations/" + org + "/team.csv").then().statusCode(200);
        List<String> actions = beheerder
                .given()
                .queryParam("objectId", org)
                .queryParam("size", 200)
                .get("/api/registry/audit-log")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.action == 'VIEW' }.objectType");
        assertTrue(actions.contains("team") && actions.contains("staff"), actions.toString());
        assertTrue(actions.stream().filter("team"::equals).count() >= 2, "the view and the export: " + actions);
    }

    @Test
    void retentionPurgesOldTrainingRecordsOnly() {
        Tokens.TestUser old = Tokens.newUser("onderwijs", "medewerker");
        Tokens.TestUser recent = Tokens.newUser("onderwijs", "medewerker");
        organisationWith(recent);
        long oldId = personId(old);
        QuarkusTransaction.requiringNew().run(() -> {
            UUID attempt = UUID.randomUUID();
            em.createNativeQuery("""
                    INSERT INTO quiz_attempt (id, person_id, module_id, content_version, pass_mark, question_count, started_at, submitted_at,
                                              right_count, percentage, passed)
                    VALUES (?1, ?2, 'meldcode-in-5-stappen', 'oud', 80, 10, now() - interval '6 years', now() - interval '6 years', 9, 90, true)""")
                    .setParameter(1, attempt)
                    .setParameter(2, oldId)
                    .executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO completion (id, person_id, module_id, attempt_id, content_version, score, completed_at, valid_until)
                    VALUES (?1, ?2, 'meldcode-in-5-stappen', ?3, 'oud', 90, now() - interval '6 years', CAST(now() - interval '5 years' AS date))""")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, oldId)
                    .setParameter(3, attempt)
                    .executeUpdate();
            em.createNativeQuery("UPDATE person SET last_seen_at = now() - interval '6 years' WHERE id = ?1")
                    .setParameter(1, oldId)
                    .executeUpdate();
        });
        Map<String, Integer> purged = retention.purge(LocalDate.now(ClockProducer.ZONE));
        assertTrue(
                purged.get("afgerond") >= 1 && purged.get("toetspogingen") >= 1 && purged.get("personen") >= 1,
                purged.toString());
        long oldLeft = ((Number) QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("SELECT count(*) FROM completion WHERE person_id = ?1")
                                .setParameter(1, oldId)
                                .getSingleResult()))
                .longValue();
        assertEquals(0, oldLeft);
        recent.given().get("/api/completions").then().statusCode(200).body("", hasSize(1));
        recent.given().get("/api/certificates").then().statusCode(200).body("", hasSize(1));
        // the person not seen for six years is erased
        beheerder
                .given()
                .queryParam("email", old.subject() + "@example.org")
                .get("/api/people")
                .then()
                .body("", hasSize(0));
    }

    /** Staff of the organisation with a valid pass, counted the way the coverage figures count (by e-mail address). */
    long currentStaffWithPass(long org) {
        return ((Number) QuarkusTransaction.requiringNew()
                        .call(() ->
                                em.createNativeQuery("""
                SELECT count(DISTINCT e.id) FROM employment e JOIN person p ON lower(p.email) = lower(e.email)
                JOIN completion c ON c.person_id = p.id AND c.valid_until >= current_date
                WHERE e.organisation_id = ?1 AND e.end_date IS NULL""").setParameter(1, org).getSingleResult()))
                .longValue();
    }
}
