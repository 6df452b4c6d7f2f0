/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.imports;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The register import on fixtures in the published layouts (src/test/resources/registers/README.md lists each case
 * and the expected counts): first import, the same file again, a later file with changes, closures and moves, a field
 * edited by hand that stays, gastouderopvang under its bureau, and the dashboard afterwards.
 */
@QuarkusTest
class RegisterImportTest {

    @Inject
    EntityManager em;

    final Tokens.TestUser beheerder = Tokens.newUser(null, "beheerder");

    static byte[] fixture(String name) {
        try (InputStream in = RegisterImportTest.class.getResourceAsStream("/registers/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonPath upload(String register, byte[] file, String fileDate) {
        return beheerder
                .given()
                .contentType("text/csv")
                .queryParam("fileDate", fileDate)
                .body(file)
                .post("/api/imports/registers/" + register)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    JsonPath confirm(JsonPath preview) {
        return beheerder
                .given()
                .post("/api/imports/registers/" + preview.getString("id") + "/confirm")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** name, gemeente, postcode, active, deactivated_on, source_type of the organisation with this register key. */
    Map<String, Object> organisation(String source, String key) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT name, gemeente, postcode, active, CAST(deactivated_on AS text), source_type, sector
                        FROM organisation WHERE source = ?1 AND source_key = ?2""")
                .setParameter(1, source)
                .setParameter(2, key)
                .getSingleResult();
        return Map.of(
                "name", row[0],
                "gemeente", row[1],
                "postcode", row[2] == null ? "" : row[2],
                "active", row[3],
                "deactivatedOn", row[4] == null ? "" : row[4],
                "type", row[5],
                "sector", row[6]);
    }

    /** Everything a preview would change, added up. */
    static int changes(JsonPath preview) {
        return preview.getInt("summary.added")
                + preview.getInt("summary.changed")
                + preview.getInt("summary.deactivated")
                + preview.getInt("summary.homesAdded")
                + preview.getInt("summary.homesChanged")
                + preview.getInt("summary.homesDeactivated");
    }

    /**
     * The dashboard's list of organisations without an aandachtsfunctionaris names this one (the figures are refreshed
     * after an import, in the background when many organisations changed at once).
     */
    static void assertWithoutAf(String gemeente, String sector, String name) {
        Tokens.TestUser regio = Tokens.newUser(null, "regio");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<String> names = regio.given()
                            .queryParam("gemeente", gemeente)
                            .queryParam("sector", sector)
                            .get("/api/coverage/organisations-without-af")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("items.name");
                    assertTrue(names.contains(name), names.toString());
                });
    }

    long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @Test
    void lrkImportReimportChangesAndHandEdits() {
        // lrk-1.csv: Windows-1252, quoted fields with ";" and "", a houder with nine locations, gastouderopvang
        JsonPath first = upload("lrk", fixture("lrk-1.csv"), "2026-11-01");
        assertEquals(32, first.getInt("rows"));
        assertEquals(5, first.getInt("outside"));
        assertEquals(1, first.getInt("notRegistered"));
        assertEquals(20, first.getInt("summary.added"));
        assertEquals(6, first.getInt("summary.homesAdded"));
        assertEquals(0, first.getInt("summary.deactivated"));
        assertEquals(List.of(), first.getList("errors"));
        JsonPath done = confirm(first);
        assertEquals(20, done.getInt("added"));
        assertEquals("kinderopvang", organisation("lrk", "210000001").get("sector"));
        assertEquals("KDV", organisation("lrk", "210000001").get("type"));
        assertEquals("1315", organisation("lrk", "210000001").get("postcode"));
        assertEquals(9, count("""
                SELECT count(*) FROM organisation WHERE source = 'lrk' AND kvk_number = '91827364'"""), "one houder, nine locations: each its own organisation");
        assertEquals(6, count("SELECT count(*) FROM childcare_home WHERE active"));
        assertEquals(
                0,
                count("SELECT count(*) FROM organisation WHERE source = 'lrk' AND gemeente NOT IN "
                        + "('Almere', 'Dronten', 'Lelystad', 'Noordoostpolder', 'Urk', 'Zeewolde')"));
        assertEquals(
                0,
                count("SELECT count(*) FROM organisation WHERE source = 'lrk' AND source_key = '210000020'"),
                "an Uitgeschreven record that was never in the register is not added");

        // the same file again: nothing to do
        JsonPath again = upload("lrk", fixture("lrk-1.csv"), "2026-11-01");
        assertEquals(0, changes(again), "the same file again: nothing to do");
        assertEquals(20, again.getInt("summary.unchanged"));

        // a beheerder corrects the name of a location by hand; the register later renames another field of it
        long edited = ((Number) em.createNativeQuery(
                                "SELECT id FROM organisation WHERE source = 'lrk' AND source_key = '210000061'")
                        .getSingleResult())
                .longValue();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "UPDATE organisation SET name = 'Kinderopvang Het Anker (hand)' WHERE id = ?1")
                        .setParameter(1, edited)
                        .executeUpdate());

        // lrk-2.csv: UTF-8 with BOM; a rename, a move Lelystad → Dronten, one Uitgeschreven, one gone, one moved out
        JsonPath second = upload("lrk", fixture("lrk-2.csv"), "2026-12-01");
        assertEquals(1, second.getInt("summary.added"));
        assertEquals(2, second.getInt("summary.changed"));
        assertEquals(3, second.getInt("summary.deactivated"));
        assertEquals(15, second.getInt("summary.unchanged"));
        assertEquals(1, second.getInt("summary.homesAdded"));
        assertEquals(6, second.getInt("outside"));
        List<Map<String, Object>> changed = second.getList("changed");
        Map<String, Object> moved = changed.stream()
                .filter(c -> c.get("key").equals("210000061"))
                .findFirst()
                .orElseThrow();
        assertTrue(moved.get("changes").toString().contains("gemeente"), moved.toString());
        assertEquals(List.of(), moved.get("kept"), "the hand edit is of a field the register did not change");
        List<String> reasons = second.getList("gone.reason");
        assertTrue(reasons.contains("uitgeschreven in het register"), reasons.toString());
        assertTrue(reasons.contains("niet meer in het register"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("Harderwijk")), reasons.toString());
        confirm(second);

        Map<String, Object> afterMove = organisation("lrk", "210000061");
        assertEquals("Dronten", afterMove.get("gemeente"));
        assertEquals("Kinderopvang Het Anker (hand)", afterMove.get("name"), "edited by hand: kept");
        assertEquals(Boolean.FALSE, organisation("lrk", "210000007").get("active"));
        assertEquals("2026-12-01", organisation("lrk", "210000007").get("deactivatedOn"), "from the file's date");
        assertEquals(Boolean.FALSE, organisation("lrk", "210000031").get("active"), "gone: deactivated, not deleted");
        assertEquals(Boolean.FALSE, organisation("lrk", "210000011").get("active"), "moved out of the region");

        // lrk-2.csv again: nothing
        JsonPath twice = upload("lrk", fixture("lrk-2.csv"), "2026-12-01");
        assertEquals(0, changes(twice), "the same file again: nothing to do");

        // the dashboard lists the imported kinderopvang without an aandachtsfunctionaris
        assertWithoutAf("Almere", "kinderopvang", "Kinderdagverblijf Zilvermeeuw Stadshart");
    }

    @Test
    void aRegisterChangeOfAFieldEditedByHandIsShownAndNotApplied() {
        // a kind of its own (so): "gone from the file" is judged per register and kind, so the other tests' records
        // are not touched by this one-row file
        String file =
                "VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM;GEMEENTENAAM\r\n"
                        + "99ZZ00;SO De Vlonder;Kade;1;8321 AA;URK;URK\r\n";
        JsonPath first = upload("duo-so", file.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(0, first.getList("errors").size());
        beheerder.given().post("/api/imports/registers/" + first.getString("id") + "/confirm");
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "UPDATE organisation SET name = 'SO De Vlonder Urk' WHERE source = 'duo' AND source_key = '99ZZ00'")
                        .executeUpdate());
        JsonPath second =
                upload("duo-so", file.replace("SO De Vlonder;", "SO Vlonder;").getBytes(StandardCharsets.UTF_8), null);
        Map<String, Object> changed = second.<Map<String, Object>>getList("changed").stream()
                .filter(c -> c.get("key").equals("99ZZ00"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of(), changed.get("changes"));
        assertEquals(
                List.of(Map.of("field", "name", "from", "SO De Vlonder Urk", "to", "SO Vlonder")), changed.get("kept"));
        assertEquals(1, second.getInt("summary.conflicts"));
        confirm(second);
        assertEquals("SO De Vlonder Urk", organisation("duo", "99ZZ00").get("name"));
    }

    @Test
    void duoFilesPerKindOfSchool() {
        JsonPath po1 = upload("duo-po", fixture("duo-po-1.csv"), "2026-10-01");
        assertEquals(26, po1.getInt("rows"));
        assertEquals(3, po1.getInt("outside"));
        assertEquals(23, po1.getInt("summary.added"));
        confirm(po1);
        Map<String, Object> emmeloord = organisation("duo", "91AG00");
        assertEquals("onderwijs", emmeloord.get("sector"));
        assertEquals("po", emmeloord.get("type"));

        // a vo file (comma-separated, quoted, UTF-8 with BOM) closes no po location
        JsonPath vo = upload("duo-vo", fixture("duo-vo-1.csv"), "2026-10-01");
        assertEquals(18, vo.getInt("summary.added"));
        assertEquals(0, vo.getInt("summary.deactivated"));
        confirm(vo);

        JsonPath po2 = upload("duo-po", fixture("duo-po-2.csv"), "2026-11-01");
        assertEquals(2, po2.getInt("summary.added"));
        assertEquals(2, po2.getInt("summary.changed"));
        assertEquals(1, po2.getInt("summary.deactivated"));
        assertEquals(20, po2.getInt("summary.unchanged"));
        confirm(po2);
        assertEquals("Dronten", organisation("duo", "92BC00").get("gemeente"));
        assertEquals(Boolean.FALSE, organisation("duo", "91AE00").get("active"));
        assertEquals("2026-11-01", organisation("duo", "91AE00").get("deactivatedOn"));
        assertEquals(Boolean.TRUE, organisation("duo", "91VA00").get("active"), "vo untouched by the po file");

        // the dashboard: imported schools count from the import date, without an aandachtsfunctionaris
        assertWithoutAf(
                "Dronten", "onderwijs", (String) organisation("duo", "92BC00").get("name"));
    }

    @Test
    void aFileThatIsNotTheChosenRegisterIsRefusedWithTheMissingColumns() {
        beheerder
                .given()
                .contentType("text/csv")
                .body(fixture("duo-po-1.csv"))
                .post("/api/imports/registers/lrk")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("violations[0].message", containsString("lrk_id"));
        beheerder
                .given()
                .contentType("text/csv")
                .body("x".getBytes(StandardCharsets.UTF_8))
                .post("/api/imports/registers/kadaster")
                .then()
                .statusCode(400)
                .body("violations[0].field", containsString("register"));
        beheerder
                .given()
                .contentType("text/csv")
                .queryParam("fileDate", LocalDate.now().plusDays(3).toString())
                .body(fixture("duo-po-1.csv"))
                .post("/api/imports/registers/duo-po")
                .then()
                .statusCode(400);
    }

    @Test
    void tenThousandRowsPreviewAndApply() {
        StringBuilder file = new StringBuilder(
                "VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM;GEMEENTENAAM\r\n");
        for (int i = 0; i < 10_000; i++) {
            file.append(String.format("Z%05d;Mbo-locatie %d;Werfweg;%d;1315 AA;ALMERE;ALMERE\r\n", i, i, i + 1));
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        JsonPath preview = upload("duo-mbo", bytes, null);
        long previewed = System.nanoTime();
        JsonPath done = confirm(preview);
        long applied = System.nanoTime();
        JsonPath again = upload("duo-mbo", bytes, null);
        long reread = System.nanoTime();
        System.out.printf(
                "register import of 10,000 rows: preview %d ms, apply %d ms, preview again (no change) %d ms%n",
                (previewed - start) / 1_000_000, (applied - previewed) / 1_000_000, (reread - applied) / 1_000_000);
        assertEquals(10_000, done.getInt("added"));
        assertEquals(10_000, again.getInt("summary.unchanged"));
        assertFalse(again.getList("added").size() > 0);
    }
}
