/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Identities of tokens that quarkus-oidc has verified, kept until the token expires (at most {@code maxAge}), keyed by
 * a SHA-256 hash of the exact token text (plus the tenant and, for the browser session, the access token that came
 * with it). A hit therefore means that the very same bytes were verified before – signature, issuer, audience,
 * expiry – and the result of that check is reused instead of verifying the RS256 signature and parsing the claims
 * again on every request. A token that differs in one character is a miss and is verified in full.
 * <p>
 * What does <em>not</em> change: a JWT is verified locally, without asking the identity provider whether it was
 * revoked, with or without this cache. What does: a signing key the identity provider withdraws is honoured for at
 * most {@code maxAge} longer for the tokens already seen. Tokens bound to a client certificate or a DPoP key
 * ({@code cnf} claim) need a proof per request and are never cached.
 * <p>
 * Objects of the request in which the token was first verified (the Vert.x routing context, the authentication
 * context) are removed before an identity is kept, and the current request's are put in on a hit. Bounded:
 * at most {@code maxEntries} identities; when it is full, expired ones are removed and new tokens are verified
 * without being kept until there is room again.
 */
public final class VerifiedTokenCache {

    /** Identity attributes that belong to one request and must never be handed to another. */
    public static final List<String> PER_REQUEST_ATTRIBUTES =
            List.of("io.vertx.ext.web.RoutingContext", "io.quarkus.security.identity.AuthenticationRequestContext");

    private record Entry(SecurityIdentity identity, long expiresAtMillis) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long maxAgeMillis;
    private final Clock clock;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public VerifiedTokenCache(int maxEntries, Duration maxAge, Clock clock) {
        this.maxEntries = maxEntries;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
    }

    public boolean enabled() {
        return maxEntries > 0 && maxAgeMillis > 0;
    }

    /** The cache key: a hash of the parts, so the map holds no token text of its own. */
    public static String key(Object... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                sha.update((part == null ? "" : part.toString()).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The identity kept under {@code key}, with the given per-request attributes, or {@code null} when there is
     * none or it has expired.
     */
    public SecurityIdentity lookup(String key, Map<String, Object> requestAttributes) {
        Entry entry = entries.get(key);
        if (entry == null) {
            misses.incrementAndGet();
            return null;
        }
        if (clock.millis() >= entry.expiresAtMillis()) {
            entries.remove(key, entry);
            misses.incrementAndGet();
            return null;
        }
        hits.incrementAndGet();
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(entry.identity());
        requestAttributes.forEach((name, value) -> {
            if (value != null) {
                builder.addAttribute(name, value);
            }
        });
        return builder.build();
    }

    /**
     * Keeps a verified identity until its token's {@code exp} (at most {@code maxAge} from now). Returns whether it
     * was kept: not when the principal is not a JWT with an expiry, when the token is bound to a key ({@code cnf}),
     * or when the cache is full of unexpired entries.
     */
    public boolean store(String key, SecurityIdentity identity) {
        if (!enabled() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return false;
        }
        long exp = jwt.getExpirationTime();
        if (exp <= 0 || jwt.containsClaim("cnf")) {
            return false;
        }
        long now = clock.millis();
        long expiresAt = Math.min(exp * 1000, now + maxAgeMillis);
        if (expiresAt <= now) {
            return false;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> now >= e.expiresAtMillis());
            if (entries.size() >= maxEntries) {
                return false;
            }
        }
        entries.put(key, new Entry(withoutRequestObjects(identity), expiresAt));
        return true;
    }

    /**
     * Identity attribute of a kept identity: an empty {@link AtomicReference} in which {@link CurrentUser} keeps what it
     * derives from this token's claims, so that the claims are read once per token, not on every request (reading
     * them by name from jose4j was ~4 % of a page's CPU, docs/benchmarks.md, Decisions: Claims once per token).
     * Shared by every request with this exact
     * token and by nothing else; gone when the entry is.
     */
    public static final String DERIVED_CLAIMS_ATTRIBUTE = "nl.meldcodetour.identity.derived-claims";

    static SecurityIdentity withoutRequestObjects(SecurityIdentity identity) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        PER_REQUEST_ATTRIBUTES.forEach(attributes::remove);
        attributes.put(DERIVED_CLAIMS_ATTRIBUTE, new AtomicReference<Object>());
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addAttributes(attributes)
                .setAnonymous(identity.isAnonymous());
        if (identity instanceof QuarkusSecurityIdentity q) {
            builder.addPermissions(q.getPermissions());
        }
        return builder.build();
    }

    public int size() {
        return entries.size();
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    public void clear() {
        entries.clear();
    }
}
