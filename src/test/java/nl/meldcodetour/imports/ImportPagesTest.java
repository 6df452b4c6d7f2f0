/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.persistence.EntityManager;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meldcodetour.testsupport.Csrf;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class ImportPagesTest {

    @jakarta.inject.Inject
    EntityManager em;

    static String importId(String html) {
        Matcher m = Pattern.compile("/import/([0-9a-f-]{36})/bevestigen").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    /** Uploads a file as the browser does: the POST answers with a redirect (post/redirect/get) to the preview page. */
    public static ValidatableResponse upload(String path, String name, byte[] csv) {
        Response posted = given().filter(Csrf.FORM)
                .multiPart("bestand", name, csv, "text/csv")
                .redirects()
                .follow(false)
                .post(path);
        posted.then().statusCode(303).header("Location", Matchers.matchesPattern(".*/import/[0-9a-f-]{36}$"));
        return given().redirects()
                .follow(false)
                .get(posted.header("Location"))
                .then()
                .statusCode(200);
    }

    /** Confirms as the browser does: a redirect to the import's page, which shows the outcome. */
    public static ValidatableResponse confirm(String id, boolean onlyValid) {
        var request = given().filter(Csrf.FORM)
                .contentType(ContentType.URLENC)
                .redirects()
                .follow(false);
        if (onlyValid) {
            request.formParam("alleenGoede", "ja");
        }
        request.post("/import/" + id + "/bevestigen")
                .then()
                .statusCode(303)
                .header("Location", Matchers.endsWith("/import/" + id));
        return given().redirects().follow(false).get("/import/" + id).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "import-pages-beheerder", roles = "beheerder")
    void uploadPreviewAndConfirmOnlyTheValidRows() {
        String gem = "Uploadgemeente " + UUID.randomUUID().toString().substring(0, 6);
        String csv = "naam;sector;gemeente;postcode\nGoed;onderwijs;" + gem + ";8302\nFout;onderwijs;" + gem + ";abc\n";
        given().get("/import/organisaties")
                .then()
                .statusCode(200)
                .body(containsString("enctype=\"multipart/form-data\""));
        String preview = upload("/import/organisaties", "org.csv", csv.getBytes(StandardCharsets.UTF_8))
                .body(containsString(
                        "2 regels gelezen. 1 regel is goed, 1 heeft een fout. Er is nog niets opgeslagen."))
                .body(containsString("postcode"))
                .body(containsString("Importeer alleen de goede regel en sla de fouten over"))
                // the good row as it will be stored, the bad one not
                .body(containsString("<td>Goed</td><td>onderwijs</td><td>" + gem + "</td><td>8302</td>"))
                .body(not(containsString("<td>Fout</td>")))
                .extract()
                .asString();
        String id = importId(preview);
        // without the tick nothing is imported: back to the preview, which says why
        String refused = Csrf.followRefused(
                given(),
                given().filter(Csrf.FORM)
                        .contentType(ContentType.URLENC)
                        .formParam("x", "")
                        .redirects()
                        .follow(false)
                        .post("/import/" + id + "/bevestigen"));
        assertTrue(
                refused.contains("Er is niets geïmporteerd")
                        && refused.contains("kies ervoor alleen de goede regels te importeren")
                        && refused.contains("/import/" + id + "/bevestigen"),
                refused);
        confirm(id, true).body(containsString("Nieuw: 1")).body(containsString("Overgeslagen door fouten: 1"));
        // reloading the outcome (or coming back to it) shows it again and imports nothing
        given().get("/import/" + id).then().statusCode(200).body(containsString("Nieuw: 1"));
        assertEquals(
                1L,
                ((Number) QuarkusTransaction.requiringNew()
                                .call(() -> em.createNativeQuery(
                                                "SELECT count(*) FROM organisation WHERE gemeente = ?1")
                                        .setParameter(1, gem)
                                        .getSingleResult()))
                        .longValue());
    }

    @Test
    @TestSecurity(user = "import-pages-many-errors", roles = "beheerder")
    void aFileWithManyBadRowsShowsTheFirstHundredErrors() {
        String gem = "Foutgemeente " + UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("naam;sector;gemeente;postcode\nGoed;onderwijs;" + gem + ";8302\n");
        for (int i = 1; i <= 250; i++) {
            csv.append("Fout ").append(i).append(";onderwijs;").append(gem).append(";abc\n");
        }
        String page = upload("/import/organisaties", "org.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .body(containsString("251 regels gelezen. 1 regel is goed, 250 hebben een fout."))
                .body(containsString("Hier staan alleen de eerste 100 fouten"))
                .extract()
                .asString();
        // line 1 is the header, the good row line 2: the bad rows are lines 3..252, of which 3..102 are listed
        assertTrue(
                page.contains("<td>102</td>") && !page.contains("<td>103</td>"), "the first 100 errors, not the rest");
        assertEquals(100, page.split("<td>postcode</td>", -1).length - 1);
    }

    @Test
    @TestSecurity(user = "import-pages-someone-else", roles = "beheerder")
    void anotherPersonsImportIsNotFound() {
        String other = QuarkusTransaction.requiringNew().call(() -> {
            UUID id = UUID.randomUUID();
            em.createNativeQuery(
                            "INSERT INTO csv_import (id, kind, content, created_by) VALUES (?1, 'organisations', '{}', 'iemand-anders')")
                    .setParameter(1, id)
                    .executeUpdate();
            return id.toString();
        });
        given().get("/import/" + other).then().statusCode(404);
        given().get("/import/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "import-pages-beheerder-stored", roles = "beheerder")
    void thePreviewShowsTheValuesAsTheyWillBeStored() {
        String gem = "Opslaggemeente " + UUID.randomUUID().toString().substring(0, 6);
        // the register keeps the 4 digits of a postcode and the digits of a KvK number, the sector by its id
        String kvk = String.valueOf(10_000_000 + new Random().nextInt(89_999_999));
        String csv = "naam;kvk;sector;gemeente;postcode\n  Opslagschool  ;" + kvk.substring(0, 4) + " "
                + kvk.substring(4) + ";Onderwijs;" + gem + ";8321 ab\n";
        String preview = upload("/import/organisaties", "org.csv", csv.getBytes(StandardCharsets.UTF_8))
                .body(containsString("zoals ze worden opgeslagen"))
                .body(containsString(
                        "<td>Opslagschool</td><td>" + kvk + "</td><td>onderwijs</td><td>" + gem + "</td><td>8321</td>"))
                .extract()
                .asString();
        assertFalse(
                preview.contains("8321 ab") || preview.contains(kvk.substring(0, 4) + " "), "not the file's spelling");
        confirm(importId(preview), false).body(containsString("Nieuw: 1"));
        long org = ((Number) QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("SELECT id FROM organisation WHERE gemeente = ?1")
                                .setParameter(1, gem)
                                .getSingleResult()))
                .longValue();
        // and stored exactly so
        assertEquals(
                "8321|" + kvk + "|onderwijs",
                QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery(
                                        "SELECT postcode || '|' || kvk_number || '|' || sector FROM organisation WHERE id = ?1")
                                .setParameter(1, org)
                                .getSingleResult()));
        // a staff list: the address in lower case, the function by its name, the date in Dutch
        upload(
                        "/import/medewerkers/" + org,
                        "staff.csv",
                        ("naam;e-mail;functie;startdatum\nSanne Opslag ;Sanne.Opslag@Example.ORG;leerkracht;1-9-2025\n")
                                .getBytes(StandardCharsets.UTF_8))
                .body(
                        containsString(
                                "<td>Sanne Opslag</td><td>sanne.opslag@example.org</td><td>Leerkracht</td><td>1 september 2025</td>"));
    }

    @Test
    @TestSecurity(user = "import-pages-beheerder-2", roles = "beheerder")
    void emptyOrUnreadableUploadsExplainWhat() {
        // back to the upload form (post/redirect/get), which says what is wrong
        String empty = Csrf.followRefused(
                given(),
                given().filter(Csrf.FORM)
                        .multiPart("bestand", "leeg.csv", new byte[0], "text/csv")
                        .redirects()
                        .follow(false)
                        .post("/import/organisaties"));
        assertTrue(empty.contains("Kies een CSV-bestand.") && empty.contains("enctype=\"multipart/form-data\""), empty);
        String columns = Csrf.followRefused(
                given(),
                given().filter(Csrf.FORM)
                        .multiPart("bestand", "x.csv", "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                        .redirects()
                        .follow(false)
                        .post("/import/organisaties"));
        assertTrue(columns.contains("Deze kolommen ontbreken"), columns);
    }

    @Test
    @TestSecurity(user = "import-pages-beheerder-limit", roles = "beheerder")
    void theEleventhUploadInTenMinutesGetsAPageThatSaysToWait() {
        byte[] csv = "naam;sector;gemeente\nA;onderwijs;Urk\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 10; i++) {
            upload("/import/organisaties", "org.csv", csv);
        }
        given().filter(Csrf.FORM)
                .multiPart("bestand", "org.csv", csv, "text/csv")
                .post("/import/organisaties")
                .then()
                .statusCode(429)
                .contentType(containsString("text/html"))
                .header("Retry-After", Matchers.notNullValue())
                .body(containsString("Even wachten"))
                .body(containsString("Je hebt in korte tijd te veel bestanden geüpload."));
    }

    @Test
    @TestSecurity(user = "import-pages-gemeente", roles = "gemeente")
    void theGemeenteCannotImport() {
        given().get("/import/organisaties").then().statusCode(403);
    }

    @Test
    void excelWindows1252FilesAreReadCorrectly() {
        byte[] cp1252 =
                "naam;sector;gemeente\nCrèche Zonneweide;kinderopvang;Urk\n".getBytes(Charset.forName("windows-1252"));
        assertEquals("naam;sector;gemeente\nCrèche Zonneweide;kinderopvang;Urk\n", ImportPages.decode(cp1252));
        byte[] utf8 = "\uFEFFnaam;sector\nCrèche;kinderopvang\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("\uFEFFnaam;sector\nCrèche;kinderopvang\n", ImportPages.decode(utf8));
    }
}
