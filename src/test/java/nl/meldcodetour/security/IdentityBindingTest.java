/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.security;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.coverage.CoverageRefresher;
import nl.meldcodetour.testsupport.Quizzes;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Identity is the token's subject, never the e-mail address (issue #28, point 1). Each test replays an attack of the
 * production probe: someone puts another person's address in their own identity (in Keycloak's account console, before
 * the realm made the address admin-only) and must get nothing of that person's. An address entered by a beheerder or
 * an aandachtsfunctionaris is an invitation that only a login with that address <em>verified</em> can claim, once.
 */
@QuarkusTest
class IdentityBindingTest {

    static final String CORE = "meldcode-in-5-stappen";

    @Inject
    EntityManager em;

    @Inject
    ContentService content;

    @Inject
    CoverageRefresher coverage;

    final Tokens.TestUser beheerder = Tokens.newUser(null, "beheerder");
    final String tag = UUID.randomUUID().toString().substring(0, 8);

    long organisation(String name) {
        return beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", name + " " + tag, "sector", "onderwijs", "gemeente", "Bindingen " + tag))
                .post("/api/organisations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    void af(long organisation, String email) {
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "AF " + tag, "email", email))
                .post("/api/organisations/" + organisation + "/aandachtsfunctionarissen")
                .then()
                .statusCode(201);
    }

    long staff(Tokens.TestUser by, long organisation, String name, String email) {
        return by.given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", email, "functionId", "leerkracht"))
                .post("/api/organisations/" + organisation + "/staff")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void anAandachtsfunctionarissAddressInSomeoneElsesTokenOpensNoTeam() {
        long org = organisation("School");
        Tokens.TestUser real = Tokens.newUser(null, "aandachtsfunctionaris");
        String address = real.subject() + "@example.org";
        af(org, address);
        real.given().get("/api/organisations/mine").then().statusCode(200).body("id", hasItem((int) org));
        long colleague = staff(real, org, "Wim Collega", "wim-" + tag + "@example.org");

        // the probe: another AF changed their own address to this one; unverified, and even marked verified
        for (boolean verified : new boolean[] {false, true}) {
            Tokens.TestUser impostor = Tokens.newUserWithEmail(address, verified, null, "aandachtsfunctionaris");
            impostor.given()
                    .get("/api/organisations/mine")
                    .then()
                    .statusCode(200)
                    .body("$", empty());
            impostor.given().get("/api/organisations/" + org + "/team").then().statusCode(404);
            impostor.given().get("/api/organisations/" + org + "/staff").then().statusCode(404);
            impostor.given()
                    .get("/api/organisations/" + org + "/team.csv")
                    .then()
                    .statusCode(404);
            impostor.given()
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "Nep", "email", "nep-" + tag + "@example.org", "functionId", "leerkracht"))
                    .post("/api/organisations/" + org + "/staff")
                    .then()
                    .statusCode(404);
            impostor.given()
                    .contentType(ContentType.JSON)
                    .body(Map.of("employmentId", colleague, "moduleId", CORE))
                    .post("/api/organisations/" + org + "/reminders")
                    .then()
                    .statusCode(404);
        }
        // the real one still has it
        real.given().get("/api/organisations/" + org + "/team").then().statusCode(200);
    }

    @Test
    void aColleaguesAddressDoesNotMakeTheirJobLookTrained() {
        long org = organisation("Basisschool");
        Tokens.TestUser af = Tokens.newUser(null, "aandachtsfunctionaris");
        af(org, af.subject() + "@example.org");
        Tokens.TestUser colleague = Tokens.newUser("onderwijs", "medewerker");
        String address = colleague.subject() + "@example.org";
        long job = staff(af, org, "Carla Collega", address);
        colleague.given().get("/api/me").then().statusCode(200); // claims the invitation: verified address

        // a medewerker who took Carla's address passes the core module
        Tokens.TestUser impostor = Tokens.newUserWithEmail(address, false, "onderwijs", "medewerker");
        Quizzes.pass(impostor, content.catalog().module(CORE).orElseThrow());
        Tokens.TestUser verifiedImpostor = Tokens.newUserWithEmail(address, true, "onderwijs", "medewerker");
        Quizzes.pass(verifiedImpostor, content.catalog().module(CORE).orElseThrow());

        // the team view: Carla has not passed anything
        List<Map<String, Object>> rows = af.given()
                .get("/api/organisations/" + org + "/team")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rows");
        Map<String, Object> carla = rows.stream()
                .filter(r -> ((Number) r.get("employmentId")).longValue() == job)
                .findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cells = (List<Map<String, Object>>) carla.get("modules");
        assertTrue(cells.stream().noneMatch(c -> "BEHAALD".equals(c.get("status"))), "Carla's row: " + carla);
        af.given().get("/api/organisations/" + org + "/team").then().body("counts.behaald", equalTo(0));

        // the dashboard's figures: the organisation's professional is not current
        coverage.refreshDirty();
        Object[] figures =
                (Object[]) em.createNativeQuery("""
                SELECT professionals, current_count, never_count FROM coverage_org
                WHERE organisation_id = ?1 AND module_id = '*' ORDER BY ref_date DESC LIMIT 1""").setParameter(1, org).getSingleResult();
        assertEquals(
                List.of(1L, 0L, 1L),
                List.of(
                        ((Number) figures[0]).longValue(),
                        ((Number) figures[1]).longValue(),
                        ((Number) figures[2]).longValue()),
                "professionals, current, never");

        // the impostors' own data: no job of Carla's in it
        for (Tokens.TestUser who : List.of(impostor, verifiedImpostor)) {
            who.given()
                    .get("/api/me/data")
                    .then()
                    .statusCode(200)
                    .body("dienstverbanden", empty())
                    .body("herinneringsverzoeken", empty());
        }
        // Carla's own data has her job
        colleague.given().get("/api/me/data").then().statusCode(200).body("dienstverbanden.id", hasItem((int) job));
    }

    @Test
    void aTrainersAddressDoesNotHandOverTheirSessions() {
        Tokens.TestUser trainer = Tokens.newUser(null, "trainer");
        String address = trainer.subject() + "@example.org";
        trainer.given().get("/api/me/data").then().statusCode(200);
        LocalDateTime start = LocalDateTime.now(ClockProducer.ZONE).plusDays(20).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> body = new HashMap<>(Map.of(
                "title",
                "Bindingen " + tag,
                "sectors",
                List.of("onderwijs"),
                "modules",
                List.of(CORE),
                "startsAt",
                start.toString(),
                "endsAt",
                start.plusHours(2).toString(),
                "place",
                "Urk",
                "capacity",
                10,
                "trainer",
                "Tanja Trainer",
                "trainerEmail",
                address));
        long session = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        trainer.given().get("/api/sessions/" + session + "/attendance").then().statusCode(200);

        for (boolean verified : new boolean[] {false, true}) {
            Tokens.TestUser impostor = Tokens.newUserWithEmail(address, verified, null, "trainer");
            impostor.given()
                    .get("/api/sessions/" + session + "/attendance")
                    .then()
                    .statusCode(403);
            impostor.given()
                    .contentType(ContentType.JSON)
                    .body(Map.of("marks", Map.of()))
                    .put("/api/sessions/" + session + "/attendance")
                    .then()
                    .statusCode(403);
            impostor.given()
                    .contentType(ContentType.JSON)
                    .body(body)
                    .put("/api/sessions/" + session)
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void anInvitationBindsToTheFirstVerifiedLoginOnly() {
        long org = organisation("Kindcentrum");
        String address = "nieuwe-af-" + tag + "@example.org";
        af(org, address); // nobody with this address has logged in yet

        Tokens.TestUser unverified = Tokens.newUserWithEmail(address, false, null, "aandachtsfunctionaris");
        unverified.given().get("/api/organisations/mine").then().statusCode(200).body("$", empty());

        Tokens.TestUser owner = Tokens.newUserWithEmail(address, true, null, "aandachtsfunctionaris");
        owner.given().get("/api/organisations/mine").then().statusCode(200).body("id", hasItem((int) org));

        // once claimed it stays claimed: a later verified login with the same address gets nothing
        Tokens.TestUser later = Tokens.newUserWithEmail(address, true, null, "aandachtsfunctionaris");
        later.given().get("/api/organisations/mine").then().statusCode(200).body("$", empty());
        // and the unverified one that came first still has nothing
        unverified.given().get("/api/organisations/mine").then().statusCode(200).body("$", empty());
    }

    @Test
    void aChangedAddressIsLoggedAndBindsNothingAlreadyBound() {
        long org = organisation("Opvang");
        String subject = "moved-" + UUID.randomUUID();
        String first = subject + "@example.org";
        af(org, first);
        String token = Tokens.token(subject, null, Set.of("aandachtsfunctionaris"), first, true);
        RestAssured.given()
                .auth()
                .oauth2(token)
                .get("/api/organisations/mine")
                .then()
                .body("id", hasItem((int) org));

        // someone else's unclaimed invitation under the new address
        long other = organisation("Andere opvang");
        String second = "ander-" + tag + "@example.org";
        Tokens.TestUser owner = Tokens.newUserWithEmail(second, true, null, "aandachtsfunctionaris");
        af(other, second);
        owner.given().get("/api/organisations/mine").then().body("id", hasItem((int) other));

        // the person's identity provider now says the address is `second`, unverified
        String moved = Tokens.token(subject, null, Set.of("aandachtsfunctionaris"), second, false);
        RestAssured.given()
                .auth()
                .oauth2(moved)
                .get("/api/organisations/mine")
                .then()
                .statusCode(200)
                .body("id", hasItem((int) org))
                .body("id", not(hasItem((int) other)));
        long person = ((Number) QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("SELECT id FROM person WHERE subject = ?1")
                                .setParameter(1, subject)
                                .getSingleResult()))
                .longValue();
        // the beheerder reads it in the audit log: not silent
        List<Map<String, Object>> log = beheerder
                .given()
                .queryParam("objectType", "person")
                .queryParam("objectId", person)
                .get("/api/registry/audit-log")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertEquals(
                1,
                log.stream()
                        .filter(e -> "EMAIL_CHANGED".equals(e.get("action"))
                                && String.valueOf(e.get("details")).contains(first)
                                && String.valueOf(e.get("details")).contains(second))
                        .count(),
                "log: " + log);
    }
}
