/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import nl.meldcodetour.testsupport.TestClock;
import nl.meldcodetour.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The cache of verified tokens in the running application, with tokens of the test OIDC server: a token is verified
 * once and then answered from the cache; a changed signature or payload, an expired token and another person's
 * token are verified (and refused or accepted) on their own.
 */
@QuarkusTest
class TokenCacheTest {

    @Inject
    CachingTokenIdentityProvider provider;

    long hits() {
        return provider.cache().hits();
    }

    long misses() {
        return provider.cache().misses();
    }

    static String tokenExpiringAt(String subject, Instant expiry, Set<String> roles) {
        return Jwt.claims()
                .subject(subject)
                .upn(subject)
                .claim("name", "Kort " + subject.substring(0, 8))
                .claim("email", subject + "@example.org")
                .issuer("https://server.example.com")
                .audience(Set.of("meldcodetour"))
                .groups(roles)
                .expiresAt(expiry)
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }

    @Test
    void theSameTokenIsVerifiedOnceThenAnsweredFromTheCache() {
        var user = Tokens.newUser("onderwijs", "medewerker");
        long hits = hits();
        long misses = misses();
        user.given().get("/api/me").then().statusCode(200).body("name", containsString("Test "));
        assertEquals(misses + 1, misses(), "first request: verified in full");
        assertEquals(hits, hits());
        user.given().get("/api/me").then().statusCode(200).body("name", containsString("Test "));
        user.given().get("/api/me").then().statusCode(200);
        assertEquals(hits + 2, hits(), "second and third request: from the cache");
        assertEquals(misses + 1, misses());
    }

    @Test
    void anotherPersonsTokenGivesThatPerson() {
        var alice = Tokens.newUser("onderwijs", "medewerker");
        var bob = Tokens.newUser("zorg", "medewerker");
        alice.given().get("/api/me").then().statusCode(200);
        bob.given().get("/api/me").then().statusCode(200);
        alice.given()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("name", containsString(alice.subject().substring(0, 8)));
        bob.given()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("name", containsString(bob.subject().substring(0, 8)));
    }

    @Test
    void whatIsDerivedFromOneTokensClaimsStaysWithThatToken() {
        // CurrentUser keeps the claims it reads in the cached identity of the token (VerifiedTokenCache
        // .DERIVED_CLAIMS_ATTRIBUTE): alternating people each keep their own; a new token of the same person with a
        // new name and e-mail is read anew
        var alice = Tokens.newUser("onderwijs", "medewerker");
        var bob = Tokens.newUser("kinderopvang", "medewerker");
        for (int i = 0; i < 3; i++) {
            alice.given()
                    .get("/api/me")
                    .then()
                    .statusCode(200)
                    .body("subject", Matchers.equalTo(alice.subject()))
                    .body("sector", Matchers.equalTo("onderwijs"));
            bob.given()
                    .get("/api/me")
                    .then()
                    .statusCode(200)
                    .body("subject", Matchers.equalTo(bob.subject()))
                    .body("sector", Matchers.equalTo("kinderopvang"));
        }
        String subject = "hernoemd-" + UUID.randomUUID();
        String first = Jwt.claims()
                .subject(subject)
                .upn(subject)
                .claim("name", "Eerste Naam")
                .claim("email", "eerste-" + subject + "@example.org")
                .issuer("https://server.example.com")
                .audience(Set.of("meldcodetour"))
                .groups(Set.of("medewerker"))
                .expiresIn(Duration.ofMinutes(5))
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
        String renamed = Jwt.claims()
                .subject(subject)
                .upn(subject)
                .claim("name", "Nieuwe Naam")
                .claim("email", "nieuw-" + subject + "@example.org")
                .issuer("https://server.example.com")
                .audience(Set.of("meldcodetour"))
                .groups(Set.of("medewerker"))
                .expiresIn(Duration.ofMinutes(5))
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
        given().auth()
                .oauth2(first)
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("name", Matchers.equalTo("Eerste Naam"));
        given().auth()
                .oauth2(first)
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("name", Matchers.equalTo("Eerste Naam"));
        given().auth()
                .oauth2(renamed)
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("name", Matchers.equalTo("Nieuwe Naam"))
                .body("email", Matchers.equalTo("nieuw-" + subject + "@example.org"));
        given().auth()
                .oauth2(renamed)
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("name", Matchers.equalTo("Nieuwe Naam"));
    }

    @Test
    void aChangedSignatureOrPayloadIsRefusedWhileTheGenuineTokenIsCached() {
        var user = Tokens.newUser("onderwijs", "medewerker");
        user.given().get("/api/me").then().statusCode(200);
        user.given().get("/api/me").then().statusCode(200);

        String[] parts = user.token().split("\\.");
        char c = parts[2].charAt(10);
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (c == 'A' ? 'B' : 'A')
                + parts[2].substring(11);
        given().auth().oauth2(badSignature).get("/api/me").then().statusCode(401);

        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"medewerker\"", "\"beheerder\"");
        assertTrue(payload.contains("beheerder"));
        String badPayload = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        given().auth().oauth2(badPayload).get("/api/me").then().statusCode(401);
        given().auth().oauth2(badPayload).get("/api/me").then().statusCode(401);

        user.given().get("/api/me").then().statusCode(200);
    }

    /**
     * The cache's clock is the application's {@link Clock}, moved here past the token's expiry: the cache no longer
     * answers for the token, so quarkus-oidc verifies it in full, and refuses it once it has expired (next test).
     * quarkus-oidc checks {@code exp} against the real time, so the token itself is still valid for it here.
     */
    @Test
    void anExpiredTokenIsNoLongerAnsweredFromTheCache() {
        TestClock clock = TestClock.now();
        QuarkusMock.installMockForType(clock, Clock.class);
        Instant expiry = clock.instant().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS); // exp has whole seconds
        String token = tokenExpiringAt("kort-" + UUID.randomUUID(), expiry, Set.of("medewerker"));
        long hits = hits();
        long misses = misses();
        given().auth().oauth2(token).get("/api/me").then().statusCode(200);
        given().auth().oauth2(token).get("/api/me").then().statusCode(200);
        assertEquals(hits + 1, hits(), "the second request came from the cache");
        clock.setTo(expiry.minusMillis(1));
        given().auth().oauth2(token).get("/api/me").then().statusCode(200);
        assertEquals(hits + 2, hits(), "just before its expiry the token still comes from the cache");
        clock.setTo(expiry);
        given().auth().oauth2(token).get("/api/me").then().statusCode(200);
        assertEquals(hits + 2, hits(), "at its expiry the token is no longer answered from the cache ...");
        assertEquals(misses + 2, misses(), "... but verified in full");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token =
                tokenExpiringAt("verlopen-" + UUID.randomUUID(), Instant.now().minusSeconds(60), Set.of("medewerker"));
        long hits = hits();
        given().auth().oauth2(token).get("/api/me").then().statusCode(401);
        given().auth().oauth2(token).get("/api/me").then().statusCode(401);
        assertEquals(hits, hits(), "a refused token is never kept");
    }

    @Test
    void rolesStillDecideWhatACachedIdentityMayDo() {
        var user = Tokens.newUser("onderwijs", "medewerker");
        user.given().get("/api/me").then().statusCode(200);
        long hits = hits();
        user.given().get("/api/coverage/coverage").then().statusCode(403);
        user.given().get("/api/coverage/coverage").then().statusCode(403);
        assertEquals(hits + 2, hits());
    }
}
