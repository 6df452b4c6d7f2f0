package nl.meldcodetour.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Signed bearer tokens from the test OIDC server, for a fresh or a given person. */
public final class Tokens {

    private Tokens() {
    }

    /** A new, unique person with the given roles (and optionally a sector claim). */
    public static TestUser newUser(String sector, String... roles) {
        String subject = "test-" + UUID.randomUUID();
        return new TestUser(subject, token(subject, sector, Set.of(roles)));
    }

    public static String token(String subject, String sector, Set<String> roles) {
        Map<String, String> claims = new HashMap<>();
        claims.put("name", "Test " + subject.substring(0, Math.min(13, subject.length())));
        claims.put("email", subject + "@example.org");
        if (sector != null) {
            claims.put("sector", sector);
        }
        return OidcWiremockTestResource.generateJwtToken(subject, roles, subject, "sid-" + subject,
                Set.of("meldcodetour"), claims);
    }

    /** A test person and their token. */
    public record TestUser(String subject, String token) {
        public RequestSpecification given() {
            return RestAssured.given().auth().oauth2(token);
        }
    }
}
