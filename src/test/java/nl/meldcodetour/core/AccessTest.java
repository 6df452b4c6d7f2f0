/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.meldcodetour.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may call what: every learner endpoint for every role, anonymous callers, callers without a known role. */
@QuarkusTest
class AccessTest {

    static final String MODULE = "meldcode-in-5-stappen";
    static final List<String> READ_ENDPOINTS = List.of(
            "/api/me",
            "/api/modules",
            "/api/modules/" + MODULE,
            "/api/modules/" + MODULE + "/pages/1",
            "/api/completions",
            "/api/modules/" + MODULE + "/attempts");

    @ParameterizedTest
    @ValueSource(strings = {"medewerker", "aandachtsfunctionaris", "gemeente", "beheerder"})
    void everyRoleMayLearn(String role) {
        Tokens.TestUser user = Tokens.newUser(null, role);
        for (String endpoint : READ_ENDPOINTS) {
            user.given().get(endpoint).then().statusCode(200).contentType(ContentType.JSON);
        }
        user.given().post("/api/modules/" + MODULE + "/attempts").then().statusCode(201);
        user.given().get("/api/me").then().body("roles", hasItem(role));
    }

    @Test
    void anonymousApiCallsGet401NotALoginRedirect() {
        for (String endpoint : READ_ENDPOINTS) {
            given().redirects().follow(false).get(endpoint).then().statusCode(401);
        }
        given().redirects()
                .follow(false)
                .post("/api/modules/" + MODULE + "/attempts")
                .then()
                .statusCode(401);
        given().redirects()
                .follow(false)
                .contentType(ContentType.JSON)
                .body("{\"answers\":{}}")
                .post("/api/attempts/00000000-0000-0000-0000-000000000000/submission")
                .then()
                .statusCode(401);
    }

    @Test
    void aForgedTokenIsRejected() {
        String token = Tokens.newUser(null, "medewerker").token();
        String forged =
                token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        given().auth().oauth2(forged).get("/api/modules").then().statusCode(401);
    }

    @Test
    void onlyTokensForMeldcodetourReachTheApi() {
        // issue #28, point 2: an access token of another client of the same realm (Keycloak's account console has
        // aud "account") was accepted on /api/me/data and /api/certificates
        String subject = "test-" + UUID.randomUUID();
        String otherClient = OidcWiremockTestResource.generateJwtToken(
                subject,
                Set.of("medewerker"),
                subject,
                "sid-" + subject,
                Set.of("account"),
                Map.of("email", subject + "@example.org"));
        for (String endpoint : List.of("/api/me/data", "/api/certificates", "/api/me")) {
            given().auth().oauth2(otherClient).get(endpoint).then().statusCode(401);
        }
        Tokens.newUser(null, "medewerker").given().get("/api/me/data").then().statusCode(200);
    }

    @Test
    void aTokenWithoutAKnownRoleIsForbidden() {
        Tokens.TestUser stranger = Tokens.newUser(null, "klant");
        for (String endpoint : READ_ENDPOINTS) {
            stranger.given().get(endpoint).then().statusCode(403).body("title", equalTo("Geen toegang"));
        }
    }

    @Test
    void anonymousPagesStartTheCodeFlowWithPkce() {
        given().redirects()
                .follow(false)
                .get("/mijn-modules")
                .then()
                .statusCode(302)
                .header("Location", containsString("/auth/realms/quarkus"))
                .header("Location", containsString("code_challenge_method=S256"));
        given().redirects().follow(false).get("/inloggen").then().statusCode(302);
    }

    @Test
    void startPageIsPublicAndHardened() {
        given().get("/")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("<html lang=\"nl\">"))
                .body(containsString("href=\"/inloggen\""))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
        given().get("/css/app.css").then().statusCode(200);
    }

    @Test
    void healthReportsTheDatabase() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.find { it.name == 'Identity provider (OIDC)' }.status", equalTo("UP"));
    }

    @Test
    void openApiDocumentsTheApi() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", Matchers.hasKey("/api/modules"))
                .body("paths", Matchers.hasKey("/api/attempts/{attemptId}/submission"))
                .body("paths", Matchers.hasKey("/api/completions"))
                .body("paths", Matchers.hasKey("/api/organisations"))
                .body("paths", Matchers.hasKey("/api/organisations/{id}/team"))
                .body("paths", Matchers.hasKey("/api/imports/{importId}/confirm"))
                .body("paths", Matchers.hasKey("/api/registry/audit-log"))
                // the dashboard's API under its own name; its first root is there for one release, marked deprecated
                .body("paths.'/api/coverage/coverage'.get.deprecated", Matchers.not(true))
                .body("paths.'/api/audit/coverage'.get.deprecated", Matchers.equalTo(true));
    }
}
