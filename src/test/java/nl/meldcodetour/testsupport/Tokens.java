/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.testsupport;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Signed bearer tokens from the test OIDC server, for a fresh or a given person. */
public final class Tokens {

    private Tokens() {}

    /** A new, unique person with the given roles (and optionally a sector claim). */
    public static TestUser newUser(String sector, String... roles) {
        String subject = "test-" + UUID.randomUUID();
        return new TestUser(subject, token(subject, sector, Set.of(roles)));
    }

    /** A token with the e-mail address {@code <subject>@example.org}, verified by the identity provider. */
    public static String token(String subject, String sector, Set<String> roles) {
        return token(subject, sector, roles, subject + "@example.org", true);
    }

    /** A token with the given e-mail address, and {@code email_verified} as given. */
    public static String token(String subject, String sector, Set<String> roles, String email, boolean emailVerified) {
        return token(
                subject,
                sector,
                roles,
                email,
                emailVerified,
                "Test " + subject.substring(0, Math.min(13, subject.length())));
    }

    /** A token with the given e-mail address and display name ({@code name} claim). */
    public static String token(
            String subject, String sector, Set<String> roles, String email, boolean emailVerified, String name) {
        Map<String, String> claims = new HashMap<>();
        claims.put("name", name);
        claims.put("email", email);
        claims.put("email_verified", String.valueOf(emailVerified));
        if (sector != null) {
            claims.put("sector", sector);
        }
        return OidcWiremockTestResource.generateJwtToken(
                subject, roles, subject, "sid-" + subject, Set.of("meldcodetour"), claims);
    }

    /** A new, unique person with the role gemeente whose token's {@code gemeente} claim names this gemeente. */
    public static TestUser newGemeenteUser(String gemeente) {
        String subject = "test-" + UUID.randomUUID();
        Map<String, String> claims = new HashMap<>();
        claims.put("name", "Test " + subject.substring(0, 13));
        claims.put("email", subject + "@example.org");
        claims.put("email_verified", "true");
        claims.put("gemeente", gemeente);
        return new TestUser(
                subject,
                OidcWiremockTestResource.generateJwtToken(
                        subject, Set.of("gemeente"), subject, "sid-" + subject, Set.of("meldcodetour"), claims));
    }

    /** A new, unique person whose token carries this e-mail address, verified or not. */
    public static TestUser newUserWithEmail(String email, boolean emailVerified, String sector, String... roles) {
        String subject = "test-" + UUID.randomUUID();
        return new TestUser(subject, token(subject, sector, Set.of(roles), email, emailVerified));
    }

    /** A test person and their token. */
    public record TestUser(String subject, String token) {
        public RequestSpecification given() {
            return RestAssured.given().auth().oauth2(token);
        }
    }
}
