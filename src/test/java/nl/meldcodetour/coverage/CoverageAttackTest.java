/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipInputStream;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two attacks on the dashboard of issue #28 (point 3), run as the production probe ran them against the API.
 *
 * <ul>
 * <li>Tracker: a user with role gemeente who is also aandachtsfunctionaris of one organisation in a postcode adds
 * staff with staggered start dates and reads the postcode day by day. Under plain rounding to fives the days on which
 * the shown count jumps pin the exact number of the other organisations' professionals and their status.</li>
 * <li>Homogeneity: a postcode whose professionals all (or all but a few) share one outcome tells the status of each
 * of them, however the counts are rounded.</li>
 * </ul>
 *
 * <pre>
 * 8305  X2 (the attacker's, no staff of its own yet), Y2: 2 never trained                          the tracker
 * 8306  X4 (the attacker's), Y4: 2, Z4: 3, W4: 4 never trained (9 others)                         tracker, 3 other organisations
 * 8307  one organisation, 6 never trained                                                           the homogeneity
 * 8308  three organisations, 4 + 4 + 4 never trained
 * 8309  three organisations, 10 never trained and 3 with a valid training                           all but a few in one
 * 8310  three organisations, 6 expired and 6 never trained: nobody has a valid training
 * 8311  three organisations, 5 with a valid training and 5 never trained                            mixed: the split is shown
 * </pre>
 */
@QuarkusTest
class CoverageAttackTest {

    static final List<String> MEASURES = List.of("professionals", "current", "due", "expired", "never");
    static final List<String> SPLIT =
            List.of("current", "due", "expired", "never", "currentShare", "dueShare", "expiredShare", "neverShare");

    /** What the page, the API and the exports show instead of a hidden figure, and why (B1 Dutch). */
    static final String HIDDEN = "niet getoond";

    static final String FEW_ORGANISATIONS = "Te weinig organisaties in deze selectie om aantallen te tonen.";
    static final String ONE_OUTCOME =
            "Verdeling niet getoond: bijna iedereen in deze selectie heeft dezelfde uitkomst.";

    static CoverageFixture fx;
    static long x2;
    static long x4;
    static int people;

    @Inject
    EntityManager em;

    final Tokens.TestUser gemeente = Tokens.newUser(null, "regio");

    enum Outcome {
        NEVER,
        CURRENT,
        EXPIRED
    }

    @BeforeEach
    void fixture() {
        if (fx != null) {
            return;
        }
        fx = new CoverageFixture();
        LocalDate since = fx.today.minusDays(400);
        QuarkusTransaction.requiringNew().run(() -> {
            x2 = fx.org(em, "X2", "onderwijs", "Oost", "8305", since);
            staff(fx.org(em, "Y2", "onderwijs", "Oost", "8305", since), 2, Outcome.NEVER);
            x4 = fx.org(em, "X4", "onderwijs", "Oost", "8306", since);
            staff(fx.org(em, "Y4", "onderwijs", "Oost", "8306", since), 2, Outcome.NEVER);
            staff(fx.org(em, "Z4", "onderwijs", "Oost", "8306", since), 3, Outcome.NEVER);
            staff(fx.org(em, "W4", "onderwijs", "Oost", "8306", since), 4, Outcome.NEVER);

            staff(fx.org(em, "H7", "onderwijs", "West", "8307", since), 6, Outcome.NEVER);
            for (int i = 1; i <= 3; i++) {
                staff(fx.org(em, "H8-" + i, "onderwijs", "West", "8308", since), 4, Outcome.NEVER);
                long h9 = fx.org(em, "H9-" + i, "onderwijs", "West", "8309", since);
                staff(h9, i == 3 ? 2 : 4, Outcome.NEVER);
                long h10 = fx.org(em, "H10-" + i, "onderwijs", "West", "8310", since);
                staff(h10, 2, Outcome.EXPIRED);
                staff(h10, 2, Outcome.NEVER);
                long h11 = fx.org(em, "H11-" + i, "onderwijs", "West", "8311", since);
                staff(h11, i == 3 ? 1 : 2, Outcome.CURRENT);
                staff(h11, i == 3 ? 1 : 2, Outcome.NEVER);
            }
            staff(fx.org(em, "H9-4", "onderwijs", "West", "8309", since), 3, Outcome.CURRENT);
        });
    }

    /** {@code n} leerkrachten at the organisation since 400 days ago, each with the given outcome for all three modules. */
    private void staff(long org, int n, Outcome outcome) {
        for (int i = 0; i < n; i++) {
            int p = ++people;
            if (outcome != Outcome.NEVER) {
                fx.person(em, p); // first: the job binds to the person with its address
            }
            fx.job(em, org, p, "leerkracht", fx.today.minusDays(400), null);
            if (outcome != Outcome.NEVER) {
                for (String m : new String[] {CoverageFixture.CORE, "onderwijs", "kindermishandeling"}) {
                    if (outcome == Outcome.CURRENT) {
                        fx.pass(em, p, m, fx.today.minusDays(100), fx.today.plusDays(265));
                    } else {
                        fx.pass(em, p, m, fx.today.minusDays(400), fx.today.minusDays(35));
                    }
                }
            }
        }
    }

    @Test
    void staffAddedDayByDayByAnAandachtsfunctionarisRevealNothingAboutTheOtherOrganisations() {
        Tokens.TestUser attacker = Tokens.newUser(null, "regio", "aandachtsfunctionaris");
        QuarkusTransaction.requiringNew().run(() -> {
            for (long org : List.of(x2, x4)) { // what a beheerder does when the attacker becomes aandachtsfunctionaris
                em.createNativeQuery("""
                        INSERT INTO aandachtsfunctionaris (organisation_id, name, email, start_date) VALUES (?1, 'Aanvaller', ?2, ?3)""")
                        .setParameter(1, org)
                        .setParameter(2, attacker.subject() + "@example.org")
                        .setParameter(3, fx.today.minusDays(400))
                        .executeUpdate();
            }
        });
        // seven colleagues nobody else knows, the k-th starting on day k: on day k the attacker's own count is k
        LocalDate first = fx.today.minusDays(30);
        for (long org : List.of(x2, x4)) {
            for (int k = 1; k <= 7; k++) {
                attacker.given()
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "name",
                                "Extra " + k,
                                "email",
                                "extra" + k + "." + org + "." + fx.tag + "@example.org",
                                "functionId",
                                "leerkracht",
                                "startDate",
                                first.plusDays(k).toString()))
                        .post("/api/organisations/" + org + "/staff")
                        .then()
                        .statusCode(201);
            }
        }
        Map<String, Long> others =
                new LinkedHashMap<>(); // per postcode: the other organisations' professionals, all never trained
        others.put("8305", 2L);
        others.put("8306", 9L);
        for (var target : others.entrySet()) {
            List<List<String>> days = new ArrayList<>();
            for (int k = 0; k <= 7; k++) {
                days.add(shown(attacker, target.getKey(), first.plusDays(k)));
            }
            for (String measure : List.of("professionals", "never")) {
                List<String> series =
                        days.stream().map(d -> d.get(MEASURES.indexOf(measure))).toList();
                assertNotEquals(
                        Set.of(target.getValue()),
                        consistentWithRoundingToFives(series),
                        "the days on which '" + measure + "' jumps must not pin the others' count in " + target.getKey()
                                + ": " + series);
            }
            assertEquals(
                    1,
                    new HashSet<>(days).size(),
                    "the attacker's own staff move no figure the attacker sees in " + target.getKey() + ": " + days);
        }
        // the same for the whole gemeente, per sector and per gemeente (read from the rollup, not per organisation)
        assertEquals(everything(attacker, first), everything(attacker, first.plusDays(7)));
        // the staff were really added: a gemeente user without an organisation of their own sees them
        assertEquals("10", shown(gemeente, "8306", first).get(0)); // Y4 + Z4 + W4 = 9
        assertEquals("15", shown(gemeente, "8306", first.plusDays(7)).get(0)); // + 7 of X4 = 16
        assertNotEquals(everything(gemeente, first), everything(gemeente, first.plusDays(7)));
        JsonPath told = attacker.given()
                .queryParam("gemeente", fx.gemeente)
                .get("/api/coverage/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, told.getInt("ownOrganisationsLeftOut"), "the API says that X2 and X4 are left out");
        assertEquals(
                0,
                gemeente.given()
                        .queryParam("gemeente", fx.gemeente)
                        .get("/api/coverage/coverage")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getInt("ownOrganisationsLeftOut"));
    }

    @Test
    void aGroupWhoseProfessionalsShareOneOutcomeShowsNoSplit() {
        // the case: one organisation, 6 never trained, was shown as 5 / 0 / 0 / 0 / 5
        JsonPath one = coverage("8307");
        assertNull(one.get("totals.professionals.value"), "one organisation: no counts of professionals at all");
        assertEquals(FEW_ORGANISATIONS, one.getString("totals.note"));
        assertTrue(
                one.getString("answers[0].answer").startsWith("Dat tonen we niet"), one.getString("answers[0].answer"));
        for (String postcode : List.of("8307", "8308", "8309", "8310")) {
            JsonPath json = coverage(postcode);
            for (String m : SPLIT) {
                assertNull(json.get("totals." + m + ".value"), postcode + ": " + m + " would tell each one's status");
                assertTrue(json.getBoolean("totals." + m + ".suppressed"), postcode + ": " + m);
            }
            String answer = json.getString("answers[0].answer");
            assertTrue(answer.startsWith("Dat tonen we niet"), postcode + ": " + answer);
        }
        // three organisations: the total may be shown, the split not
        JsonPath three = coverage("8308");
        assertEquals(10, three.getInt("totals.professionals.value"));
        assertEquals(ONE_OUTCOME, three.getString("totals.note"));
        // mixed (5 with and 5 without a valid training over three organisations): the split is shown
        JsonPath mixed = coverage("8311");
        assertEquals(5, mixed.getInt("totals.current.value"));
        assertEquals(5, mixed.getInt("totals.never.value"));
        assertEquals(50, mixed.getInt("totals.currentShare.percent"));
        assertNull(mixed.get("totals.note"));
    }

    @Test
    void theExportsHideWhatTheApiHides() throws Exception {
        String csv = gemeente.given()
                .queryParam("gemeente", fx.gemeente)
                .queryParam("indeling", "postcode")
                .queryParam("tabel", "gebieden")
                .get("/api/coverage/export.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : csv.split("\r\n")) {
            List<String> cells = List.of(line.split(";", -1));
            rows.put(cells.get(0), cells);
        }
        // columns: postcode, organisations, with AF, % with AF, professionals, then 8 split columns
        for (String postcode : List.of("8307", "8308", "8309", "8310")) {
            List<String> split = rows.get(postcode).subList(5, 13);
            assertEquals(Set.of(HIDDEN), new TreeSet<>(split), postcode + " in the CSV: " + rows.get(postcode));
        }
        assertEquals(HIDDEN, rows.get("8307").get(4), "one organisation: " + rows.get("8307"));
        assertEquals("5", rows.get("8311").get(5), "the mixed postcode keeps its split: " + rows.get("8311"));

        byte[] ods = gemeente.given()
                .queryParam("gemeente", fx.gemeente)
                .queryParam("postcode", "8308")
                .get("/api/coverage/export.ods")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        String content = null;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(ods))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("content.xml")) {
                    content = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertTrue(content != null && content.contains(HIDDEN), "the spreadsheet hides the split too");
        assertTrue(!content.contains("office:value=\"100\""), "no 100% of one status in the spreadsheet");
    }

    @Test
    @io.quarkus.test.security.TestSecurity(user = "gemeente-attack-page", roles = "regio")
    void thePageExplainsWhyInPlainDutch() {
        String html = RestAssured.given()
                .queryParam("gemeente", fx.gemeente)
                .queryParam("postcode", "8307")
                .get("/dekking")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(html.contains(FEW_ORGANISATIONS), html);
        String three = RestAssured.given()
                .queryParam("gemeente", fx.gemeente)
                .queryParam("postcode", "8308")
                .get("/dekking")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(three.contains(ONE_OUTCOME), three);
    }

    private JsonPath coverage(String postcode) {
        return gemeente.given()
                .queryParam("gemeente", fx.gemeente)
                .queryParam("postcode", postcode)
                .get("/api/coverage/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The five shown counts of a postcode on a reference date, as this user sees them. */
    private List<String> shown(Tokens.TestUser who, String postcode, LocalDate day) {
        JsonPath json = who.given()
                .queryParam("gemeente", fx.gemeente)
                .queryParam("postcode", postcode)
                .queryParam("peildatum", day.toString())
                .get("/api/coverage/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return MEASURES.stream()
                .map(m -> json.getString("totals." + m + ".display"))
                .toList();
    }

    /**
     * The figures of professionals (counts, shares, note) of the totals, the sector rows and the gemeente rows of the
     * whole fixture gemeente on a reference date. Organisation figures are left aside: they are exact for everyone, and
     * the attacker's organisations rightly stop being "without staff" once they have some.
     */
    private List<Object> everything(Tokens.TestUser who, LocalDate day) {
        JsonPath json = who.given()
                .queryParam("gemeente", fx.gemeente)
                .queryParam("indeling", "gemeente")
                .queryParam("peildatum", day.toString())
                .get("/api/coverage/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Object> figures = new ArrayList<>();
        for (String row : List.of("totals", "bySector", "byArea.items")) {
            for (String m : MEASURES) {
                figures.add(json.get(row + "." + m + ".display"));
            }
            for (String m : SPLIT) {
                figures.add(json.get(row + "." + m + ".display"));
            }
            figures.add(json.get(row + ".note"));
        }
        return figures;
    }

    /**
     * The attacker's inference: every count x of the others for which rounding to fives ("< 5" for 1 to 4) of x plus
     * the attacker's own k gives what was shown on day k. One candidate = the attack worked.
     */
    static Set<Long> consistentWithRoundingToFives(List<String> series) {
        Set<Long> candidates = new TreeSet<>();
        for (long x = 0; x <= 100; x++) {
            boolean fits = true;
            for (int k = 0; k < series.size() && fits; k++) {
                long n = x + k;
                String published = n == 0 ? "0" : n < 5 ? "< 5" : Long.toString(Math.round(n / 5.0) * 5);
                fits = published.equals(series.get(k));
            }
            if (fits) {
                candidates.add(x);
            }
        }
        return candidates;
    }
}
