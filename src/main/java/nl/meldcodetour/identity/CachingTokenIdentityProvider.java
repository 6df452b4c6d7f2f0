/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import nl.meldcodetour.core.config.MeldcodetourConfig;

/**
 * Puts {@link VerifiedTokenCache} in front of quarkus-oidc's own identity provider: a bearer token (API, and pages in
 * the benchmark) or the ID token of a browser session that was verified before is answered from the cache; any other
 * token goes to {@link OidcIdentityProvider} unchanged, and what it verifies is kept. Failures are never cached.
 * Runs before the OIDC provider (higher priority); returns nothing for requests that are not OIDC tokens, so the
 * chain goes on as without it. {@code meldcodetour.oidc.token-cache.max-entries=0} turns it off.
 */
@ApplicationScoped
public class CachingTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final String TENANT_ID = "tenant-id";
    private static final String CODE_FLOW_ACCESS_TOKEN = "access_token";

    private final OidcIdentityProvider oidc;
    private final VerifiedTokenCache cache;

    @Inject
    public CachingTokenIdentityProvider(
            OidcIdentityProvider oidc, MeterRegistry registry, Clock clock, MeldcodetourConfig config) {
        this.oidc = oidc;
        this.cache = new VerifiedTokenCache(
                config.oidc().tokenCache().maxEntries(),
                config.oidc().tokenCache().maxAge(),
                clock);
        Gauge.builder("meldcodetour.oidc.token.cache.size", cache, VerifiedTokenCache::size)
                .description("Verified tokens kept")
                .register(registry);
        Gauge.builder("meldcodetour.oidc.token.cache.hits", cache, VerifiedTokenCache::hits)
                .description("Requests whose token was verified before")
                .register(registry);
        Gauge.builder("meldcodetour.oidc.token.cache.misses", cache, VerifiedTokenCache::misses)
                .description("Requests whose token was verified in full")
                .register(registry);
    }

    public VerifiedTokenCache cache() {
        return cache;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        TokenCredential token = request.getToken();
        if (!(token instanceof AccessTokenCredential || token instanceof IdTokenCredential)) {
            return Uni.createFrom().nullItem();
        }
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        Object tenant = routing == null ? null : routing.get(TENANT_ID);
        if (!cache.enabled() || tenant == null) {
            return oidc.authenticate(request, context);
        }
        Object codeFlowAccessToken = token instanceof IdTokenCredential ? routing.get(CODE_FLOW_ACCESS_TOKEN) : null;
        String key = VerifiedTokenCache.key(tenant, token.getClass().getName(), token.getToken(), codeFlowAccessToken);
        Map<String, Object> perRequest = new HashMap<>(2);
        perRequest.put(RoutingContext.class.getName(), routing);
        perRequest.put(AuthenticationRequestContext.class.getName(), context);
        SecurityIdentity known = cache.lookup(key, perRequest);
        if (known != null) {
            // as the OIDC provider does, for a tenant resolver that needs to block
            routing.put(AuthenticationRequestContext.class.getName(), context);
            return Uni.createFrom().item(known);
        }
        return oidc.authenticate(request, context).invoke(identity -> {
            if (identity != null) {
                cache.store(key, identity);
            }
        });
    }
}
