/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.meldcodetour.testsupport.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gemeente scope on the dashboard (issue #32, point 4; docs/dashboard.md, "Gemeente scope"): a gemeente user sees
 * their own gemeente and one regional line, and cannot learn a small group elsewhere in the region by subtracting their
 * own figures from the regional ones. A region of two gemeenten of its own, so that no other test moves its figures:
 *
 * <pre>
 * onderwijs     Scopestad  3 organisations, 4 + 4 + 4 never trained            (own: 12, shown 10)
 *               Anderdorp  1 organisation, 2 never trained                     (rest: 2 people in 1 organisation)
 * kinderopvang  Scopestad  3 organisations, each 2 with a valid training and 2 never trained
 *               Anderdorp  3 organisations, 3 + 3 + 3 valid, 2 never trained at the first   (rest: 9 valid, 2 never)
 * </pre>
 */
@QuarkusTest
@TestProfile(GemeenteScopeTest.TwoGemeenten.class)
class GemeenteScopeTest {

    public static class TwoGemeenten implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("meldcodetour.region.gemeenten", "Scopestad,Anderdorp", "meldcodetour.region.name", "Scopia");
        }
    }

    static CoverageFixture fx;
    static long anderdorpSchool;
    static int people;

    @Inject
    EntityManager em;

    final Tokens.TestUser scopestad = Tokens.newGemeenteUser("scopestad"); // case as the provider sends it

    @BeforeEach
    void fixture() {
        if (fx != null) {
            return;
        }
        fx = new CoverageFixture();
        LocalDate since = fx.today.minusDays(400);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 1; i <= 3; i++) {
                staff(org("Scopestad", "School S" + i, "onderwijs", since), "leerkracht", 4, false);
                long opvang = org("Scopestad", "Opvang S" + i, "kinderopvang", since);
                staff(opvang, "pedagogisch-medewerker", 2, true);
                staff(opvang, "pedagogisch-medewerker", 2, false);
                long anders = org("Anderdorp", "Opvang A" + i, "kinderopvang", since);
                staff(anders, "pedagogisch-medewerker", 3, true);
                if (i == 1) {
                    staff(anders, "pedagogisch-medewerker", 2, false);
                }
            }
            anderdorpSchool = org("Anderdorp", "School A", "onderwijs", since);
            staff(anderdorpSchool, "leerkracht", 2, false);
        });
    }

    private long org(String gemeente, String name, String sector, LocalDate registered) {
        return ((Number) em.createNativeQuery("""
                INSERT INTO organisation (name, sector, gemeente, registered_on)
                VALUES (?1, ?2, ?3, ?4) RETURNING id""")
                        .setParameter(1, name + " " + fx.tag)
                        .setParameter(2, sector)
                        .setParameter(3, gemeente)
                        .setParameter(4, registered)
                        .getSingleResult())
                .longValue();
    }

    private void staff(long org, String function, int n, boolean trained) {
        for (int i = 0; i < n; i++) {
            int p = ++people;
            fx.person(em, p);
            fx.job(em, org, p, function, fx.today.minusDays(400), null);
            if (trained) {
                for (String m : List.of(CoverageFixture.CORE, "kinderopvang", "onderwijs", "kindermishandeling")) {
                    fx.pass(em, p, m, fx.today.minusDays(100), fx.today.plusDays(265));
                }
            }
        }
    }

    private JsonPath coverage(Tokens.TestUser user, String sector) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> user.given()
                                .queryParam("sector", sector)
                                .get("/api/coverage/coverage")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        j -> j.getLong("pendingOrganisations") == 0);
    }

    @Test
    void subtractingTheOwnGemeenteFromTheRegionTellsNothingAboutAFewProfessionals() {
        JsonPath own = coverage(scopestad, "onderwijs");
        assertEquals(10, own.getInt("totals.professionals.value"), "Scopestad's own 12 never trained, rounded");
        assertEquals(List.of("Scopestad"), own.getList("byArea.items.label"), "only the own gemeente");
        assertEquals("Regio Scopia (totaal)", own.getString("region.label"));
        assertEquals(4, own.getInt("region.organisations"), "organisations are exact, also for the region");
        // Without the rule the region would show 15 (14 rounded), and 15 - 10 says that the one school in Anderdorp
        // has a few professionals, none of them trained.
        assertTrue(own.getBoolean("region.professionals.suppressed"), own.prettify());
        assertNull(own.get("region.professionals.value"));
        assertEquals(Disclosure.REGION_HIDDEN, own.getString("region.note"));

        // the same region as a whole, for whoever sees every gemeente: shown as the usual rules say
        JsonPath all = coverage(Tokens.newUser(null, "regio"), "onderwijs");
        assertNull(all.get("region"), "no regional line for the regio role");
    }

    @Test
    void aSmallGroupInTheRestOfTheRegionHidesTheRegionalSplit() {
        JsonPath own = coverage(scopestad, "kinderopvang");
        assertEquals(5, own.getInt("totals.current.value"), "own: 6 valid, rounded");
        assertEquals(5, own.getInt("totals.never.value"), "own: 6 never trained, rounded");
        // rest of the region: 9 valid and 2 never trained in 3 organisations; the regional total may show, the split
        // (never: 8 in the region, 6 of them Scopestad's) may not
        assertEquals(25, own.getInt("region.professionals.value"), "the region: 23 professionals, rounded");
        assertTrue(own.getBoolean("region.never.suppressed"));
        assertTrue(own.getBoolean("region.current.suppressed"));
        assertEquals(Disclosure.REGION_SPLIT, own.getString("region.note"));
    }

    @Test
    void anotherGemeenteIsRefusedAndNeverListed() {
        scopestad
                .given()
                .queryParam("gemeente", "Anderdorp")
                .get("/api/coverage/coverage")
                .then()
                .statusCode(403)
                .body("detail", containsString("Scopestad"));
        String list = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> scopestad
                                .given()
                                .get("/api/coverage/organisations-without-af")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString(),
                        body -> body.contains("School S1 " + fx.tag));
        assertFalse(list.contains("Anderdorp"), list);
        String csv = scopestad
                .given()
                .queryParam("tabel", "gebieden")
                .get("/api/coverage/export.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(csv.contains("Anderdorp"), csv);
        assertTrue(csv.contains("Regio Scopia (totaal)"), csv);
        scopestad.given().get("/api/organisations/" + anderdorpSchool).then().statusCode(404);
    }

    @Test
    void aGemeenteUserBoundToNoGemeenteSeesAnExplanationNotEverything() {
        Tokens.TestUser nowhere = Tokens.newUser(null, "gemeente");
        nowhere.given()
                .get("/api/coverage/coverage")
                .then()
                .statusCode(403)
                .body("detail", containsString("nog niet gekoppeld aan een gemeente"));
        nowhere.given().get("/api/organisations").then().statusCode(403);
        Tokens.newGemeenteUser("Amsterdam")
                .given()
                .get("/api/coverage/coverage")
                .then()
                .statusCode(403); // not a gemeente of this installation
    }

    @Test
    void theBeheerderBindsAPersonToAGemeenteOnTopOfTheClaim() {
        Tokens.TestUser beheerder = Tokens.newUser(null, "beheerder");
        Tokens.TestUser viewer = Tokens.newGemeenteUser("Scopestad");
        viewer.given().get("/api/me").then().statusCode(200);
        long id = ((Number) QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("SELECT id FROM person WHERE subject = ?1")
                                .setParameter(1, viewer.subject())
                                .getSingleResult()))
                .longValue();
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("gemeenten", List.of("Amsterdam")))
                .put("/api/people/" + id + "/gemeenten")
                .then()
                .statusCode(400);
        viewer.given()
                .queryParam("gemeente", "Anderdorp")
                .get("/api/coverage/coverage")
                .then()
                .statusCode(403);
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("gemeenten", List.of("anderdorp")))
                .put("/api/people/" + id + "/gemeenten")
                .then()
                .statusCode(200)
                .body("gemeenten", org.hamcrest.Matchers.equalTo(List.of("Anderdorp")));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> viewer.given()
                                .queryParam("gemeente", "Anderdorp")
                                .get("/api/coverage/coverage")
                                .statusCode(),
                        s -> s == 200);
        viewer.given().get("/api/organisations/" + anderdorpSchool).then().statusCode(200);
    }
}
