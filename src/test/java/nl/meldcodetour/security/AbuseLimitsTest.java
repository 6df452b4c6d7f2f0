/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import nl.meldcodetour.core.web.RateLimiter;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Rate limits on quiz attempts, login and verification; body size and page size limits. */
@QuarkusTest
class AbuseLimitsTest {

    @Inject
    RateLimiter limiter;

    @AfterEach
    void forget() {
        limiter.reset();
    }

    @Test
    void onePersonCanStartOrSubmitThirtyQuizzesAMinute() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        String last = null;
        for (int i = 0; i < 30; i++) {
            // the first starts the attempt, the others resume it (one open attempt per module)
            last = user.given()
                    .post("/api/modules/meldcode-in-5-stappen/attempts")
                    .then()
                    .statusCode(i == 0 ? 201 : 200)
                    .extract()
                    .jsonPath()
                    .getString("id");
        }
        // the bucket refills at 30 a minute, so within a few more tries one is refused
        Response refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            Response r = user.given().post("/api/modules/meldcode-in-5-stappen/attempts");
            refused = r.statusCode() == 429 ? r : null;
        }
        Assertions.assertNotNull(refused, "more than 30 quiz starts a minute are refused");
        refused.then().header("Retry-After", notNullValue()).body("title", containsString("Wacht"));
        user.given()
                .contentType(ContentType.JSON)
                .body("{\"answers\":{}}")
                .post("/api/attempts/" + last + "/submission")
                .then()
                .statusCode(429);
        // someone else is not affected
        Tokens.newUser(null, "medewerker")
                .given()
                .post("/api/modules/meldcode-in-5-stappen/attempts")
                .then()
                .statusCode(201);
    }

    @Test
    void loginAndVerificationAreLimitedPerClientAddress() {
        for (int i = 0; i < 30; i++) {
            given().redirects().follow(false).get("/inloggen").then().statusCode(302);
        }
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            refused += given().redirects().follow(false).get("/inloggen").statusCode() == 429 ? 1 : 0;
        }
        Assertions.assertTrue(refused >= 8, "login starts beyond 30 a minute are refused: " + refused);
        given().redirects()
                .follow(false)
                .queryParam("code", "x")
                .queryParam("state", "y")
                .get("/mijn-modules")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body(containsString("Te veel verzoeken"));
        // the same route written otherwise is the same bucket (matrix parameters, a trailing slash)
        given().urlEncodingEnabled(false)
                .redirects()
                .follow(false)
                .get("/inloggen;x")
                .then()
                .statusCode(429);
        given().redirects().follow(false).get("/inloggen/").then().statusCode(429);
        int verified = 0;
        int limited = 0;
        for (int i = 0; i < 80; i++) {
            int status =
                    given().get("/verificatie/0000000000000000000" + (i % 10)).statusCode();
            verified += status == 404 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        Assertions.assertTrue(verified >= 60 && limited >= 10, verified + " answered, " + limited + " refused");
        given().urlEncodingEnabled(false)
                .get("/verificatie;x/00000000000000000001")
                .then()
                .statusCode(429);
        // the rest of the site is not limited
        given().get("/routekaart").then().statusCode(200);
    }

    @Test
    void bodiesAndPagesHaveAMaximum() throws IOException {
        Tokens.TestUser beheerder = Tokens.newUser(null, "beheerder");
        // a body over 32 MB (the national LRK export fits) is refused before it is read (the announced length is
        // enough)
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream()
                    .write(("POST /api/imports/organisations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                                    + beheerder.token() + "\r\nContent-Type: text/csv\r\nContent-Length: "
                                    + (33 * 1024 * 1024) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            Assertions.assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
        }
        beheerder
                .given()
                .queryParam("size", 1000)
                .get("/api/organisations")
                .then()
                .statusCode(400)
                .body(containsString("Maximaal 100 per pagina"));
        beheerder
                .given()
                .queryParam("size", 1000)
                .get("/api/registry/audit-log")
                .then()
                .statusCode(400);
    }
}
