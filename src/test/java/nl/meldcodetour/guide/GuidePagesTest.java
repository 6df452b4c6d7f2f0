/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.guide;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import nl.meldcodetour.testsupport.Csrf;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GuidePagesTest {

    @Test
    void routekaartIsPublicAndListsTheFlevolandGemeenten() {
        given().get("/routekaart")
                .then()
                .statusCode(200)
                .body(containsString("0800-2000"))
                .body(containsString("href=\"/routekaart/noordoostpolder\""))
                .body(containsString("href=\"/routekaart/urk\""))
                .body(containsString("href=\"tel:08002000\""));
        given().get("/routekaart/noordoostpolder")
                .then()
                .statusCode(200)
                .body(containsString("Routekaart Noordoostpolder"))
                .body(containsString("Steunpunt Huiselijk Geweld"))
                .body(containsString("Bron:"))
                .body(containsString("Controleer ze bij de gemeente"));
    }

    @Test
    void unknownGemeenteIs404() {
        given().get("/routekaart/atlantis").then().statusCode(404);
        given().get("/routekaart/landelijk").then().statusCode(404);
        given().get("/routekaart/..%2F..%2Fetc").then().statusCode(404);
    }

    @Test
    void scanSaysItStoresNothingAndShowsWhatWasTicked() {
        given().get("/scan")
                .then()
                .statusCode(200)
                .body(containsString("Wij slaan niets op"))
                .body(containsString("name=\"punt\""));
        given().filter(Csrf.FORM)
                .contentType(ContentType.URLENC)
                .formParam("punt", "kind-schrikt")
                .formParam("punt", "omgeving-geld")
                .formParam("punt", "<script>alert(1)</script>")
                .formParam("punt", "bestaat-niet")
                .post("/scan")
                .then()
                .statusCode(200)
                .body(containsString("Je vinkte <strong>2</strong> punten aan."))
                .body(containsString("Het kind schrikt als je het aanraakt."))
                .body(containsString("Er is weinig geld of er is lang geen werk."))
                .body(not(containsString("<script>alert(1)</script>")))
                .body(containsString("Niets hiervan is opgeslagen"));
        given().filter(Csrf.FORM)
                .contentType(ContentType.URLENC)
                .post("/scan")
                .then()
                .statusCode(200)
                .body(containsString("Je hebt niets aangevinkt."));
    }

    @Test
    @TestSecurity(user = "guide-reader", roles = "medewerker")
    void theLastPageOfAModuleLinksToTheRoutekaart() {
        given().get("/modules/meldcode-in-5-stappen/pagina/6")
                .then()
                .statusCode(200)
                .body(containsString("href=\"/routekaart\""))
                .body(containsString("href=\"/scan\""));
        given().get("/modules/meldcode-in-5-stappen/pagina/1")
                .then()
                .statusCode(200)
                .body(not(containsString("Waar kun je terecht?")));
    }
}
