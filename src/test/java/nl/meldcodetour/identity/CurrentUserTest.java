/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.UUID;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The login mirror: a page view reads the person without writing; a person not seen for over an hour (or with a new
 * name) is written, both outside a transaction (page views) and inside one (starting a quiz), without errors.
 */
@QuarkusTest
class CurrentUserTest {

    @Inject
    EntityManager em;

    String stalePerson(String subject) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                INSERT INTO person (subject, display_name, email, sector, created_at, last_seen_at)
                VALUES (?1, 'Oude naam', ?2, 'onderwijs', now() - interval '3 days', now() - interval '2 hours')""")
                        .setParameter(1, subject)
                        .setParameter(2, subject + "@example.org")
                        .executeUpdate());
        return Tokens.token(subject, "onderwijs", Set.of("medewerker"));
    }

    Object[] row(String subject) {
        return (Object[]) em.createNativeQuery(
                        "SELECT display_name, last_seen_at > now() - interval '1 minute' FROM person WHERE subject = ?1")
                .setParameter(1, subject)
                .getSingleResult();
    }

    @Test
    void aStalePersonIsUpdatedOnAPageViewOutsideATransaction() {
        String subject = "stale-view-" + UUID.randomUUID();
        String token = stalePerson(subject);
        RestAssured.given()
                .auth()
                .oauth2(token)
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("name", equalTo("Test " + subject.substring(0, 13)));
        Object[] r = row(subject);
        assertEquals("Test " + subject.substring(0, 13), r[0]);
        assertEquals(true, r[1], "last seen now");
    }

    @Test
    void aStalePersonCanStartAQuizInsideATransaction() {
        String subject = "stale-quiz-" + UUID.randomUUID();
        String token = stalePerson(subject);
        RestAssured.given()
                .auth()
                .oauth2(token)
                .post("/api/modules/meldcode-in-5-stappen/attempts")
                .then()
                .statusCode(201);
        assertEquals(true, row(subject)[1], "last seen now");
        // and a second request, now fresh, reads without writing
        RestAssured.given().auth().oauth2(token).get("/api/me").then().statusCode(200);
    }

    /** The page header names the person by the name claim (read once per token; a page view reads it again). */
    @Test
    @TestSecurity(user = "kop-met-naam", roles = "medewerker")
    @OidcSecurity(
            claims = {
                @Claim(key = "name", value = "Fatima el Amrani"),
                @Claim(key = "preferred_username", value = "famrani")
            })
    void thePageHeaderShowsTheNameClaim() {
        for (int i = 0; i < 2; i++) {
            RestAssured.given()
                    .get("/mijn-modules")
                    .then()
                    .statusCode(200)
                    .body(containsString("Ingelogd als </span>Fatima el Amrani</span>"));
        }
    }

    /** Without a name claim, the header shows the user name. */
    @Test
    @TestSecurity(user = "kop-zonder-naam", roles = "medewerker")
    @OidcSecurity(claims = @Claim(key = "preferred_username", value = "famrani"))
    void withoutANameClaimThePageHeaderShowsTheUserName() {
        RestAssured.given()
                .get("/mijn-modules")
                .then()
                .statusCode(200)
                .body(containsString("Ingelogd als </span>famrani</span>"));
    }
}
