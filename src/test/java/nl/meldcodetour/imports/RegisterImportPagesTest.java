/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import nl.meldcodetour.testsupport.Csrf;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The register import as the beheerder's browser does it: form, upload, preview page, confirm, outcome. */
@QuarkusTest
class RegisterImportPagesTest {

    static final String FILE = "VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM;"
            + "GEMEENTENAAM\r\n"
            + "88PA00;Mbo College Polder;Bosbaan;4;8302 AA;EMMELOORD;NOORDOOSTPOLDER\r\n"
            + "88PA01;Mbo College Kampen;Oudestraat;1;8261 CA;KAMPEN;KAMPEN\r\n"
            + ";Zonder nummer;Straat;1;8302 AA;EMMELOORD;NOORDOOSTPOLDER\r\n";

    Response upload(String register, byte[] file) {
        return given().filter(Csrf.FORM)
                .multiPart("register", register)
                .multiPart("datum", "2026-11-15")
                .multiPart("bestand", "vestigingen.csv", file, "text/csv")
                .redirects()
                .follow(false)
                .post("/import/registers");
    }

    static Response confirm(String page) {
        Response confirmed = given().filter(Csrf.FORM)
                .contentType(ContentType.URLENC)
                .redirects()
                .follow(false)
                .post(page + "/bevestigen");
        confirmed.then().statusCode(303);
        return confirmed;
    }

    @Test
    @TestSecurity(user = "register-pages-beheerder", roles = "beheerder")
    void uploadPreviewConfirmAndOutcome() {
        given().get("/import/registers")
                .then()
                .statusCode(200)
                .body(containsString("Register bijwerken uit een openbaar register"))
                .body(containsString("Landelijk Register Kinderopvang (LRK)"))
                .body(containsString("Almere, Dronten, Lelystad, Noordoostpolder, Urk, Zeewolde"));

        Response posted = upload("duo-mbo", FILE.getBytes(StandardCharsets.UTF_8));
        posted.then().statusCode(303).header("Location", Matchers.matchesPattern(".*/import/registers/[0-9a-f-]{36}$"));
        String page = posted.header("Location");
        given().get(page)
                .then()
                .statusCode(200)
                .body(containsString("Voorbeeld: DUO: vestigingen mbo"))
                .body(containsString("Bestand van 15 november 2026. Er is nog niets opgeslagen."))
                .body(containsString("3 regels gelezen; 1 buiten de regio overgeslagen"))
                .body(containsString("<td>88PA00</td><td>Mbo College Polder</td><td>mbo</td><td>Noordoostpolder</td>"))
                .body(containsString("Het nummer ontbreekt."))
                .body(containsString("Register bijwerken</button>"));

        confirm(page).then().header("Location", Matchers.endsWith(page.substring(page.indexOf("/import"))));
        String outcome = given().get(page).then().statusCode(200).extract().asString();
        assertEquals(true, outcome.contains("Register bijgewerkt: DUO: vestigingen mbo"), outcome);
        assertEquals(false, outcome.contains("Register bijwerken</button>"), "confirmed: no second button");

        // confirmed twice (Back and confirm again): nothing twice, back to the outcome
        confirm(page).then().header("Location", Matchers.endsWith(page.substring(page.indexOf("/import"))));
    }

    @Test
    @TestSecurity(user = "register-pages-beheerder-2", roles = "beheerder")
    void aWrongFileGoesBackToTheFormWithTheReason() {
        Response posted = upload("lrk", FILE.getBytes(StandardCharsets.UTF_8));
        posted.then().statusCode(303).header("Location", Matchers.endsWith("/import/registers"));
        String form = Csrf.followRefused(given(), posted);
        assertEquals(true, form.contains("Het bestand is niet ingelezen") && form.contains("lrk_id"), form);
    }
}
