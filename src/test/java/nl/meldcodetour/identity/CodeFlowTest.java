/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The browser's login and logout, step by step against the test OIDC server: redirect with PKCE, the provider's
 * login, the code exchange, a session cookie, the personal page, and logout ending the session.
 */
@QuarkusTest
class CodeFlowTest {

    @Inject
    CachingTokenIdentityProvider tokens;

    private static String attr(String html, String name) {
        Matcher m =
                Pattern.compile("name=\"" + name + "\"\\s+value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " not in " + html);
        return m.group(1);
    }

    @Test
    void loginWithCodeFlowThenLogout() {
        CookieFilter cookies = new CookieFilter();
        Response toProvider = given().filter(cookies).redirects().follow(false).get("/mijn-modules");
        toProvider.then().statusCode(302).header("Location", containsString("code_challenge"));
        String loginPage = given().redirects()
                .follow(false)
                .get(toProvider.header("Location"))
                .asString();
        String state = attr(loginPage, "state");
        String redirectUri = URLDecoder.decode(attr(loginPage, "redirect_uri"), StandardCharsets.UTF_8);
        String provider = toProvider.header("Location").replaceAll("(https?://[^/]+).*", "$1");
        Response back = given().redirects()
                .follow(false)
                .queryParam("username", "alice")
                .queryParam("password", "alice")
                .queryParam("state", state)
                .queryParam("redirect_uri", redirectUri)
                .get(provider + "/login");
        back.then().statusCode(302);
        Response session = given().filter(cookies).redirects().follow(false).get(back.header("Location"));
        session.then().statusCode(302).header("Location", containsString("/mijn-modules"));
        given().filter(cookies)
                .redirects()
                .follow(false)
                .get("/mijn-modules")
                .then()
                .statusCode(200)
                .body(containsString("<h1>Mijn modules</h1>"))
                .body(containsString("Uitloggen"));
        // the session's ID token was verified once; the next page views take it from the cache of verified tokens
        long hits = tokens.cache().hits();
        given().filter(cookies)
                .redirects()
                .follow(false)
                .get("/mijn-modules")
                .then()
                .statusCode(200);
        given().filter(cookies)
                .redirects()
                .follow(false)
                .get("/mijn-modules")
                .then()
                .statusCode(200);
        assertEquals(hits + 2, tokens.cache().hits());
        Response logout = given().filter(cookies).redirects().follow(false).post("/uitloggen");
        // Logout ends the session at the identity provider too (RP-initiated logout), then returns to the start page.
        logout.then()
                .statusCode(302)
                .header("Location", containsString("/protocol/openid-connect/end-session?id_token_hint="))
                .header("Location", containsString("post_logout_redirect_uri="));
        given().filter(cookies)
                .redirects()
                .follow(false)
                .get("/mijn-modules")
                .then()
                .statusCode(302);
    }
}
