/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import nl.meldcodetour.registry.OrganisationService;
import nl.meldcodetour.testsupport.Csrf;
import org.junit.jupiter.api.Test;

/** The logboek ({@link AuditPages}) and the audit-log API ({@link AuditApi}), over changes made in the registry. */
@QuarkusTest
class AuditPagesTest {

    @Inject
    OrganisationService registry;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    long organisation(String name, String sector) {
        return nl.meldcodetour.testsupport.Organisations.create(name, sector);
    }

    @Test
    @TestSecurity(user = "pages-beheerder-log", roles = "beheerder")
    @OidcSecurity(claims = @Claim(key = "name", value = "Bea Logboek"))
    void theLogbookTellsInDutchWhoDidWhat() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String name = "Logschool " + suffix;
        // through the pages, so the actor is the logged-in beheerder: created, KvK added, deactivated
        String location = given().filter(Csrf.FORM)
                .contentType(ContentType.URLENC)
                .formParam("name", name)
                .formParam("sector", "onderwijs")
                .formParam("gemeente", "Noordoostpolder")
                .redirects()
                .follow(false)
                .post("/register/nieuw")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        long id = Long.parseLong(location.replaceAll(".*/register/(\\d+).*", "$1"));
        given().filter(Csrf.FORM)
                .contentType(ContentType.URLENC)
                .formParam("name", name)
                .formParam("sector", "onderwijs")
                .formParam("gemeente", "Noordoostpolder")
                .formParam("kvkNumber", "8" + String.format("%07d", (int) (Math.random() * 9_999_999)))
                .formParam("version", registry.find(id).orElseThrow().version)
                .redirects()
                .follow(false)
                .post("/register/" + id + "/wijzigen")
                .then()
                .statusCode(303);
        // a view of the aandachtsfunctionarissen' training status: a view, on its own tab
        QuarkusTransaction.requiringNew()
                .run(() -> registry.addAandachtsfunctionaris(
                        id,
                        new OrganisationService.AfInput("Anna Aandacht", "anna-" + suffix + "@example.org", null, null),
                        "pages-beheerder-log"));
        given().get("/api/organisations/" + id).then().statusCode(200);
        given().filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .post("/register/" + id + "/deactiveren")
                .then()
                .statusCode(303);
        long other = organisation("Tweede school " + suffix, "onderwijs");

        String changes = given().queryParam("organisatie", name)
                .get("/register/logboek")
                .then()
                .statusCode(200)
                .body(containsString("Organisatie " + name + " gedeactiveerd door Bea Logboek."))
                .body(containsString("Organisatie " + name + " toegevoegd door Bea Logboek."))
                .body(containsString("Gegevens van organisatie " + name + " gewijzigd door Bea Logboek."))
                .body(containsString("KvK-nummer: (leeg) → 8"))
                .body(containsString("Anna Aandacht als aandachtsfunctionaris toegevoegd bij " + name))
                .body(containsString("aria-current=\"page\">Wijzigingen</a>"))
                .extract()
                .asString();
        for (String code : new String[] {
            ">DEACTIVATE<", ">CREATE<", "null →", "organisation " + id, "Scholing van de aandachtsfunctionarissen"
        }) {
            assertFalse(changes.contains(code), "no code or view among the changes: " + code);
        }
        assertFalse(changes.contains("Tweede school"), "only the organisation asked for");
        // views on their own tab, by organisation (the link on the organisation's page)
        given().get("/register/" + id).then().body(containsString("/register/logboek?organisatieId=" + id));
        given().queryParam("weergave", "bekeken")
                .queryParam("organisatieId", id)
                .get("/register/logboek")
                .then()
                .statusCode(200)
                .body(containsString(
                        "Scholing van de aandachtsfunctionarissen van " + name + " bekeken door Bea Logboek."))
                .body(not(containsString("gedeactiveerd door")));
        // by kind of action
        given().queryParam("soort", "DEACTIVATE")
                .queryParam("organisatie", "logschool " + suffix)
                .get("/register/logboek")
                .then()
                .statusCode(200)
                .body(containsString("Organisatie " + name + " gedeactiveerd door Bea Logboek."))
                .body(not(containsString("toegevoegd door")))
                .body(containsString("<option value=\"DEACTIVATE\" selected>Gedeactiveerd</option>"));
        given().queryParam("organisatieId", other)
                .get("/register/logboek")
                .then()
                .statusCode(200)
                .body(containsString("Tweede school " + suffix))
                .body(not(containsString("Organisatie " + name + " ")));
        given().queryParam("organisatie", "bestaat-niet-" + suffix)
                .get("/register/logboek")
                .then()
                .statusCode(200)
                .body(containsString("Geen organisatie gevonden met ‘bestaat-niet-" + suffix + "’ in de naam."));
        given().queryParam("pagina", "abc")
                .queryParam("weergave", "<script>")
                .queryParam("soort", "x")
                .get("/register/logboek")
                .then()
                .statusCode(200)
                .body(not(containsString("<script>")));
        // what people do with their own record (here: the beheerder's own e-mail choice) has a tab of its own too
        QuarkusTransaction.requiringNew()
                .run(() -> audit.recordOwn(
                        ((Number) em.createNativeQuery("SELECT id FROM person WHERE subject = ?1")
                                        .setParameter(1, "pages-beheerder-log")
                                        .getSingleResult())
                                .longValue(),
                        "MAIL_PREFERENCE",
                        "person",
                        em.createNativeQuery("SELECT id FROM person WHERE subject = 'pages-beheerder-log'")
                                .getSingleResult(),
                        "herinneringen uit"));
        given().queryParam("weergave", "eigen")
                .get("/register/logboek")
                .then()
                .statusCode(200)
                .body(containsString("Bea Logboek heeft de herinneringsmails uitgezet."))
                .body(containsString("aria-current=\"page\">Eigen acties</a>"));
        given().get("/register/logboek").then().statusCode(200).body(not(containsString("herinneringsmails")));
        // the API answers what it always did, plus the same sentence and the actor's name
        given().queryParam("objectType", "organisation")
                .queryParam("objectId", id)
                .get("/api/registry/audit-log")
                .then()
                .statusCode(200)
                .body("find { it.action == 'DEACTIVATE' }.actor", equalTo("pages-beheerder-log"))
                .body("find { it.action == 'DEACTIVATE' }.objectType", equalTo("organisation"))
                .body("find { it.action == 'DEACTIVATE' }.details", equalTo(name))
                .body("find { it.action == 'DEACTIVATE' }.actorName", equalTo("Bea Logboek"))
                .body(
                        "find { it.action == 'DEACTIVATE' }.description",
                        equalTo("Organisatie " + name + " gedeactiveerd door Bea Logboek."))
                .body("find { it.action == 'UPDATE' }.changes[0]", containsString("KvK-nummer: (leeg) → 8"))
                .body("find { it.action == 'DEACTIVATE' }.organisationName", equalTo(name));
    }

    @Test
    @TestSecurity(user = "pages-gemeente-log", roles = "gemeente")
    void nobodyElseReadsTheLogbook() {
        given().get("/register/logboek").then().statusCode(403);
    }
}
