/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import nl.meldcodetour.testsupport.TestClock;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The cache of verified tokens on its own: expiry, bounds, what it refuses to keep, per-request objects. */
class VerifiedTokenCacheTest {

    static final String ROUTING = VerifiedTokenCache.PER_REQUEST_ATTRIBUTES.get(0);
    static final String AUTH_CONTEXT = VerifiedTokenCache.PER_REQUEST_ATTRIBUTES.get(1);

    static JsonWebToken jwt(String subject, long exp, String... extraClaims) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", subject);
        claims.put("exp", exp);
        for (String c : extraClaims) {
            claims.put(c, "x");
        }
        return new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }

    static SecurityIdentity identity(JsonWebToken principal, Object routing) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(principal)
                .addRole("medewerker")
                .addAttribute("tenant-id", "api")
                .addAttribute(ROUTING, routing)
                .addAttribute(AUTH_CONTEXT, "ctx-1")
                .build();
    }

    final TestClock clock = new TestClock(Instant.parse("2026-11-30T12:00:00Z"));
    final VerifiedTokenCache cache = new VerifiedTokenCache(3, Duration.ofMinutes(5), clock);

    long inSeconds(long s) {
        return clock.instant().getEpochSecond() + s;
    }

    @Test
    void aHitGivesTheSameIdentityWithTheCurrentRequestsObjects() {
        Object firstRequest = new Object();
        Object secondRequest = new Object();
        assertTrue(cache.store("k", identity(jwt("alice", inSeconds(60)), firstRequest)));

        SecurityIdentity hit = cache.lookup("k", Map.of(ROUTING, secondRequest, AUTH_CONTEXT, "ctx-2"));
        assertEquals("alice", hit.getPrincipal().getName());
        assertEquals(Set.of("medewerker"), hit.getRoles());
        assertEquals("api", hit.getAttribute("tenant-id"));
        assertSame(secondRequest, hit.getAttribute(ROUTING), "the current request, never the first one");
        assertEquals("ctx-2", hit.getAttribute(AUTH_CONTEXT));
        assertEquals(1, cache.hits());
    }

    @Test
    void theKeptIdentityHoldsNoObjectOfTheFirstRequest() {
        assertTrue(cache.store("k", identity(jwt("alice", inSeconds(60)), new Object())));
        SecurityIdentity hit = cache.lookup("k", Map.of());
        assertFalse(hit.getAttributes().containsKey(ROUTING));
        assertFalse(hit.getAttributes().containsKey(AUTH_CONTEXT));
    }

    @Test
    void eachKeptTokenHasItsOwnSlotForItsDerivedClaims() {
        assertTrue(cache.store("a", identity(jwt("alice", inSeconds(60)), null)));
        assertTrue(cache.store("b", identity(jwt("bob", inSeconds(60)), null)));
        Object slotA = cache.lookup("a", Map.of()).getAttribute(VerifiedTokenCache.DERIVED_CLAIMS_ATTRIBUTE);
        assertTrue(slotA instanceof AtomicReference<?> ref && ref.get() == null, "empty when kept");
        assertSame(
                slotA,
                cache.lookup("a", Map.of()).getAttribute(VerifiedTokenCache.DERIVED_CLAIMS_ATTRIBUTE),
                "every request with the same token");
        Object slotB = cache.lookup("b", Map.of()).getAttribute(VerifiedTokenCache.DERIVED_CLAIMS_ATTRIBUTE);
        assertTrue(slotB != null && slotB != slotA, "another token, another slot");
    }

    @Test
    void anEntryEndsWhenTheTokenExpires() {
        cache.store("k", identity(jwt("alice", inSeconds(60)), null));
        clock.advance(Duration.ofSeconds(59));
        assertTrue(cache.lookup("k", Map.of()) != null);
        clock.advance(Duration.ofSeconds(1));
        assertNull(cache.lookup("k", Map.of()), "at exp the token is verified again (and refused)");
        assertEquals(0, cache.size());
    }

    @Test
    void anEntryEndsAfterMaxAgeEvenIfTheTokenLivesLonger() {
        cache.store("k", identity(jwt("alice", inSeconds(24 * 3600)), null));
        clock.advance(Duration.ofMinutes(5));
        assertNull(cache.lookup("k", Map.of()));
    }

    @Test
    void expiredKeyBoundOrNonJwtIdentitiesAreNotKept() {
        assertFalse(cache.store("expired", identity(jwt("a", inSeconds(-1)), null)));
        assertFalse(
                cache.store("bound", identity(jwt("b", inSeconds(60), "cnf"), null)), "cnf needs a proof per request");
        assertFalse(cache.store("noexp", identity(jwt("c", 0), null)));
        assertFalse(cache.store(
                "plain",
                QuarkusSecurityIdentity.builder().setPrincipal(() -> "d").build()));
        assertEquals(0, cache.size());
    }

    @Test
    void boundedFullOfLiveEntriesItKeepsNothingNewAndRemovesExpiredOnesFirst() {
        cache.store("a", identity(jwt("a", inSeconds(10)), null));
        cache.store("b", identity(jwt("b", inSeconds(60)), null));
        cache.store("c", identity(jwt("c", inSeconds(60)), null));
        assertFalse(cache.store("d", identity(jwt("d", inSeconds(60)), null)), "full");
        assertEquals(3, cache.size());
        clock.advance(Duration.ofSeconds(10));
        assertTrue(cache.store("d", identity(jwt("d", inSeconds(50)), null)), "the expired one made room");
        assertEquals(3, cache.size());
        assertNull(cache.lookup("a", Map.of()));
    }

    @Test
    void offWithZeroEntries() {
        VerifiedTokenCache off = new VerifiedTokenCache(0, Duration.ofMinutes(5), clock);
        assertFalse(off.enabled());
        assertFalse(off.store("k", identity(jwt("a", inSeconds(60)), null)));
    }

    @Test
    void theKeyDependsOnEveryPart() {
        String k = VerifiedTokenCache.key("api", "AccessTokenCredential", "eyJ.a.b", null);
        assertEquals(k, VerifiedTokenCache.key("api", "AccessTokenCredential", "eyJ.a.b", null));
        assertNotEquals(k, VerifiedTokenCache.key("Default", "AccessTokenCredential", "eyJ.a.b", null));
        assertNotEquals(k, VerifiedTokenCache.key("api", "IdTokenCredential", "eyJ.a.b", null));
        assertNotEquals(k, VerifiedTokenCache.key("api", "AccessTokenCredential", "eyJ.a.c", null));
        assertNotEquals(k, VerifiedTokenCache.key("api", "AccessTokenCredential", "eyJ.a.b", "at"));
        assertNotEquals(VerifiedTokenCache.key("ab", "c"), VerifiedTokenCache.key("a", "bc"), "parts are separated");
    }
}
