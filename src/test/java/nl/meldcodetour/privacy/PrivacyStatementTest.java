/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The privacy statement at {@code /privacy}: public, in Dutch, linked from every page, and telling the same retention
 * periods as docs/privacy.md (the register of processing the statement is written from).
 */
@QuarkusTest
class PrivacyStatementTest {

    static final Pattern ENGLISH = Pattern.compile("(\\d+) (year|hour|day|week|month|minute)s?");
    static final Pattern DUTCH =
            Pattern.compile("(\\d+) (jaar|uur|dagen|dag|weken|week|maanden|maand|minuten|minuut)\\b");
    static final Map<String, String> UNITS = Map.of(
            "jaar", "year", "uur", "hour", "dag", "day", "dagen", "day", "week", "week", "weken", "week", "maand",
            "month", "maanden", "month", "minuut", "minute", "minuten", "minute");

    @Test
    void anyoneReadsThePrivacyStatementWithoutLoggingIn() {
        String page = given().redirects()
                .follow(false)
                .get("/privacy")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("<html lang=\"nl\">"))
                .body(containsString("<h1>Privacyverklaring</h1>"))
                .body(containsString("href=\"/mijn-gegevens\""))
                .body(containsString("Autoriteit Persoonsgegevens"))
                .extract()
                .asString();
        assertFalse(page.contains("docs/privacy.md"), "for people, not a file in the source code");
        // every page links to it in the footer
        for (String path : new String[] {"/", "/routekaart", "/privacy"}) {
            given().get(path)
                    .then()
                    .statusCode(200)
                    .body(containsString("<a href=\"/privacy\">Privacyverklaring</a>"))
                    .body(containsString("<a href=\"/begrippen\">Begrippenlijst</a>"));
        }
    }

    @Test
    void theStatementAndDocsPrivacyNameTheSameRetentionPeriods() throws IOException {
        String docs = Files.readString(Path.of("docs/privacy.md"));
        // the "kept" column of the table of personal fields, without what is in parentheses (how often a job runs)
        Set<String> documented = new TreeSet<>();
        for (String line : docs.lines().toList()) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                String kept = cells[cells.length - 1].isBlank() ? cells[cells.length - 2] : cells[cells.length - 1];
                Matcher m = ENGLISH.matcher(kept.replaceAll("\\([^)]*\\)", "").replace("*", ""));
                while (m.find()) {
                    documented.add(m.group(1) + " " + m.group(2));
                }
            }
        }
        assertTrue(
                documented.contains("5 year") && documented.contains("1 hour"),
                "read the table of docs/privacy.md: " + documented);

        String page = given().get("/privacy").then().statusCode(200).extract().asString();
        String table =
                page.substring(page.indexOf("<table"), page.indexOf("</table>")).replaceAll("<[^>]+>", " ");
        Set<String> stated = new TreeSet<>();
        Matcher m = DUTCH.matcher(table);
        while (m.find()) {
            stated.add(m.group(1) + " " + UNITS.get(m.group(2)));
        }
        assertEquals(documented, stated, "the retention periods of /privacy and of docs/privacy.md");
        assertTrue(docs.contains("`/privacy`"), "docs/privacy.md names the statement written from it");
    }
}
