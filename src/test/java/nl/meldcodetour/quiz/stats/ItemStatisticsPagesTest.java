/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Question;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Toetsanalyse pages and the CSV export, on a real module with attempts of this test's own content version.
 * Fixture: 24 people, one attempt each with the bank's first two questions: Q1 right for 12 (50 %), Q2 right for 24
 * (100 % → te makkelijk); and in a second version 20 attempts that hold a question id like a spreadsheet formula (a
 * question removed from the bank, as the CSV must show it harmlessly).
 */
@QuarkusTest
class ItemStatisticsPagesTest {

    static final String MODULE = "wijkteam";
    static final String VERSION = "pages-" + ItemFixture.RUN;
    static final String FORMULA_VERSION = "formula-" + ItemFixture.RUN;
    static final String FORMULA = "=HYPERLINK(\"x\")";
    private static boolean inserted;

    @Inject
    ContentService content;

    @Inject
    DataSource dataSource;

    Module module() {
        return content.catalog().module(MODULE).orElseThrow();
    }

    Question q(int position) {
        return module().questions().get(position - 1);
    }

    @BeforeEach
    void fixture() {
        if (inserted) {
            return;
        }
        ItemFixture fx = new ItemFixture(
                dataSource,
                MODULE,
                "itemstats-pages-" + ItemFixture.RUN + "-",
                ItemStatisticsApiTest.right(q(1)) + " " + ItemStatisticsApiTest.right(q(2)));
        for (int person = 1; person <= 24; person++) {
            fx.submitted(
                    "p" + person,
                    VERSION,
                    1,
                    (person <= 12 ? ItemStatisticsApiTest.right(q(1)) : ItemStatisticsApiTest.wrong(q(1))) + " "
                            + ItemStatisticsApiTest.right(q(2)));
        }
        ItemFixture formula =
                new ItemFixture(dataSource, MODULE, "itemstats-formula-" + ItemFixture.RUN + "-", FORMULA + "=a");
        for (int person = 1; person <= 20; person++) {
            formula.submitted("f" + person, FORMULA_VERSION, 2, FORMULA + "=a");
        }
        inserted = true;
    }

    private String page(String path) {
        return given().redirects()
                .follow(false)
                .get(path)
                .then()
                .statusCode(200)
                .contentType(containsHtml())
                .extract()
                .asString();
    }

    private static String containsHtml() {
        return "text/html";
    }

    @Test
    @TestSecurity(user = "itemstats-redacteur", roles = "redacteur")
    void theRedacteurFindsThePageAndNothingElse() {
        String home = page("/");
        assertTrue(home.contains("href=\"/toetsanalyse\">Toetsanalyse</a>"), "in the menu");
        assertFalse(
                home.contains("href=\"/mijn-modules\""), "no learner pages in the menu or on the start page: " + home);
        assertTrue(home.contains("Naar de toetsanalyse"));
        given().redirects()
                .follow(false)
                .get("/inloggen")
                .then()
                .statusCode(303)
                .header("Location", Matchers.endsWith("/toetsanalyse"));
        given().redirects().follow(false).get("/mijn-modules").then().statusCode(403);
        given().redirects().follow(false).get("/dekking").then().statusCode(403);
        given().redirects().follow(false).get("/register").then().statusCode(403);

        String list = page("/toetsanalyse");
        assertTrue(list.contains("<h1>Toetsanalyse</h1>"), list);
        assertTrue(list.contains("href=\"/toetsanalyse/" + MODULE + "\">" + module().title() + "</a>"), list);
        assertTrue(list.contains("nooit wie wat heeft geantwoord"));
    }

    @Test
    @TestSecurity(user = "itemstats-beheerder", roles = "beheerder")
    void theBeheerderHasItInTheMenuToo() {
        String home = page("/");
        assertTrue(
                home.contains("href=\"/toetsanalyse\">Toetsanalyse</a>") && home.contains("href=\"/mijn-modules\""),
                home);
        page("/toetsanalyse/" + MODULE);
    }

    @Test
    @TestSecurity(user = "itemstats-medewerker", roles = "medewerker")
    void aMedewerkerDoesNotSeeIt() {
        assertFalse(page("/mijn-modules").contains("/toetsanalyse"));
        given().redirects().follow(false).get("/toetsanalyse").then().statusCode(403);
        given().redirects()
                .follow(false)
                .get("/toetsanalyse/" + MODULE + "/export.csv")
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "itemstats-redacteur-2", roles = "redacteur")
    void theQuestionTable() {
        String html = page("/toetsanalyse/" + MODULE + "?versie=" + VERSION + "&sorteer=goed&volgorde=op");
        assertTrue(html.contains("<h1>Toetsanalyse: " + module().title() + "</h1>"), html);
        assertTrue(
                html.contains("24 ingeleverde pogingen in deze weergave (alle pogingen, versie " + VERSION + ")"),
                html);
        assertTrue(
                html.contains("<option value=\"" + VERSION + "\" selected>" + VERSION
                        + ": 6 januari 2026 t/m 6 januari 2026, 24 pogingen</option>"),
                html);
        assertTrue(html.contains("Wat betekenen de cijfers?") && html.contains("<details"), "the explanation");
        // sorted by % goed from low to high: Q1 (50 %) first, Q2 (100 %) second, questions without attempts after them
        int first = html.indexOf("/toetsanalyse/" + MODULE + "/" + q(1).id() + "?");
        int second = html.indexOf("/toetsanalyse/" + MODULE + "/" + q(2).id() + "?");
        int third = html.indexOf("/toetsanalyse/" + MODULE + "/" + q(3).id() + "?");
        assertTrue(first > 0 && first < second && second < third, "order Q1, Q2, Q3");
        assertTrue(html.contains("<td data-label=\"% goed\">50,0\u00a0%</td>"), html);
        assertTrue(html.contains("<td data-label=\"% goed\">100,0\u00a0%</td>"));
        assertTrue(html.contains("<span class=\"badge badge--warning\">Te makkelijk</span>"));
        assertTrue(html.contains("<td data-label=\"Discriminatie\">–</td>"), "Q2 everyone right: no discrimination");
        assertTrue(html.contains("Te weinig pogingen</td>"), "the questions without attempts in this version");
        // the sort links: the current column sorts the other way round and says how it is sorted now
        assertTrue(
                html.contains("<th scope=\"col\" aria-sort=\"ascending\"><a href=\"/toetsanalyse/" + MODULE
                        + "?weergave=alle&amp;versie=" + VERSION + "&amp;sorteer=goed&amp;volgorde=af\">% goed"),
                html);
        assertTrue(
                html.contains("href=\"/toetsanalyse/" + MODULE + "?weergave=alle&amp;versie=" + VERSION
                        + "&amp;sorteer=pogingen&amp;volgorde=af\">Pogingen"),
                html);
        // 25 per page
        int rows = html.split("<td data-label=\"Vraag\">", -1).length - 1;
        assertEquals(Math.min(25, module().questions().size()), rows);
        if (module().questions().size() > 25) {
            assertTrue(
                    html.contains("Pagina 1 van 2")
                            && html.contains("sorteer=goed&amp;volgorde=op&amp;pagina=2\" rel=\"next\""),
                    html);
            String page2 =
                    page("/toetsanalyse/" + MODULE + "?versie=" + VERSION + "&sorteer=goed&volgorde=op&pagina=2");
            assertTrue(page2.contains("Pagina 2 van 2") && page2.contains("rel=\"prev\""));
            assertFalse(page2.contains("/" + q(1).id() + "?"), "Q1 is on page 1");
        }
        assertTrue(
                html.contains("href=\"/toetsanalyse/" + MODULE + "/export.csv?weergave=alle&amp;versie=" + VERSION
                        + "&amp;sorteer=goed&amp;volgorde=op\" download"),
                html);
    }

    @Test
    @TestSecurity(user = "itemstats-redacteur-3", roles = "redacteur")
    void oneQuestionWithItsOptions() {
        Question q1 = q(1);
        String html = page("/toetsanalyse/" + MODULE + "/" + q1.id() + "?weergave=eerste&versie=" + VERSION);
        assertTrue(html.contains("<h1>Vraag 1</h1>") && html.contains(escape(q1.text())), html);
        assertTrue(html.contains("<dt>% goed</dt><dd>50,0\u00a0% (12 van 24)</dd>"), html);
        String correct = q1.correct().iterator().next();
        String text = q1.option(correct).orElseThrow().text();
        assertTrue(html.contains("<td data-label=\"Antwoord\">" + correct + ". " + escape(text) + "</td>"), html);
        assertTrue(html.contains("<td data-label=\"Aandeel van de pogingen\">50,0\u00a0%"), html);
        if (q1.options().size() > 2) {
            assertTrue(html.contains("Niemand koos dit") && html.contains("Ongekozen antwoord"), html);
            assertTrue(html.contains("<h2>Wat kun je doen?</h2>"));
        }
        // a question without attempts in this version
        String none = page("/toetsanalyse/" + MODULE + "/" + q(3).id() + "?versie=" + VERSION);
        assertTrue(none.contains("Te weinig pogingen: onder de 20 pogingen"), none);
        assertFalse(none.contains("Aandeel van de pogingen"), "no shares");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&#39;");
    }

    @Test
    @TestSecurity(user = "itemstats-redacteur-4", roles = "redacteur")
    void badParametersAndUnknownIds() {
        String bad = given().get("/toetsanalyse/" + MODULE + "?pagina=twee&weergave=sommige")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertTrue(bad.contains("De pagina is een heel getal vanaf 1.") && bad.contains("Kies alle pogingen"), bad);
        given().get("/toetsanalyse/" + MODULE + "?versie=<script>").then().statusCode(400);
        given().get("/toetsanalyse/" + MODULE + "?sorteer=kleur").then().statusCode(400);
        given().get("/toetsanalyse/bestaat-niet").then().statusCode(404);
        given().get("/toetsanalyse/" + MODULE + "/bestaat-niet").then().statusCode(404);
        given().get("/toetsanalyse/" + MODULE + "/export.csv?volgorde=zijwaarts")
                .then()
                .statusCode(400);
        // past the last page: an empty state, not an error
        String empty = page("/toetsanalyse/" + MODULE + "?versie=" + VERSION + "&pagina=9");
        assertTrue(empty.contains("Geen vragen op deze pagina."), empty);
    }

    @Test
    @TestSecurity(user = "itemstats-redacteur-5", roles = "redacteur")
    void theCsvExportForExcel() {
        byte[] bytes = given().get("/toetsanalyse/" + MODULE + "/export.csv?versie=" + VERSION + "&sorteer=goed")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"toetsanalyse-" + MODULE + "-alle-" + VERSION + ".csv\"")
                .extract()
                .asByteArray();
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(
                csv.startsWith(
                        "\uFEFFNr;Vraag-id;Vraag;Versies;Pogingen;Goed (aantal);% goed;Discriminatie;Signalen;Gekozen per antwoord\r\n"),
                csv);
        List<String> lines = csv.lines().toList();
        assertEquals(1 + module().questions().size(), lines.size(), "every question, not one page");
        assertTrue(lines.get(1).startsWith("1;" + q(1).id() + ";"), lines.get(1));
        assertTrue(lines.get(1).contains(";" + VERSION + ";24;12;50,0;"), lines.get(1));
        assertTrue(
                lines.get(2).startsWith("2;" + q(2).id() + ";") && lines.get(2).contains(";24;24;100,0;;Te makkelijk"),
                lines.get(2));
        String correct = q(1).correct().iterator().next();
        assertTrue(lines.get(1).contains(correct + ": 50,0\u00a0%"), lines.get(1));
        assertTrue(lines.get(3).contains(";0;;te weinig pogingen;;;"), lines.get(3));

        // text from the database that looks like a formula is neutralised
        String formula = new String(
                given().get("/toetsanalyse/" + MODULE + "/export.csv?versie=" + FORMULA_VERSION)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                StandardCharsets.UTF_8);
        String removed =
                formula.lines().filter(l -> l.contains("HYPERLINK")).findFirst().orElseThrow();
        // (an empty first cell is written as "" so that the line is not mistaken for an empty one)
        assertTrue(
                removed.startsWith("\"\";\"'=HYPERLINK(\"\"x\"\")\";(Deze vraag staat niet meer in de vragenbank.);"
                        + FORMULA_VERSION + ";20;20;100,0"),
                removed);
        assertTrue(formula.lines().noneMatch(l -> l.startsWith("=") || l.contains(";=")), formula);
    }
}
