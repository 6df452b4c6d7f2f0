/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.imports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.meldcodetour.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CsvImportTest {

    @Inject
    EntityManager em;

    final Tokens.TestUser beheerder = Tokens.newUser(null, "beheerder");

    JsonPath preview(String csv) {
        return beheerder
                .given()
                .contentType("text/csv; charset=UTF-8")
                .body(csv)
                .post("/api/imports/organisations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    long count(String gemeente) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM organisation WHERE gemeente = ?1")
                        .setParameter(1, gemeente)
                        .getSingleResult())
                .longValue();
    }

    @Test
    void excelNlFileWithBomSemicolonsAndQuotesImportsAndReimportChangesNothing() {
        String gem = "Importgemeente " + tag();
        String csv = "\uFEFFNaam;KvK-nummer;Sector;Gemeente;Wijk;Postcode;Aantal medewerkers;Adres\r\n"
                + "\"Basisschool De Tjalk; locatie Oost\";;onderwijs;" + gem
                + ";Emmeloord;8302;30;\"Lange Nering 1\"\r\n"
                + "Thuiszorg Polderhof;;ouderenzorg;" + gem + ";Nagele;;12;\r\n";
        JsonPath p = preview(csv);
        assertEquals(2, p.getInt("rows"));
        assertEquals(2, p.getInt("validRows"));
        beheerder
                .given()
                .post("/api/imports/" + p.getString("id") + "/confirm")
                .then()
                .statusCode(200)
                .body("created", equalTo(2))
                .body("updated", equalTo(0));
        assertEquals(2, count(gem));
        beheerder
                .given()
                .queryParam("gemeente", gem)
                .queryParam("q", "locatie oost")
                .get("/api/organisations")
                .then()
                .body("items[0].name", equalTo("Basisschool De Tjalk; locatie Oost"));
        JsonPath again = preview(csv);
        beheerder
                .given()
                .post("/api/imports/" + again.getString("id") + "/confirm")
                .then()
                .statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(2));
        assertEquals(2, count(gem));
        // a changed cell updates that one organisation
        JsonPath changed = preview(csv.replace("Nagele;;12", "Nagele;;14"));
        beheerder
                .given()
                .post("/api/imports/" + changed.getString("id") + "/confirm")
                .then()
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(1));
    }

    @Test
    void commaSeparatedFilesWorkToo() {
        String gem = "Kommagemeente " + tag();
        JsonPath p = preview("naam,sector,gemeente\nKinderopvang Het Zeepaard,kinderopvang," + gem + "\n");
        assertEquals(1, p.getInt("validRows"));
        beheerder
                .given()
                .post("/api/imports/" + p.getString("id") + "/confirm")
                .then()
                .body("created", equalTo(1));
    }

    @Test
    void rowErrorsNameLineColumnAndReasonAndNothingIsWrittenUnlessAsked() {
        String gem = "Foutgemeente " + tag();
        String csv = "naam;sector;gemeente;postcode;kvk\n"
                + "Goede school;onderwijs;" + gem + ";8302;\n"
                + "Slechte postcode;onderwijs;" + gem + ";83X2;\n"
                + ";onderwijs;" + gem + ";;\n"
                + "Rare sector;sterrenkunde;" + gem + ";;\n"
                + "Korte kvk;onderwijs;" + gem + ";;1234\n"
                + "Goede school;onderwijs;" + gem + ";8302;\n";
        JsonPath p = preview(csv);
        assertEquals(6, p.getInt("rows"));
        assertEquals(1, p.getInt("validRows"));
        assertTrue(p.getList("errors.line").containsAll(List.of(3, 4, 5, 6, 7)), p.prettify());
        assertEquals("postcode", p.getString("errors.find { it.line == 3 }.column"));
        assertEquals("naam", p.getString("errors.find { it.line == 4 }.column"));
        assertEquals("sector", p.getString("errors.find { it.line == 5 }.column"));
        assertEquals("kvk", p.getString("errors.find { it.line == 6 }.column"));
        assertTrue(p.getString("errors.find { it.line == 7 }.message").contains("dubbel"), p.prettify());
        beheerder
                .given()
                .post("/api/imports/" + p.getString("id") + "/confirm")
                .then()
                .statusCode(400)
                .body("violations[0].message", containsString("alleen de goede regels"));
        assertEquals(0, count(gem));
        beheerder
                .given()
                .queryParam("onlyValid", true)
                .post("/api/imports/" + p.getString("id") + "/confirm")
                .then()
                .statusCode(200)
                .body("created", equalTo(1))
                .body("skipped", equalTo(5));
        assertEquals(1, count(gem));
    }

    @Test
    void unreadableFilesGetOneClearMessage() {
        beheerder
                .given()
                .contentType("text/csv")
                .body("naam\tsector\tgemeente\nA\tonderwijs\tUrk\n")
                .post("/api/imports/organisations")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("file"))
                .body("violations[0].message", containsString("Deze kolommen ontbreken"));
        beheerder
                .given()
                .contentType("text/csv")
                .body("naam;gemeente\nA;Urk\n")
                .post("/api/imports/organisations")
                .then()
                .statusCode(400)
                .body("violations[0].message", containsString("sector"));
        beheerder
                .given()
                .contentType("text/csv")
                .body("")
                .post("/api/imports/organisations")
                .then()
                .statusCode(400);
        beheerder
                .given()
                .contentType("text/csv")
                .body("naam;sector;gemeente\n\"open quote;onderwijs;Urk\n")
                .post("/api/imports/organisations")
                .then()
                .statusCode(400);
        Tokens.newUser(null, "gemeente")
                .given()
                .contentType("text/csv")
                .body("naam;sector;gemeente\n")
                .post("/api/imports/organisations")
                .then()
                .statusCode(403);
    }

    @Test
    void tenThousandRows() {
        String gem = "Grotegemeente " + tag();
        StringBuilder csv = new StringBuilder("naam;sector;gemeente;wijk;postcode;medewerkers\n");
        for (int i = 1; i <= 10_000; i++) {
            csv.append("Organisatie ")
                    .append(i)
                    .append(";onderwijs;")
                    .append(gem)
                    .append(";Emmeloord;8302;")
                    .append(i % 90)
                    .append('\n');
        }
        long start = System.nanoTime();
        JsonPath p = preview(csv.toString());
        assertEquals(10_000, p.getInt("validRows"));
        beheerder
                .given()
                .post("/api/imports/" + p.getString("id") + "/confirm")
                .then()
                .statusCode(200)
                .body("created", equalTo(10_000));
        assertEquals(10_000, count(gem));
        System.out.printf("10,000-row import (preview + confirm): %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void anAfImportsTheirOwnStaffListOnly() {
        long own = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Eigen " + tag(), "sector", "onderwijs", "gemeente", "Urk"))
                .post("/api/organisations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long other = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Ander " + tag(), "sector", "onderwijs", "gemeente", "Urk"))
                .post("/api/organisations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Tokens.TestUser af = Tokens.newUser(null, "aandachtsfunctionaris");
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "AF", "email", af.subject() + "@example.org"))
                .post("/api/organisations/" + own + "/aandachtsfunctionarissen")
                .then()
                .statusCode(201);
        String staff = "Naam;E-mailadres;Functie;Startdatum\n"
                + "Anouk de Boer;anouk." + tag() + "@example.org;Leerkracht;01-09-2024\n"
                + "Bart Bakker;bart." + tag() + "@example.org;intern-begeleider;\n"
                + "Foute Functie;fout@example.org;astronaut;\n";
        JsonPath p = af.given()
                .contentType("text/csv")
                .body(staff)
                .post("/api/organisations/" + own + "/staff/import")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, p.getInt("validRows"));
        assertEquals("functie", p.getString("errors[0].column"));
        af.given()
                .queryParam("onlyValid", true)
                .post("/api/imports/" + p.getString("id") + "/confirm")
                .then()
                .statusCode(200)
                .body("created", equalTo(2));
        af.given()
                .get("/api/organisations/" + own + "/staff")
                .then()
                .body("", hasSize(2))
                .body("functionId", hasItem("leerkracht"));
        af.given()
                .contentType("text/csv")
                .body(staff)
                .post("/api/organisations/" + other + "/staff/import")
                .then()
                .statusCode(404);
        // someone else cannot confirm this person's import
        JsonPath second = af.given()
                .contentType("text/csv")
                .body(staff)
                .post("/api/organisations/" + own + "/staff/import")
                .then()
                .extract()
                .jsonPath();
        beheerder
                .given()
                .post("/api/imports/" + second.getString("id") + "/confirm")
                .then()
                .statusCode(404);
        af.given()
                .queryParam("onlyValid", true)
                .post("/api/imports/" + second.getString("id") + "/confirm")
                .then()
                .body("created", equalTo(0))
                .body("unchanged", equalTo(2));
    }

    @Test
    void repeatedUploadsKeepAtMostThreePreviewsPerPerson() {
        // issue #28, point 7: ten uploads of a large file used to keep ten copies for a day
        Tokens.TestUser someone = Tokens.newUser(null, "beheerder");
        StringBuilder big = new StringBuilder("naam;sector;gemeente;opmerking\n");
        while (big.length() < 1_000_000) {
            big.append("Organisatie ")
                    .append(big.length())
                    .append(";onderwijs;Urk;")
                    .append("x".repeat(200))
                    .append('\n');
        }
        String last = null;
        for (int i = 0; i < 10; i++) {
            last = someone.given()
                    .contentType("text/csv")
                    .body(big.toString())
                    .post("/api/imports/organisations")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getString("id");
        }
        long kept = ((Number) QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("SELECT count(*) FROM csv_import WHERE created_by = ?1")
                                .setParameter(1, someone.subject())
                                .getSingleResult()))
                .longValue();
        assertEquals(3, kept, "previews kept for one person");
        // the newest can still be confirmed
        someone.given()
                .queryParam("onlyValid", true)
                .post("/api/imports/" + last + "/confirm")
                .then()
                .statusCode(200);
    }

    long stored(String actor, String what) {
        return ((Number) QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery(
                                        "SELECT coalesce(" + what + ", 0) FROM csv_import WHERE created_by = ?1")
                                .setParameter(1, actor)
                                .getSingleResult()))
                .longValue();
    }

    @Test
    void uploadsBeyondTenInTenMinutesGet429WithADutchMessage() {
        // issue #28, point 7: every upload is read, parsed and kept as a preview; a script could repeat it without end
        Tokens.TestUser someone = Tokens.newUser(null, "beheerder");
        long own = someone.given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Limiet " + tag(), "sector", "onderwijs", "gemeente", "Urk"))
                .post("/api/organisations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        for (int i = 0; i < 10; i++) {
            // organisations and staff lists count together
            String path = i % 2 == 0 ? "/api/imports/organisations" : "/api/organisations/" + own + "/staff/import";
            String csv = i % 2 == 0
                    ? "naam;sector;gemeente\nA;onderwijs;Urk\n"
                    : "naam;e-mail;functie\nA;a@example.org;leerkracht\n";
            someone.given().contentType("text/csv").body(csv).post(path).then().statusCode(200);
        }
        for (String path : List.of("/api/imports/organisations", "/api/organisations/" + own + "/staff/import")) {
            someone.given()
                    .contentType("text/csv")
                    .body("naam;sector;gemeente\nB;onderwijs;Urk\n")
                    .post(path)
                    .then()
                    .statusCode(429)
                    .header("Retry-After", Matchers.notNullValue())
                    .body("title", containsString("Je hebt in korte tijd te veel bestanden geüpload."))
                    .body(
                            "title",
                            Matchers.matchesPattern(".*Wacht \\d+ (seconden?|minuten) en probeer het dan opnieuw\\."));
        }
        // someone else is not affected
        Tokens.newUser(null, "beheerder")
                .given()
                .contentType("text/csv")
                .body("naam;sector;gemeente\nC;onderwijs;Urk\n")
                .post("/api/imports/organisations")
                .then()
                .statusCode(200);
    }

    @Test
    void aLargeFileThatCannotBeReadStoresNothing() {
        Tokens.TestUser someone = Tokens.newUser(null, "beheerder");
        StringBuilder rows = new StringBuilder();
        while (rows.length() < 6_000_000) {
            rows.append("Organisatie ")
                    .append(rows.length())
                    .append(";onderwijs;Urk;")
                    .append("x".repeat(200))
                    .append('\n');
        }
        // required columns missing
        someone.given()
                .contentType("text/csv")
                .body("naam;branche;plaats;opmerking\n" + rows)
                .post("/api/imports/organisations")
                .then()
                .statusCode(400)
                .body("violations[0].message", containsString("Deze kolommen ontbreken"));
        // broken at the very end: an open quote
        someone.given()
                .contentType("text/csv")
                .body("naam;sector;gemeente;opmerking\n" + rows + "\"open;onderwijs;Urk;x\n")
                .post("/api/imports/organisations")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("file"));
        assertEquals(0, stored(someone.subject(), "count(*)"), "nothing is kept of a file that could not be read");
    }

    @Test
    void aPreviewKeepsOnlyTheGoodRowsWithTheirKnownColumns() {
        // issue #28, point 7: a preview used to keep the whole uploaded file (up to 8 MB) whatever it held
        Tokens.TestUser someone = Tokens.newUser(null, "beheerder");
        String gem = "Opslaggemeente " + tag();
        StringBuilder csv = new StringBuilder("naam;sector;gemeente;opmerking\n");
        for (int i = 1; i <= 3; i++) {
            // a column the import does not know: 100 KB each
            csv.append("School ")
                    .append(i)
                    .append(";onderwijs;")
                    .append(gem)
                    .append(';')
                    .append("x".repeat(100_000))
                    .append('\n');
        }
        for (int i = 1; i <= 20; i++) {
            // a name far too long: a row with an error, 200 KB each
            csv.append("y".repeat(200_000)).append(";onderwijs;").append(gem).append(";\n");
        }
        JsonPath p = preview(someone, csv.toString());
        assertEquals(23, p.getInt("rows"));
        assertEquals(3, p.getInt("validRows"));
        long bytes = stored(someone.subject(), "sum(octet_length(content))");
        // the good rows' known columns, and the preview its page shows again (counts, one line per error): no file
        // content
        assertTrue(
                bytes > 0 && bytes < 3_000,
                "a preview of 3 good rows (of a " + csv.length() / 1_000_000 + " MB file) keeps " + bytes + " bytes");
        assertEquals(
                0,
                stored(
                        someone.subject(),
                        "sum(CASE WHEN content LIKE '%xxxxxxxxxx%' OR content LIKE '%yyyyyyyyyy%' THEN 1 END)"),
                "neither the unknown column nor the too long names are kept");
        // the rows with errors are not kept, but still count: confirming all of them is refused, only the good ones go
        // in
        someone.given()
                .post("/api/imports/" + p.getString("id") + "/confirm")
                .then()
                .statusCode(400)
                .body("violations[0].message", containsString("alleen de goede regels"));
        someone.given()
                .queryParam("onlyValid", true)
                .post("/api/imports/" + p.getString("id") + "/confirm")
                .then()
                .statusCode(200)
                .body("created", equalTo(3))
                .body("skipped", equalTo(20));
        assertEquals(3, count(gem));
        beheerder
                .given()
                .queryParam("gemeente", gem)
                .queryParam("q", "School 2")
                .get("/api/organisations")
                .then()
                .body("items[0].name", equalTo("School 2"));
    }

    @Inject
    CsvImportService imports;

    @Inject
    Scheduler scheduler;

    @Test
    void previewsOlderThanAnHourArePurgedEveryFifteenMinutes() {
        Tokens.TestUser someone = Tokens.newUser(null, "beheerder");
        String old =
                preview(someone, "naam;sector;gemeente\nOud;onderwijs;Urk\n").getString("id");
        String recent =
                preview(someone, "naam;sector;gemeente\nRecent;onderwijs;Urk\n").getString("id");
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE csv_import SET created_at = now() - interval '61 minutes' WHERE id = ?1")
                    .setParameter(1, UUID.fromString(old))
                    .executeUpdate();
            em.createNativeQuery("UPDATE csv_import SET created_at = now() - interval '59 minutes' WHERE id = ?1")
                    .setParameter(1, UUID.fromString(recent))
                    .executeUpdate();
        });
        assertTrue(imports.purgePreviews() >= 1);
        someone.given()
                .queryParam("onlyValid", true)
                .post("/api/imports/" + old + "/confirm")
                .then()
                .statusCode(404);
        someone.given()
                .queryParam("onlyValid", true)
                .post("/api/imports/" + recent + "/confirm")
                .then()
                .statusCode(200);
        // the job runs every 15 minutes (not nightly), the first time a minute after the start
        Trigger job = scheduler.getScheduledJob(CsvImportService.PURGE_JOB);
        Assertions.assertNotNull(job, "the purge is a scheduled job");
        Instant next = job.getNextFireTime();
        assertTrue(
                next != null && !next.isAfter(Instant.now().plus(Duration.ofMinutes(16))),
                "next purge within 16 minutes: " + next);
    }

    JsonPath preview(Tokens.TestUser who, String csv) {
        return who.given()
                .contentType("text/csv; charset=UTF-8")
                .body(csv)
                .post("/api/imports/organisations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
