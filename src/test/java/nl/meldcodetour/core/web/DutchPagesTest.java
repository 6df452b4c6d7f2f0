/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.testsupport.Csrf;
import org.junit.jupiter.api.Test;

/** Counts and dates in the sentences of pages (issue #30, point 6). */
@QuarkusTest
class DutchPagesTest {

    @Inject
    EntityManager em;

    long person(int completions) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            long id = ((Number) em.createNativeQuery(
                                    "INSERT INTO person (subject, email, display_name) VALUES (?1, ?2, ?3) RETURNING id")
                            .setParameter(1, "dutch-" + tag)
                            .setParameter(2, "dutch-" + tag + "@example.org")
                            .setParameter(3, "Wis " + tag)
                            .getSingleResult())
                    .longValue();
            String[] modules = {"meldcode-in-5-stappen", "onderwijs", "kindermishandeling"};
            for (int i = 0; i < completions; i++) {
                em.createNativeQuery("""
                        INSERT INTO completion (id, person_id, module_id, content_version, score, completed_at, valid_until)
                        VALUES (?1, ?2, ?3, 'test', 90, now(), ?4)""")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, id)
                        .setParameter(3, modules[i])
                        .setParameter(4, LocalDate.now().plusDays(200))
                        .executeUpdate();
            }
            return id;
        });
    }

    @Test
    @TestSecurity(user = "dutch-beheerder", roles = "beheerder")
    void theEraseConfirmationCountsTheCompletedModules() {
        // until issue #30: "De 1 afgeronde modules tellen daarna anoniem mee" (and "De 0 afgeronde modules")
        RestAssured.given()
                .get("/beheer/personen/" + person(1) + "/verwijderen")
                .then()
                .statusCode(200)
                .body(containsString("De afgeronde module telt daarna anoniem mee in de cijfers."))
                .body(not(containsString("1 afgeronde modules")));
        RestAssured.given()
                .get("/beheer/personen/" + person(2) + "/verwijderen")
                .then()
                .statusCode(200)
                .body(containsString("De 2 afgeronde modules tellen daarna anoniem mee in de cijfers."));
        RestAssured.given()
                .get("/beheer/personen/" + person(0) + "/verwijderen")
                .then()
                .statusCode(200)
                .body(not(containsString("afgeronde module")));
    }

    @Test
    @TestSecurity(user = "dutch-sessions", roles = "beheerder")
    void aSessionNamesItsDateOnceAndCountsWhoComes() {
        LocalDateTime start = LocalDateTime.now(ClockProducer.ZONE)
                .plusDays(9)
                .withHour(14)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        String title = "Tour Dronten " + System.nanoTime();
        RestAssured.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .formParam("title", title)
                .formParam("capacity", "12")
                .formParam("startsAt", start.toString())
                .formParam("endsAt", start.plusMinutes(150).toString())
                .formParam("place", "De Meerpaal")
                .formParam("trainer", "Trainer T")
                .formParam("sectors", "onderwijs")
                .formParam("modules", "meldcode-in-5-stappen")
                .post("/bijeenkomsten/nieuw")
                .then()
                .statusCode(303);
        String list = RestAssured.given()
                .get("/bijeenkomsten")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String card = list.substring(list.lastIndexOf("id=\"bijeenkomst-", list.indexOf(title)));
        String id = card.substring(16, card.indexOf('"', 16));
        card = card.substring(0, card.indexOf("</li>"));
        // until issue #30: "17 december 2026 om 14:00 tot 17 december 2026 om 16:30"
        String when = Formats.dutch(start.toLocalDate()) + ", 14:00\u201316:30";
        assertTrue(card.contains(when), card);
        assertTrue(!card.contains(" tot "), card);
        RestAssured.given()
                .get("/bijeenkomsten/" + id + "/afzeggen")
                .then()
                .statusCode(200)
                .body(containsString(when + ". Er is nog niemand aangemeld."));
        RestAssured.given()
                .filter(Csrf.FORM)
                .redirects()
                .follow(false)
                .post("/bijeenkomsten/" + id + "/aanmelden")
                .then()
                .statusCode(303);
        // until issue #30: "1 mensen zijn aangemeld en 0 staan op de wachtlijst"
        RestAssured.given()
                .get("/bijeenkomsten/" + id + "/afzeggen")
                .then()
                .statusCode(200)
                .body(containsString(
                        "1 persoon is aangemeld. Wie is aangemeld of op de wachtlijst staat, krijgt een e-mail"))
                .body(not(containsString("0 staan op de wachtlijst")));
        RestAssured.given()
                .get("/bijeenkomsten/" + id + "/presentie")
                .then()
                .statusCode(200)
                .body(containsString(when));
    }
}
