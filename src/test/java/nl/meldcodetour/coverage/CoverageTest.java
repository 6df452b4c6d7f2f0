/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.meldcodetour.coverage.CoverageService.Raw;
import nl.meldcodetour.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Figures against hand-computed expectations on {@link CoverageFixture}; the disclosure rule; who may look. */
@QuarkusTest
class CoverageTest {

    static CoverageFixture fx;

    @Inject
    EntityManager em;

    @Inject
    CoverageService service;

    final Tokens.TestUser gemeente = Tokens.newUser(null, "regio");

    @BeforeEach
    void fixture() {
        if (fx == null) {
            fx = new CoverageFixture();
            fx.create(em);
        }
    }

    Raw raw(String sector, String wijk, String postcode, String module, LocalDate date) {
        return service.raw(service.filter(new CoverageService.Criteria(
                sector, fx.gemeente, wijk, postcode, module, date == null ? null : date.toString(), null, null, null)));
    }

    @Test
    void todayMatchesHandComputedFigures() {
        // orgs A B C D; obliged A B D; with AF only B (A's AF left at T-100); D has no staff.
        // A: p1 current, p2 due, p3 expired (core expired, others never), p4 current
        // B: p4 expired (never did kinderopvang), p6 expired, p7 never, p8 never; C: p9 current
        assertEquals(new Raw(4, 3, 1, 1, 1, 9, 3, 1, 3, 2), raw(null, null, null, null, null));
        assertEquals(new Raw(2, 2, 0, 0, 1, 4, 2, 1, 1, 0), raw("onderwijs", null, null, null, null));
        assertEquals(new Raw(1, 1, 1, 1, 0, 4, 0, 0, 2, 2), raw("kinderopvang", null, null, null, null));
        assertEquals(new Raw(2, 1, 0, 0, 0, 5, 3, 1, 1, 0), raw(null, "Noord", null, null, null));
        assertEquals(new Raw(2, 2, 1, 1, 1, 4, 0, 0, 2, 2), raw(null, null, "8302", null, null));
        // one module: kinderopvang is required for the four in B only: p6 expired, p4 p7 p8 never
        assertEquals(new Raw(4, 3, 1, 1, 1, 4, 0, 0, 1, 3), raw(null, null, null, "kinderopvang", null));
    }

    @Test
    void aPastReferenceDateIsReproducedFromHistory() {
        // R = T-200: D not registered yet; p5 already left; p8 not started; A's AF still there.
        // A: p1 never (passed later), p2 current, p3 expired (core valid until R+65, others never), p4 never
        // B: p4 never, p6 current (valid R+185), p7 never; C: p9 never (passed later)
        assertEquals(new Raw(3, 2, 2, 2, 0, 8, 2, 0, 1, 5), raw(null, null, null, null, fx.past));
        JsonPath json = gemeente.given()
                .queryParam("gemeente", fx.gemeente)
                .queryParam("peildatum", fx.past.toString())
                .get("/api/coverage/organisations-without-af")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(0, json.getInt("total"));
    }

    @Test
    void aNewPassChangesTheFiguresWithoutAnyoneRefreshingByHand() {
        Raw before = raw("kinderopvang", null, null, null, null);
        CoverageFixture own = new CoverageFixture();
        own.create(em);
        Raw ownBefore = service.raw(service.filter(CoverageService.Criteria.area(null, own.gemeente)));
        assertEquals(2, ownBefore.never());
        QuarkusTransaction.requiringNew().run(() -> {
            for (String m : new String[] {CoverageFixture.CORE, "kinderopvang", "kindermishandeling"}) {
                own.pass(em, 7, m, own.today, own.today.plusYears(1));
            }
        });
        Raw after = service.raw(service.filter(CoverageService.Criteria.area(null, own.gemeente)));
        assertEquals(1, after.never());
        assertEquals(ownBefore.current() + 1, after.current());
        assertEquals(before, raw("kinderopvang", null, null, null, null), "another gemeente is not touched");
    }

    @Test
    void theApiShowsOnlyRoundedFiguresAndAnswersBothQuestions() {
        JsonPath json = gemeente.given()
                .queryParam("gemeente", fx.gemeente)
                .get("/api/coverage/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(10, json.getInt("totals.professionals.value")); // 9 rounds to 10
        // 3 current + 1 due: fewer than 5 with a valid training, so the split by status is not shown at all
        assertEquals(Disclosure.HIDDEN, json.getString("totals.current.display"));
        assertTrue(json.getBoolean("totals.never.suppressed")); // 2
        assertEquals(Disclosure.ONE_OUTCOME, json.getString("totals.note"));
        assertEquals(4, json.getInt("totals.organisations")); // organisations are exact
        assertEquals(
                "Ja. Van de 3 organisaties in verplichte sectoren in " + fx.gemeente
                        + " hebben er 2 geen aandachtsfunctionaris.",
                json.getString("answers[1].answer"));
        assertTrue(
                json.getString("answers[0].answer")
                        .startsWith("Dat tonen we niet: van de 10 geregistreerde professionals in " + fx.gemeente
                                + " heeft bijna iedereen dezelfde uitkomst"),
                json.getString("answers[0].answer"));
        List<Map<String, Object>> areas = json.getList("byArea.items");
        assertEquals(2, areas.size());
        assertEquals("Noord", areas.get(0).get("label"));
        // Noord: professionals at A and C only; Zuid: at B only (D has none). Two organisations or one: no counts at
        // all
        assertNull(json.get("byArea.items[0].professionals.value"));
        assertEquals(Disclosure.FEW_ORGANISATIONS, json.getString("byArea.items[0].note"));
        assertEquals(Disclosure.HIDDEN, json.getString("byArea.items[1].professionals.display"));
        // Zuid has 4 professionals and none of them is current: that 0 would say something about each of them
        assertEquals(Disclosure.HIDDEN, json.getString("byArea.items[1].current.display"));
        assertEquals(Disclosure.HIDDEN, json.getString("byArea.items[1].currentShare.display"));
        JsonPath zuid = gemeente.given()
                .queryParam("gemeente", fx.gemeente)
                .queryParam("wijk", "Zuid")
                .get("/api/coverage/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(
                zuid.getString("answers[0].answer").startsWith("Dat tonen we niet"),
                zuid.getString("answers[0].answer"));
        gemeente.given()
                .queryParam("gemeente", fx.gemeente)
                .get("/api/coverage/organisations-without-af")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.name", hasSize(2))
                .body("items[0].name", containsString("Organisatie A"));
    }

    @Test
    void noCombinationOfFiltersRevealsASmallGroupBySubtraction() {
        String[] sectors = {null, "onderwijs", "kinderopvang", "politie"};
        String[] wijken = {null, "Noord", "Zuid"};
        String[] postcodes = {null, "8301", "8302"};
        String[] modules = {null, "kinderopvang", CoverageFixture.CORE};
        String[] measures = {"professionals", "current", "due", "expired", "never"};
        int shown = 0;
        int smallDifferencesInTheData = 0;
        for (String module : modules) {
            for (String sector : sectors) {
                for (String wijk : wijken) {
                    for (String postcode : postcodes) {
                        var request = gemeente.given().queryParam("gemeente", fx.gemeente);
                        if (sector != null) {
                            request.queryParam("sector", sector);
                        }
                        if (wijk != null) {
                            request.queryParam("wijk", wijk);
                        }
                        if (postcode != null) {
                            request.queryParam("postcode", postcode);
                        }
                        if (module != null) {
                            request.queryParam("module", module);
                        }
                        JsonPath json = request.get("/api/coverage/coverage")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath();
                        Raw total = raw(sector, wijk, postcode, module, null);
                        Raw parent = raw(null, null, null, module, null);
                        long[] rawTotals = {
                            total.professionals(), total.current(), total.due(), total.expired(), total.never()
                        };
                        long[] rawParent = {
                            parent.professionals(), parent.current(), parent.due(), parent.expired(), parent.never()
                        };
                        for (int i = 0; i < measures.length; i++) {
                            long diff = rawParent[i] - rawTotals[i];
                            if (diff >= 1 && diff <= 4) {
                                smallDifferencesInTheData++;
                            }
                        }
                        for (String prefix : List.of("totals", "bySector", "byArea.items")) {
                            for (String m : measures) {
                                List<Object> values = prefix.equals("totals")
                                        ? Collections.singletonList(json.get(prefix + "." + m + ".value"))
                                        : json.getList(prefix + "." + m + ".value");
                                List<Object> displays = prefix.equals("totals")
                                        ? List.of(json.getString(prefix + "." + m + ".display"))
                                        : json.getList(prefix + "." + m + ".display");
                                for (int i = 0; i < values.size(); i++) {
                                    Object v = values.get(i);
                                    if (v == null) {
                                        assertTrue(
                                                Set.of("< 5", Disclosure.HIDDEN).contains(displays.get(i)),
                                                String.valueOf(displays.get(i)));
                                    } else {
                                        int n = ((Number) v).intValue();
                                        assertTrue(n == 0 || n >= 5, "a shown count is 0 or at least 5: " + n);
                                        assertEquals(
                                                0,
                                                n % 5,
                                                "every shown count is a multiple of 5, so differences are too: " + n);
                                        shown++;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(shown > 50, "the check looked at shown numbers: " + shown);
        assertTrue(smallDifferencesInTheData > 0, "the fixture does hold subsets that differ by 1 to 4 people");
    }

    @Test
    void trendHasTwelveQuarterEndsAndToday() {
        JsonPath json = gemeente.given()
                .queryParam("gemeente", fx.gemeente)
                .get("/api/coverage/trend")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> dates = json.getList("points.date");
        assertEquals(13, dates.size());
        assertEquals(fx.today.toString(), dates.get(12));
        assertEquals("Nu", json.getString("points[12].label"));
        for (int i = 0; i < 12; i++) {
            LocalDate d = LocalDate.parse(dates.get(i));
            assertEquals(1, d.plusDays(1).getDayOfMonth(), "a quarter end: " + d);
            assertEquals(0, d.getMonthValue() % 3, "a quarter end: " + d);
            Raw expected = raw(null, null, null, null, d);
            assertEquals(
                    expected.organisations(),
                    json.getLong("points[" + i + "].row.organisations"),
                    "organisations on " + d);
            assertEquals(
                    Disclosure.figure(expected.professionals()).display(),
                    json.getString("points[" + i + "].row.professionals.display"),
                    "professionals on " + d);
        }
        assertEquals(10, json.getInt("points[12].row.professionals.value"));
    }

    @Test
    void theOldRootAndTheDutchParameterNamesAnswerAsBeforeAndSaySoInAHeader() {
        // issue #31, point 5: /api/audit is kept for one release, with the Dutch parameter names of the page
        String date = fx.today.minusDays(1).toString();
        Response now = gemeente.given()
                .queryParam("gemeente", fx.gemeente)
                .queryParam("date", date)
                .queryParam("breakdown", "postcode")
                .get("/api/coverage/coverage");
        now.then()
                .statusCode(200)
                .header("Deprecation", Matchers.nullValue())
                .body("referenceDate", equalTo(date))
                .body("areaLevel", equalTo("postcode"));
        Response before = gemeente.given()
                .queryParam("gemeente", fx.gemeente)
                .queryParam("peildatum", date)
                .queryParam("indeling", "postcode")
                .get("/api/audit/coverage");
        before.then()
                .statusCode(200)
                .header("Deprecation", equalTo("true"))
                .header("Link", equalTo("</api/coverage/coverage>; rel=\"successor-version\""));
        assertEquals(now.jsonPath().getMap("$"), before.jsonPath().getMap("$"));
        gemeente.given()
                .queryParam("gemeente", fx.gemeente)
                .queryParam("table", "sectoren")
                .get("/api/audit/export.csv")
                .then()
                .statusCode(200)
                .header("Deprecation", equalTo("true"));
        // an English name wins over its Dutch twin
        gemeente.given()
                .queryParam("gemeente", fx.gemeente)
                .queryParam("breakdown", "wijk")
                .queryParam("indeling", "postcode")
                .get("/api/coverage/coverage")
                .then()
                .statusCode(200)
                .body("areaLevel", equalTo("wijk"));
    }

    @Test
    void badFiltersGetAClearDutchMessage() {
        gemeente.given()
                .queryParam("peildatum", "gisteren")
                .get("/api/coverage/coverage")
                .then()
                .statusCode(400)
                .body("violations.field", Matchers.hasItem("peildatum"))
                .body("violations.message", Matchers.hasItem(containsString("jjjj-mm-dd")));
        gemeente.given()
                .queryParam("peildatum", fx.today.plusDays(1).toString())
                .get("/api/coverage/coverage")
                .then()
                .statusCode(400)
                .body("violations.message", Matchers.hasItem(containsString("toekomst")));
        gemeente.given()
                .queryParam("sector", "bakkerij")
                .queryParam("postcode", "0123")
                .queryParam("module", "x")
                .get("/api/coverage/coverage")
                .then()
                .statusCode(400)
                .body("violations", hasSize(3));
        gemeente.given()
                .queryParam("tabel", "geheim")
                .get("/api/coverage/export.csv")
                .then()
                .statusCode(400);
    }

    @Test
    void onlyGemeenteAndBeheerderMayLook() {
        for (String path : List.of(
                "/api/coverage/coverage",
                "/api/coverage/trend",
                "/api/coverage/organisations-without-af",
                "/api/coverage/export.ods",
                "/api/coverage/export.csv?tabel=sectoren")) {
            RestAssured.given().get(path).then().statusCode(401);
            Tokens.newUser(null, "medewerker").given().get(path).then().statusCode(403);
            Tokens.newUser(null, "aandachtsfunctionaris")
                    .given()
                    .get(path)
                    .then()
                    .statusCode(403);
            Tokens.newUser(null, "beheerder")
                    .given()
                    .queryParam("gemeente", fx.gemeente)
                    .get(path)
                    .then()
                    .statusCode(200);
            gemeente.given()
                    .queryParam("gemeente", fx.gemeente)
                    .get(path)
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void exportsHoldTheSameRoundedFigures() throws Exception {
        String csv = gemeente.given()
                .queryParam("gemeente", fx.gemeente)
                .queryParam("tabel", "gebieden")
                .get("/api/coverage/export.csv")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("dekking-gebieden"))
                .extract()
                .asString();
        assertTrue(csv.startsWith("\uFEFFWijk of dorp;Organisaties;"), csv);
        // two organisations with professionals in Noord, one in Zuid: no counts of professionals, and the reason
        assertTrue(csv.contains("\r\nNoord;2;0;0;niet getoond;niet getoond;"), csv);
        assertTrue(
                csv.contains("\r\nZuid;2;1;50;niet getoond;niet getoond;niet getoond;niet getoond;niet getoond;"), csv);
        assertTrue(csv.contains(";" + Disclosure.FEW_ORGANISATIONS + "\r\n"), csv);
        String withoutAf = gemeente.given()
                .queryParam("gemeente", fx.gemeente)
                .queryParam("tabel", "zonder-af")
                .get("/api/coverage/export.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(3, withoutAf.split("\r\n").length, withoutAf);

        byte[] ods = gemeente.given()
                .queryParam("gemeente", fx.gemeente)
                .get("/api/coverage/export.ods")
                .then()
                .statusCode(200)
                .contentType("application/vnd.oasis.opendocument.spreadsheet")
                .extract()
                .asByteArray();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(ods))) {
            var first = zip.getNextEntry();
            assertEquals("mimetype", first.getName());
            assertEquals("application/vnd.oasis.opendocument.spreadsheet", new String(zip.readAllBytes()));
            String content = null;
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("content.xml")) {
                    content = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            assertTrue(content != null
                    && content.contains("table:name=\"Per sector\"")
                    && content.contains("table:name=\"Trend per kwartaal\""));
            assertTrue(content.contains(Disclosure.HIDDEN), "hidden cells stay hidden in the spreadsheet");
            // parses as XML
            DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void theDataTableAlternativeMatchesTheApi() {
        gemeente.given()
                .queryParam("gemeente", fx.gemeente)
                .get("/api/coverage/coverage")
                .then()
                .statusCode(200)
                .body("bySector.find { it.key == 'politie' }.professionals.display", equalTo(Disclosure.HIDDEN))
                .body("bySector.find { it.key == 'politie' }.current.value", nullValue());
    }

    @Test
    @io.quarkus.test.security.TestSecurity(user = "gemeente-page", roles = "regio")
    void thePageAnswersTheQuestionsWithChartsAndTables() {
        String html = RestAssured.given()
                .queryParam("gemeente", fx.gemeente)
                .get("/dekking")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                html.contains("Ja. Van de 3 organisaties in verplichte sectoren in " + fx.gemeente
                        + " hebben er 2 geen aandachtsfunctionaris."),
                html);
        assertTrue(html.contains("<svg class=\"chart\"")
                && html.contains("role=\"img\"")
                && html.contains("<title id=\"sectorgrafiek-title\">"));
        assertTrue(html.contains("<title id=\"trendgrafiek-title\">"));
        assertTrue(html.contains("<caption>Per sector</caption>")
                && html.contains("<caption>Trend per kwartaal</caption>"));
        assertTrue(
                html.contains("Organisatie A " + fx.tag) && html.contains("Organisatie D " + fx.tag),
                "organisations without AF are listed");
        assertTrue(!html.contains("Organisatie C " + fx.tag), "the police are not obliged, so not listed");
        assertTrue(html.contains("&lt; 5"));
        assertTrue(html.contains("/dekking/export.ods?"));
        assertTrue(html.contains("Bekijk de 2 organisaties zonder aandachtsfunctionaris"), html);
    }

    @Test
    @io.quarkus.test.security.TestSecurity(user = "gemeente-page", roles = "regio")
    void oneOrganisationWithoutAnAfReadsAsOne() {
        // issue #30, point 6: "hebben er 1 geen aandachtsfunctionaris" and "Bekijk de 1 organisaties"
        String html = RestAssured.given()
                .queryParam("gemeente", fx.gemeente)
                .queryParam("wijk", "Zuid")
                .get("/dekking")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                html.contains("Ja. Van de 2 organisaties in verplichte sectoren in " + fx.gemeente
                        + " (Zuid) heeft er 1 geen aandachtsfunctionaris."),
                html);
        assertTrue(html.contains("Bekijk de organisatie zonder aandachtsfunctionaris</a>"), html);
        assertTrue(!html.contains("Bekijk de 1 organisaties") && !html.contains("hebben er 1 "), html);
    }

    @Test
    @io.quarkus.test.security.TestSecurity(user = "gemeente-page-2", roles = "regio")
    void thePageKeepsBadInputAndExplains() {
        String html = RestAssured.given()
                .queryParam("peildatum", "31-02-2020")
                .queryParam("postcode", "<script>")
                .get("/dekking")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertTrue(html.contains("Vul de peildatum in als jjjj-mm-dd"), html);
        assertTrue(html.contains("value=\"31-02-2020\""), "what was typed stays in the form");
        assertTrue(!html.contains("<script>"), "input is escaped");
    }

    @Test
    @io.quarkus.test.security.TestSecurity(user = "medewerker-page", roles = "medewerker")
    void aMedewerkerCannotOpenThePage() {
        RestAssured.given().get("/dekking").then().statusCode(403);
        RestAssured.given().get("/dekking/export.ods").then().statusCode(403);
    }
}
