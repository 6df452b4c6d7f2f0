/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.certificates;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.core.web.Formats;
import nl.meldcodetour.testsupport.Quizzes;
import nl.meldcodetour.testsupport.Tokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CertificateTest {

    static final String MODULE = "meldcode-in-5-stappen";

    @Inject
    ContentService content;

    @Inject
    EntityManager em;

    /** Passes the core module through the real quiz API. */
    void pass(Tokens.TestUser user) {
        Quizzes.pass(user, content.catalog().module(MODULE).orElseThrow());
    }

    static String text(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void passingAModuleIssuesACertificateThatAnyoneCanVerify() throws Exception {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        pass(user);
        JsonPath list = user.given()
                .get("/api/certificates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, list.getList("$").size());
        String code = list.getString("[0].verificationCode");
        assertTrue(code.matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}"), code);
        assertTrue(list.getBoolean("[0].valid"));
        assertEquals(LocalDate.now(ClockProducer.ZONE).toString(), list.getString("[0].completedOn"));
        assertTrue(list.getString("[0].verificationUrl").endsWith("/verificatie/" + code));

        byte[] pdf = user.given()
                .get("/api/certificates/" + list.getString("[0].id") + "/pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        String text = text(pdf);
        String name = "Test " + user.subject().substring(0, 13);
        assertTrue(text.contains(name), text);
        assertTrue(
                text.contains("De meldcode in 5 stappen")
                        || text.contains(
                                content.catalog().module(MODULE).orElseThrow().title()),
                text);
        assertTrue(text.contains(code), text);
        assertTrue(text.contains("geldig tot en met"), text);
        // issue #30, point 6: the module's version and its date, not the 12-character content code
        var module = content.catalog().module(MODULE).orElseThrow();
        assertTrue(
                text.contains(
                        "Versie van de inhoud: " + module.version() + " (" + Formats.dutch(module.versionDate()) + ")"),
                text);
        assertFalse(text.contains(content.catalog().version()), text);
        assertEquals(module.versionLabel().orElseThrow(), list.getString("[0].contentVersion"));

        String page = RestAssured.given()
                .redirects()
                .follow(false)
                .get("/verificatie/" + code)
                .then()
                .statusCode(200)
                .header("X-Robots-Tag", containsString("noindex"))
                .extract()
                .asString();
        assertTrue(page.contains("Geldig.") && page.contains(name), page);
        assertFalse(page.contains("@example.org"), "no e-mail address: not on the certificate either");
        // typed sloppily: lower case, spaces, O for 0 — redirected to the canonical code
        String sloppy = code.toLowerCase().replace("-", " ").replace('0', 'o');
        RestAssured.given()
                .redirects()
                .follow(false)
                .queryParam("code", sloppy)
                .get("/verificatie")
                .then()
                .statusCode(303)
                .header("Location", containsString("/verificatie/" + code));
    }

    @Test
    void expiredAndUnknownCertificatesSaySo() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        user.given().get("/api/me").then().statusCode(200);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                INSERT INTO completion (id, person_id, module_id, content_version, score, completed_at, valid_until)
                SELECT ?1, id, ?2, 'oud', 80, now() - interval '400 days', current_date - 35 FROM person WHERE subject = ?3""")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, MODULE)
                        .setParameter(3, user.subject())
                        .executeUpdate());
        // a completion from before certificates existed gets its certificate when the holder looks
        JsonPath list = user.given()
                .get("/api/certificates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertFalse(list.getBoolean("[0].valid"));
        // completed before the module's current version was published: that version is not known, the code stays
        assertEquals("oud", list.getString("[0].contentVersion"));
        RestAssured.given()
                .get("/verificatie/" + list.getString("[0].verificationCode"))
                .then()
                .statusCode(200)
                .body(containsString("Verlopen."));
        String unknown = VerificationCode.display(VerificationCode.generate());
        RestAssured.given()
                .get("/verificatie/" + unknown)
                .then()
                .statusCode(404)
                .body(containsString("Onbekend."));
        RestAssured.given()
                .get("/verificatie/<script>alert(1)</script>")
                .then()
                .statusCode(404)
                .body(not(containsString("<script>alert")));
        RestAssured.given()
                .queryParam("code", "1234")
                .get("/verificatie")
                .then()
                .statusCode(400)
                .body(containsString("20 tekens"));
    }

    @Test
    void nobodyElseCanDownloadMyCertificate() throws Exception {
        Tokens.TestUser owner = Tokens.newUser(null, "medewerker");
        pass(owner);
        String id = owner.given()
                .get("/api/certificates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("[0].id");
        Tokens.TestUser other = Tokens.newUser(null, "beheerder");
        other.given().get("/api/certificates/" + id + "/pdf").then().statusCode(404);
        other.given()
                .get("/api/certificates/" + UUID.randomUUID() + "/pdf")
                .then()
                .statusCode(404);
        other.given().get("/api/certificates/../../etc/passwd/pdf").then().statusCode(404);
        RestAssured.given().get("/api/certificates/" + id + "/pdf").then().statusCode(401);
        other.given().get("/api/certificates").then().statusCode(200).body("size()", Matchers.equalTo(0));

        pass(owner); // a second pass: a second certificate
        byte[] zip = owner.given()
                .get("/api/certificates/zip")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        int pdfs = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertTrue(
                        e.getName().matches("certificaat-[a-z0-9-]+-\\d{4}-\\d{2}-\\d{2}-[0-9A-Z]{4}\\.pdf"),
                        e.getName());
                assertTrue(text(in.readAllBytes()).contains("Certificaat"));
                pdfs++;
            }
        }
        assertEquals(2, pdfs);
    }

    @Test
    void codesCarryAHundredRandomBitsAndForgiveTypos() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            String c = VerificationCode.generate();
            assertEquals(20, c.length());
            assertTrue(c.chars().allMatch(ch -> VerificationCode.ALPHABET.indexOf(ch) >= 0), c);
            codes.add(c);
        }
        assertEquals(5000, codes.size());
        assertEquals(32, VerificationCode.ALPHABET.length()); // 5 bits per character × 20 = 100 bits
        assertEquals(
                "0123456789ABCDEFGHJK",
                VerificationCode.normalise("oI23-4567 89ab-cdef-ghjk")
                        .orElseThrow()
                        .replace("1", "1"));
        assertTrue(VerificationCode.normalise("0123456789ABCDEFGHJU").isEmpty(), "U is not in the alphabet");
        assertTrue(VerificationCode.normalise("0123").isEmpty());
    }

    @Test
    void anUnusualNameNeverBreaksTheCertificate() throws Exception {
        Certificate c = new Certificate();
        c.id = UUID.randomUUID();
        c.code = VerificationCode.generate();
        c.holderName = "Şükrü Çelik-Øster 张伟 \u0007";
        c.moduleId = MODULE;
        c.moduleTitle = "De meldcode in 5 stappen";
        c.completedOn = LocalDate.of(2026, 1, 31);
        c.validUntil = LocalDate.of(2027, 1, 31);
        c.contentVersion = "abc";
        c.issuer = "Meldcodetour";
        String text = text(CertificatePdf.render(c, "https://example.org/verificatie/" + c.displayCode()));
        assertTrue(text.contains("Şükrü Çelik-Øster"), text);
        assertTrue(text.contains("31 januari 2026") && text.contains("31 januari 2027"), text);
    }

    @Test
    @io.quarkus.test.security.TestSecurity(user = "cert-page-user", roles = "medewerker")
    void thePageListsMyCertificatesOrSaysThereAreNone() {
        RestAssured.given()
                .get("/certificaten")
                .then()
                .statusCode(200)
                .body(containsString("Je hebt nog geen certificaten"));
        RestAssured.given()
                .get("/certificaten/" + UUID.randomUUID() + ".pdf")
                .then()
                .statusCode(404);
        RestAssured.given().get("/certificaten/alle.zip").then().statusCode(200).contentType("application/zip");
    }

    @Test
    void anonymousVisitorsAreSentToTheLogin() {
        RestAssured.given()
                .redirects()
                .follow(false)
                .get("/certificaten")
                .then()
                .statusCode(302);
        RestAssured.given().get("/verificatie").then().statusCode(200).body(containsString("Verificatiecode"));
    }
}
