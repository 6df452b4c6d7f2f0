package nl.meldcodetour.registry;

import nl.meldcodetour.testsupport.Csrf;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
class ImportPagesTest {

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    static String importId(String html) {
        Matcher m = Pattern.compile("/import/([0-9a-f-]{36})/bevestigen").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    @Test
    @TestSecurity(user = "import-pages-beheerder", roles = "beheerder")
    void uploadPreviewAndConfirmOnlyTheValidRows() {
        String gem = "Uploadgemeente " + UUID.randomUUID().toString().substring(0, 6);
        String csv = "naam;sector;gemeente;postcode\nGoed;onderwijs;" + gem + ";8302\nFout;onderwijs;" + gem + ";abc\n";
        given().get("/import/organisaties").then().statusCode(200).body(containsString("enctype=\"multipart/form-data\""));
        String preview = given().filter(Csrf.FORM).multiPart("bestand", "org.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/import/organisaties").then().statusCode(200)
                .body(containsString("2 regels gelezen. 1 regel is goed, 1 heeft een fout. Er is nog niets opgeslagen."))
                .body(containsString("postcode")).body(containsString("Importeer alleen de goede regel en sla de fouten over"))
                // the good row as it will be stored, the bad one not
                .body(containsString("<td>Goed</td><td>onderwijs</td><td>" + gem + "</td><td>8302</td>"))
                .body(not(containsString("<td>Fout</td>")))
                .extract().asString();
        String id = importId(preview);
        given().filter(Csrf.FORM).contentType(ContentType.URLENC).formParam("x", "").post("/import/" + id + "/bevestigen").then().statusCode(400)
                .body(containsString("Niets geïmporteerd"));
        given().filter(Csrf.FORM).contentType(ContentType.URLENC).formParam("alleenGoede", "ja").post("/import/" + id + "/bevestigen")
                .then().statusCode(200).body(containsString("Nieuw: 1")).body(containsString("Overgeslagen door fouten: 1"));
    }

    @Test
    @TestSecurity(user = "import-pages-beheerder-stored", roles = "beheerder")
    void thePreviewShowsTheValuesAsTheyWillBeStored() {
        String gem = "Opslaggemeente " + UUID.randomUUID().toString().substring(0, 6);
        // the register keeps the 4 digits of a postcode and the digits of a KvK number, the sector by its id
        String kvk = String.valueOf(10_000_000 + new java.util.Random().nextInt(89_999_999));
        String csv = "naam;kvk;sector;gemeente;postcode\n  Opslagschool  ;" + kvk.substring(0, 4) + " " + kvk.substring(4) + ";Onderwijs;"
                + gem + ";8321 ab\n";
        String preview = given().filter(Csrf.FORM).multiPart("bestand", "org.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/import/organisaties").then().statusCode(200)
                .body(containsString("zoals ze worden opgeslagen"))
                .body(containsString("<td>Opslagschool</td><td>" + kvk + "</td><td>onderwijs</td><td>" + gem + "</td><td>8321</td>"))
                .extract().asString();
        assertFalse(preview.contains("8321 ab") || preview.contains(kvk.substring(0, 4) + " "), "not the file's spelling");
        given().filter(Csrf.FORM).contentType(ContentType.URLENC).post("/import/" + importId(preview) + "/bevestigen").then().statusCode(200)
                .body(containsString("Nieuw: 1"));
        long org = ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id FROM organisation WHERE gemeente = ?1").setParameter(1, gem).getSingleResult())).longValue();
        // and stored exactly so
        assertEquals("8321|" + kvk + "|onderwijs", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT postcode || '|' || kvk_number || '|' || sector FROM organisation WHERE id = ?1").setParameter(1, org).getSingleResult()));
        // a staff list: the address in lower case, the function by its name, the date in Dutch
        given().filter(Csrf.FORM).multiPart("bestand", "staff.csv", ("naam;e-mail;functie;startdatum\nSanne Opslag ;Sanne.Opslag@Example.ORG;leerkracht;1-9-2025\n")
                .getBytes(StandardCharsets.UTF_8), "text/csv").post("/import/medewerkers/" + org).then().statusCode(200)
                .body(containsString("<td>Sanne Opslag</td><td>sanne.opslag@example.org</td><td>Leerkracht</td><td>1 september 2025</td>"));
    }

    @Test
    @TestSecurity(user = "import-pages-beheerder-2", roles = "beheerder")
    void emptyOrUnreadableUploadsExplainWhat() {
        given().filter(Csrf.FORM).multiPart("bestand", "leeg.csv", new byte[0], "text/csv").post("/import/organisaties").then().statusCode(400)
                .body(containsString("Kies een CSV-bestand."));
        given().filter(Csrf.FORM).multiPart("bestand", "x.csv", "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/import/organisaties").then().statusCode(400).body(containsString("Deze kolommen ontbreken"));
    }

    @Test
    @TestSecurity(user = "import-pages-beheerder-limit", roles = "beheerder")
    void theEleventhUploadInTenMinutesGetsAPageThatSaysToWait() {
        byte[] csv = "naam;sector;gemeente\nA;onderwijs;Urk\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 10; i++) {
            given().filter(Csrf.FORM).multiPart("bestand", "org.csv", csv, "text/csv").post("/import/organisaties").then().statusCode(200);
        }
        given().filter(Csrf.FORM).multiPart("bestand", "org.csv", csv, "text/csv").post("/import/organisaties").then().statusCode(429)
                .contentType(containsString("text/html")).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body(containsString("Even wachten")).body(containsString("Je hebt in korte tijd te veel bestanden geüpload."));
    }

    @Test
    @TestSecurity(user = "import-pages-gemeente", roles = "gemeente")
    void theGemeenteCannotImport() {
        given().get("/import/organisaties").then().statusCode(403);
    }

    @Test
    void excelWindows1252FilesAreReadCorrectly() {
        byte[] cp1252 = "naam;sector;gemeente\nCrèche Zonneweide;kinderopvang;Urk\n".getBytes(Charset.forName("windows-1252"));
        assertEquals("naam;sector;gemeente\nCrèche Zonneweide;kinderopvang;Urk\n", ImportPages.decode(cp1252));
        byte[] utf8 = "\uFEFFnaam;sector\nCrèche;kinderopvang\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("\uFEFFnaam;sector\nCrèche;kinderopvang\n", ImportPages.decode(utf8));
    }
}
