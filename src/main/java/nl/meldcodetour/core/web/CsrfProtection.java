/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Pattern;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Cross-site request forgery protection for every page form (double-submit cookie). The first page a browser gets sets
 * a random token in an HttpOnly, SameSite=Strict cookie ({@code __Host-} prefixed in production, so no other host can
 * plant it); every form sends the same token in the hidden field {@value #FIELD} (templates:
 * {@code {inject:layout.csrf}}). A POST, PUT, PATCH or DELETE to a page without a matching pair gets a 403 page.
 * The API ({@code /api/*}) takes bearer tokens only, which a browser never sends by itself, so it needs no token.
 */
@ApplicationScoped
public class CsrfProtection {

    /** The hidden form field. */
    public static final String FIELD = "csrf";

    static final String CONTEXT_KEY = "meldcodetour.csrf";
    private static final Logger LOG = Logger.getLogger(CsrfProtection.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Inject
    MeldcodetourConfig config;

    /** The cookie's name: {@code __Host-csrf} when secure (production), {@code csrf} over plain http (dev, tests). */
    public String cookieName() {
        return config.csrf().secureCookie() ? "__Host-csrf" : "csrf";
    }

    /** Hands every browser request a token: the one in its cookie, or a new one that is set as cookie now. */
    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    String path = rc.normalizedPath();
                    if (!path.startsWith("/api/")
                            && !path.startsWith("/q/")
                            && !path.startsWith("/css/")
                            && !path.startsWith("/js/")
                            && !path.startsWith("/img/")) {
                        Cookie cookie = rc.request().getCookie(cookieName());
                        String token = cookie != null && wellFormed(cookie.getValue()) ? cookie.getValue() : null;
                        if (token == null && isSafe(rc.request().method())) {
                            token = newToken();
                            rc.response()
                                    .addCookie(Cookie.cookie(cookieName(), token)
                                            .setPath("/")
                                            .setHttpOnly(true)
                                            .setSecure(config.csrf().secureCookie())
                                            .setSameSite(CookieSameSite.STRICT));
                        }
                        if (token != null) {
                            rc.put(CONTEXT_KEY, token);
                        }
                    }
                    rc.next();
                },
                90);
    }

    /** Refuses an unsafe page request whose form does not carry the cookie's token. */
    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext rc) {
        if (isSafe(rc.request().method()) || rc.normalizedPath().startsWith("/api/")) {
            return null;
        }
        String expected = rc.get(CONTEXT_KEY);
        Object sent = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(FIELD, true, false);
        String sentText = sent instanceof String s
                ? s
                : sent instanceof Collection<?> c && c.size() == 1
                        ? String.valueOf(c.iterator().next())
                        : null;
        if (expected != null
                && sentText != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), sentText.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        LOG.infof(
                "Refused %s %s: %s",
                rc.request().method(),
                rc.normalizedPath(),
                expected == null ? "no CSRF cookie" : sentText == null ? "no CSRF form field" : "CSRF token mismatch");
        return ErrorMappers.page(
                403,
                "Formulier verlopen",
                "We konden niet controleren dat dit formulier van Meldcodetour zelf kwam, dus er is niets opgeslagen. "
                        + "Ga terug, laad de pagina opnieuw en verstuur het formulier nog een keer.");
    }

    private static boolean isSafe(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    }

    static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
