/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.team;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.learning.ModuleStatus;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TeamTest {

    @Inject
    EntityManager em;

    final Tokens.TestUser beheerder = Tokens.newUser(null, "beheerder");
    final Tokens.TestUser af = Tokens.newUser(null, "aandachtsfunctionaris");
    final Tokens.TestUser anna = Tokens.newUser(null, "medewerker");
    final Tokens.TestUser bram = Tokens.newUser(null, "medewerker");
    final Tokens.TestUser cor = Tokens.newUser(null, "medewerker");
    long orgA;
    long orgB;
    final LocalDate today = LocalDate.now(ClockProducer.ZONE);

    long org(String name) {
        return beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        name + " " + UUID.randomUUID().toString().substring(0, 6),
                        "sector",
                        "onderwijs",
                        "gemeente",
                        "Urk"))
                .post("/api/organisations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    long staff(long org, Tokens.TestUser who, String name, String function) {
        return af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", who.subject() + "@example.org", "functionId", function))
                .post("/api/organisations/" + org + "/staff")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    void completion(Tokens.TestUser who, String module, LocalDate validUntil) {
        who.given().get("/api/me").then().statusCode(200);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                INSERT INTO completion (id, person_id, module_id, content_version, score, completed_at, valid_until)
                SELECT ?1, id, ?2, 'test', 90, now(), ?3 FROM person WHERE subject = ?4""")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, module)
                        .setParameter(3, validUntil)
                        .setParameter(4, who.subject())
                        .executeUpdate());
    }

    @BeforeEach
    void setUp() {
        orgA = org("School A");
        orgB = org("School B");
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "AF A", "email", af.subject() + "@example.org"))
                .post("/api/organisations/" + orgA + "/aandachtsfunctionarissen")
                .then()
                .statusCode(201);
    }

    @Test
    void teamViewShowsEveryRequiredModuleAndCountsPeople() {
        staff(orgA, anna, "Anna", "leerkracht");
        staff(orgA, bram, "Bram", "leerkracht");
        staff(orgA, cor, "Cor", "leerkracht");
        completion(anna, "meldcode-in-5-stappen", today.plusDays(200));
        completion(anna, "onderwijs", today.plusDays(30));
        completion(bram, "meldcode-in-5-stappen", today.minusDays(3));
        // issue #30, point 4: the counts counted module statuses ("nooitGedaan": 6 with 3 colleagues); now each
        // colleague
        // counts once, with where they stand over all their required modules
        af.given()
                .get("/api/organisations/" + orgA + "/team")
                .then()
                .statusCode(200)
                .body("rows", hasSize(3))
                .body("rows[0].name", equalTo("Anna"))
                .body(
                        "rows[0].modules.moduleId",
                        equalTo(List.of("meldcode-in-5-stappen", "onderwijs", "kindermishandeling")))
                .body("rows[0].modules.status", equalTo(List.of("BEHAALD", "VERLOOPT_BINNENKORT", "NIET_GESTART")))
                .body("rows[1].modules[0].status", equalTo("VERLOPEN"))
                .body("rows.status", equalTo(List.of("VERLOPEN", "VERLOPEN", "NOOIT_GEDAAN")))
                .body("counts.behaald", equalTo(0))
                .body("counts.verlooptBinnenkort", equalTo(0))
                .body("counts.verlopen", equalTo(2))
                .body("counts.nooitGedaan", equalTo(1));
        // one module: only that module, and the counts over it
        af.given()
                .queryParam("module", "onderwijs")
                .get("/api/organisations/" + orgA + "/team")
                .then()
                .statusCode(200)
                .body("moduleId", equalTo("onderwijs"))
                .body("rows.name", equalTo(List.of("Anna", "Bram", "Cor")))
                .body("rows[0].modules.moduleId", equalTo(List.of("onderwijs")))
                .body("rows.status", equalTo(List.of("VERLOOPT_BINNENKORT", "NOOIT_GEDAAN", "NOOIT_GEDAAN")))
                .body("counts.behaald", equalTo(0))
                .body("counts.verlooptBinnenkort", equalTo(1))
                .body("counts.verlopen", equalTo(0))
                .body("counts.nooitGedaan", equalTo(2));
        af.given()
                .queryParam("module", "meldcode-in-5-stappen")
                .get("/api/organisations/" + orgA + "/team")
                .then()
                .statusCode(200)
                .body("rows.status", equalTo(List.of("BEHAALD", "VERLOPEN", "NOOIT_GEDAAN")))
                .body("counts.behaald", equalTo(1))
                .body("counts.verlopen", equalTo(1))
                .body("counts.nooitGedaan", equalTo(1));
        // a module nobody here must follow: nobody; an unknown one: refused
        af.given()
                .queryParam("module", "politie")
                .get("/api/organisations/" + orgA + "/team")
                .then()
                .statusCode(200)
                .body("rows", hasSize(0))
                .body("counts.nooitGedaan", equalTo(0));
        af.given()
                .queryParam("module", "bestaat-niet")
                .get("/api/organisations/" + orgA + "/team")
                .then()
                .statusCode(400);
    }

    @Test
    void aColleagueStandsWhereTheirLeastFavourableModuleIs() {
        Function<List<ModuleStatus>, TeamService.Standing> standing =
                statuses -> TeamService.Standing.of(statuses.stream()
                        .map(s -> new TeamService.Cell("m", "M", s, null))
                        .toList());
        var B = ModuleStatus.BEHAALD;
        var SOON = ModuleStatus.VERLOOPT_BINNENKORT;
        var EXP = ModuleStatus.VERLOPEN;
        var NEVER = ModuleStatus.NIET_GESTART;
        var BUSY = ModuleStatus.BEZIG;
        assertEquals(TeamService.Standing.BEHAALD, standing.apply(List.of(B, B, B)));
        assertEquals(TeamService.Standing.VERLOOPT_BINNENKORT, standing.apply(List.of(B, SOON, B)));
        assertEquals(TeamService.Standing.VERLOPEN, standing.apply(List.of(B, SOON, EXP)));
        assertEquals(TeamService.Standing.VERLOPEN, standing.apply(List.of(B, B, NEVER)));
        assertEquals(TeamService.Standing.VERLOPEN, standing.apply(List.of(EXP, NEVER, NEVER)));
        assertEquals(TeamService.Standing.NOOIT_GEDAAN, standing.apply(List.of(NEVER, BUSY, NEVER)));
        assertEquals(TeamService.Standing.NOOIT_GEDAAN, standing.apply(List.of(BUSY)));
        assertEquals(TeamService.Standing.VERLOPEN, standing.apply(List.of(EXP)));
    }

    @Test
    void anAandachtsfunctionarisOfASeesNothingOfB() {
        long bStaff = QuarkusTransaction.requiringNew().call(() -> {
            var e = new Employment();
            e.organisationId = orgB;
            e.name = "Geheim";
            e.email = "geheim@example.org";
            e.functionId = "leerkracht";
            e.startDate = today;
            e.createdAt = Instant.now();
            em.persist(e);
            return e.id;
        });
        af.given().get("/api/organisations/" + orgB + "/team").then().statusCode(404);
        af.given().get("/api/organisations/" + orgB + "/team.csv").then().statusCode(404);
        af.given().get("/api/organisations/" + orgB + "/staff").then().statusCode(404);
        af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "X", "email", "x@example.org", "functionId", "leerkracht"))
                .post("/api/organisations/" + orgB + "/staff")
                .then()
                .statusCode(404);
        af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("employmentId", bStaff, "moduleId", "onderwijs"))
                .post("/api/organisations/" + orgA + "/reminders")
                .then()
                .statusCode(404);
        Tokens.newUser(null, "gemeente")
                .given()
                .get("/api/organisations/" + orgA + "/team")
                .then()
                .statusCode(403);
        anna.given().get("/api/organisations/" + orgA + "/team").then().statusCode(403);
        beheerder
                .given()
                .get("/api/organisations/" + orgB + "/team")
                .then()
                .statusCode(200)
                .body("rows.name", hasItem("Geheim"));
    }

    @Test
    void staffInputIsValidatedAndDuplicatesRefused() {
        af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "", "email", "geen", "functionId", "astronaut"))
                .post("/api/organisations/" + orgA + "/staff")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("email"))
                .body("violations.field", hasItem("functionId"));
        staff(orgA, anna, "Anna", "leerkracht");
        af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Anna", "email", anna.subject() + "@EXAMPLE.org", "functionId", "leerkracht"))
                .post("/api/organisations/" + orgA + "/staff")
                .then()
                .statusCode(409);
    }

    @Test
    void anEmailThatIsAFormulaOrANameWithLinesIsRefused() {
        // issue #28, point 6: accepted until commit 2c50699, then exported unneutralised in the team CSV
        af.given()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Eva",
                        "email",
                        "=hyperlink(\"http://evil.example/x\",\"klik\")&\"@x.nl\"",
                        "functionId",
                        "leerkracht"))
                .post("/api/organisations/" + orgA + "/staff")
                .then()
                .statusCode(400)
                .body("violations.find { it.field == 'email' }.message", containsString("geldig e-mailadres"));
        // point 9: a name is one line (it is the salutation of a reminder mail)
        af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Eva\r\nBcc: iemand@y.nl", "email", "eva@example.org", "functionId", "leerkracht"))
                .post("/api/organisations/" + orgA + "/staff")
                .then()
                .statusCode(400)
                .body("violations.find { it.field == 'name' }.message", containsString("één regel"));
        String csv = "Naam;E-mailadres;Functie;Startdatum\nEva;=1+1@x.nl;leerkracht;\n";
        af.given()
                .contentType("text/csv")
                .body(csv)
                .post("/api/organisations/" + orgA + "/staff/import")
                .then()
                .statusCode(200)
                .body(containsString("geldig e-mailadres"));
    }

    @Test
    void csvOpensInDutchExcelAndNeutralisesFormulas() {
        staff(orgA, anna, "=HYPERLINK(\"http://evil\")", "intern-begeleider");
        String csv = af.given()
                .get("/api/organisations/" + orgA + "/team.csv")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .extract()
                .asString();
        assertTrue(csv.startsWith("\uFEFFNaam;E-mail;Functie;Module;Status;Geldig tot"), csv);
        String[] lines = csv.strip().split("\r\n");
        assertEquals(1 + 5, lines.length, csv); // core + 4 modules of an intern begeleider
        assertTrue(lines[1].startsWith("\"'=HYPERLINK"), lines[1]);
        assertTrue(lines[1].contains(";Nooit gedaan;"), lines[1]);
    }

    @Test
    void remindersAreRecordedAndViewsAudited() {
        long id = staff(orgA, bram, "Bram", "leerkracht");
        af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("employmentId", id, "moduleId", "onderwijs"))
                .post("/api/organisations/" + orgA + "/reminders")
                .then()
                .statusCode(202);
        Number pending = (Number) em.createNativeQuery(
                        "SELECT count(*) FROM reminder_request WHERE employment_id = ?1 AND sent_at IS NULL")
                .setParameter(1, id)
                .getSingleResult();
        assertEquals(1, pending.intValue());
        af.given().get("/api/organisations/" + orgA + "/team").then().statusCode(200);
        beheerder
                .given()
                .queryParam("objectType", "team")
                .queryParam("objectId", orgA)
                .get("/api/registry/audit-log")
                .then()
                .body("action", hasItem("VIEW"))
                .body("actor", hasItem(af.subject()));
    }

    @Test
    void pagesDoNotAcceptBearerTokens() {
        // pages belong to the code-flow tenant: a bearer token leads to the login, not to data
        af.given().redirects().follow(false).get("/team/" + orgA).then().statusCode(302);
    }

    @Test
    void theFunctionDecidesTheLearnersRequiredModules() {
        // without a job: everything for the sector (here: no sector, so the core only)
        anna.given().get("/api/modules").then().body("id", equalTo(List.of("meldcode-in-5-stappen")));
        staff(orgA, anna, "Anna", "leerkracht");
        anna.given()
                .get("/api/modules")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of("meldcode-in-5-stappen", "onderwijs", "kindermishandeling")));
    }

    @Test
    void theRegistryShowsTheAfsOwnTraining() {
        completion(af, "aandachtsfunctionaris", today.plusDays(300));
        beheerder
                .given()
                .get("/api/organisations/" + orgA)
                .then()
                .body("aandachtsfunctionarissen[0].trainingStatus", equalTo("Behaald"))
                .body(
                        "aandachtsfunctionarissen[0].trainingValidUntil",
                        equalTo(today.plusDays(300).toString()));
        beheerder.given().get("/api/organisations/" + orgB).then().body("aandachtsfunctionarissen", hasSize(0));
        beheerder
                .given()
                .queryParam("objectType", "aandachtsfunctionaris-training")
                .queryParam("objectId", orgA)
                .get("/api/registry/audit-log")
                .then()
                .body("action", hasItem("VIEW"))
                .body("actor", hasItem(beheerder.subject()));
    }

    @Test
    void aPersonCanWorkForTwoOrganisationsAndLeavingKeepsHistory() {
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "AF B", "email", af.subject() + "@example.org"))
                .post("/api/organisations/" + orgB + "/aandachtsfunctionarissen")
                .then()
                .statusCode(201);
        long inA = staff(orgA, anna, "Anna", "leerkracht");
        staff(orgB, anna, "Anna", "intern-begeleider");
        // both jobs count for what Anna must follow
        anna.given()
                .get("/api/modules")
                .then()
                .body("id", hasItem("mensenhandel"))
                .body("id", hasItem("onderwijs"));
        af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("endDate", today.toString()))
                .post("/api/organisations/" + orgA + "/staff/" + inA + "/end")
                .then()
                .statusCode(200);
        af.given()
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/organisations/" + orgA + "/staff/" + inA + "/end")
                .then()
                .statusCode(409);
        Number kept =
                (Number) em.createNativeQuery("SELECT count(*) FROM employment WHERE id = ?1 AND end_date IS NOT NULL")
                        .setParameter(1, inA)
                        .getSingleResult();
        assertEquals(1, kept.intValue());
        // she may be re-hired at A later: only current jobs must be unique
        staff(orgA, anna, "Anna", "leerkracht");
    }
}
