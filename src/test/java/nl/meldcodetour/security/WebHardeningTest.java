/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.meldcodetour.imports.ImportPagesTest;
import nl.meldcodetour.testsupport.Csrf;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** CSRF protection of page forms, security headers and cookies. */
@QuarkusTest
class WebHardeningTest {

    private static final Pattern HIDDEN = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]{43})\"");

    @Test
    void everyPostFormInEveryTemplateCarriesTheToken() throws IOException {
        List<String> missing = new ArrayList<>();
        int forms = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = Pattern.compile("<form[^>]*method=\"post\"[^>]*>(.{0,120})", Pattern.DOTALL)
                        .matcher(Files.readString(file));
                while (m.find()) {
                    forms++;
                    if (!m.group(1)
                            .startsWith("<input type=\"hidden\" name=\"csrf\" value=\"{inject:layout.csrf}\">")) {
                        missing.add(file + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(forms >= 20, "found only " + forms + " forms");
        assertEquals(List.of(), missing);
    }

    @Test
    @TestSecurity(user = "csrf-user", roles = "medewerker")
    void aFormNeedsTheTokenFromItsOwnCookie() {
        Response page = given().get("/mijn-gegevens/e-mail");
        page.then().statusCode(200);
        String setCookie = page.header("Set-Cookie");
        assertNotNull(setCookie, "the first page sets the CSRF cookie");
        assertTrue(
                setCookie.toLowerCase().contains("httponly")
                        && setCookie.contains("SameSite=Strict")
                        && setCookie.contains("Path=/"),
                setCookie);
        String cookie = page.cookie("csrf");
        Matcher field = HIDDEN.matcher(page.asString());
        assertTrue(field.find(), "the form has the hidden token");
        assertEquals(cookie, field.group(1), "the form carries the cookie's token");

        // no token, a token without cookie, a cookie without token, another browser's token: refused, nothing changed
        given().contentType(ContentType.URLENC)
                .formParam("herinneringen", "uit")
                .redirects()
                .follow(false)
                .post("/mijn-gegevens/e-mail")
                .then()
                .statusCode(403)
                .body(containsString("Formulier verlopen"));
        given().contentType(ContentType.URLENC)
                .formParam("csrf", cookie)
                .formParam("herinneringen", "uit")
                .redirects()
                .follow(false)
                .post("/mijn-gegevens/e-mail")
                .then()
                .statusCode(403);
        given().cookie("csrf", cookie)
                .contentType(ContentType.URLENC)
                .formParam("herinneringen", "uit")
                .redirects()
                .follow(false)
                .post("/mijn-gegevens/e-mail")
                .then()
                .statusCode(403);
        given().cookie("csrf", cookie)
                .contentType(ContentType.URLENC)
                .formParam("csrf", Csrf.TOKEN)
                .redirects()
                .follow(false)
                .post("/mijn-gegevens/e-mail")
                .then()
                .statusCode(403);
        given().cookie("csrf", cookie)
                .contentType(ContentType.JSON)
                .body("{\"csrf\":\"" + cookie + "\"}")
                .redirects()
                .follow(false)
                .post("/mijn-gegevens/e-mail")
                .then()
                .statusCode(415);
        given().cookie("csrf", cookie)
                .contentType(ContentType.URLENC)
                .formParam("csrf", cookie + "A")
                .redirects()
                .follow(false)
                .post("/mijn-gegevens/e-mail")
                .then()
                .statusCode(403);
        // the browser's own pair works, and the cookie is not replaced on the next page
        given().cookie("csrf", cookie)
                .contentType(ContentType.URLENC)
                .formParam("csrf", cookie)
                .redirects()
                .follow(false)
                .post("/mijn-gegevens/e-mail")
                .then()
                .statusCode(303);
        Response next = given().cookie("csrf", cookie).get("/mijn-gegevens/e-mail");
        assertEquals(null, next.header("Set-Cookie"));
        assertTrue(next.asString().contains("value=\"" + cookie + "\""));
    }

    @Test
    @TestSecurity(user = "csrf-multipart", roles = "beheerder")
    void aMultipartUploadNeedsTheTokenToo() {
        byte[] csv = "naam;sector;gemeente;postcode\nX;onderwijs;Urk;8321\n".getBytes(StandardCharsets.UTF_8);
        given().multiPart("bestand", "org.csv", csv, "text/csv")
                .post("/import/organisaties")
                .then()
                .statusCode(403);
        ImportPagesTest.upload("/import/organisaties", "org.csv", csv)
                .body(containsString("Voorbeeld: Organisaties importeren"));
    }

    @Test
    void theApiTakesBearerTokensAndNoCsrfToken() {
        Tokens.newUser(null, "medewerker")
                .given()
                .post("/api/modules/meldcode-in-5-stappen/attempts")
                .then()
                .statusCode(201);
    }

    @Test
    void headersOnPagesAndApi() {
        for (String path : List.of("/", "/routekaart", "/api/modules", "/verificatie")) {
            given().redirects()
                    .follow(false)
                    .get(path)
                    .then()
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "same-origin")
                    .header("X-Frame-Options", "DENY")
                    .header("Cache-Control", "no-store");
        }
    }
}
