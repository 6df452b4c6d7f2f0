/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import nl.meldcodetour.testsupport.Csrf;
import nl.meldcodetour.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The beheerder binds a gemeente user to gemeenten on a page: the region's gemeenten as checkboxes. */
@QuarkusTest
class GemeenteScopePagesTest {

    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "scope-pages-beheerder", roles = "beheerder")
    void theBeheerderTicksTheGemeentenOfAGemeenteUser() {
        Tokens.TestUser official = Tokens.newGemeenteUser("Urk");
        official.given().get("/api/me").then().statusCode(200);
        long id = ((Number) QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("SELECT id FROM person WHERE subject = ?1")
                                .setParameter(1, official.subject())
                                .getSingleResult()))
                .longValue();
        String page = "/beheer/personen/" + id + "/gemeenten";
        given().get(page)
                .then()
                .statusCode(200)
                .body(containsString("<legend>Gemeenten</legend>"))
                .body(containsString("value=\"Zeewolde\">"))
                .body(not(containsString("checked")));
        given().filter(Csrf.FORM)
                .contentType(ContentType.URLENC)
                .formParam("gemeente", "Lelystad")
                .formParam("gemeente", "Dronten")
                .redirects()
                .follow(false)
                .post(page)
                .then()
                .statusCode(303)
                .header("Location", Matchers.endsWith(page + "?opgeslagen=true"));
        given().get(page + "?opgeslagen=true")
                .then()
                .statusCode(200)
                .body(containsString("De gemeenten zijn opgeslagen."))
                .body(containsString("value=\"Lelystad\" checked"))
                .body(containsString("value=\"Dronten\" checked"))
                .body(not(containsString("value=\"Urk\" checked")));
        // a gemeente outside the installation is refused, nothing changes
        given().filter(Csrf.FORM)
                .contentType(ContentType.URLENC)
                .formParam("gemeente", "Amsterdam")
                .redirects()
                .follow(false)
                .post(page)
                .then()
                .statusCode(400);
        given().get(page).then().body(containsString("value=\"Lelystad\" checked"));
    }
}
