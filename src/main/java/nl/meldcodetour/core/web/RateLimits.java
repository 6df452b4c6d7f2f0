/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import org.jboss.logging.Logger;

/**
 * Abuse limits. Per person: quiz attempts and submissions ({@link #quiz()}), file uploads ({@link #upload(String)}). Per client address: the
 * login start and the identity provider's return ({@code /inloggen}, any request carrying {@code code} and
 * {@code state}), and certificate verification. Over the limit: 429 with Retry-After and a Dutch explanation.
 * Behind a reverse proxy set {@code quarkus.http.proxy.proxy-address-forwarding=true} so the client address is real.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);

    @Inject
    RateLimiter limiter;

    @Inject
    SecurityIdentity identity;

    @Inject
    MeldcodetourConfig config;

    /** Quiz attempts and submissions, per person: throws {@link TooManyRequests} over the limit. */
    public void quiz() {
        if (!identity.isAnonymous()) {
            long wait = limiter.acquire(
                    "quiz:" + identity.getPrincipal().getName(),
                    config.rateLimit().quizPerMinute());
            if (wait > 0) {
                throw new TooManyRequests(wait, "Je hebt in korte tijd heel vaak een toets gestart of ingeleverd.");
            }
        }
    }

    /**
     * CSV uploads (imports of organisations and staff lists, page and API), per person ({@code actor}: the subject):
     * each upload is read, parsed and kept as a preview, so a script could otherwise fill memory and the database
     * (issue #28, point 7). Throws {@link TooManyRequests} over the limit.
     */
    public void upload(String actor) {
        long wait = limiter.acquire(
                "upload:" + actor,
                config.rateLimit().uploads(),
                config.rateLimit().uploadsPeriod());
        if (wait > 0) {
            LOG.info("Rate limit upload reached"); // not who: logs carry no subjects (docs/privacy.md, "Logs")
            throw new TooManyRequests(wait, "Je hebt in korte tijd te veel bestanden geüpload.");
        }
    }

    /** Over a limit: answered with 429, Retry-After and this explanation (ErrorMappers). */
    public static class TooManyRequests extends RuntimeException {
        private final long retryAfterSeconds;

        TooManyRequests(long retryAfterSeconds, String why) {
            super(why + " Wacht " + duration(retryAfterSeconds) + " en probeer het dan opnieuw.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        /** "1 seconde", "45 seconden", or from two minutes on "9 minuten" (rounded up). */
        static String duration(long seconds) {
            return seconds < 120
                    ? Dutch.count(seconds, "seconde", "seconden")
                    : Dutch.count((seconds + 59) / 60, "minuut", "minuten");
        }
    }

    /** Per client address, before anything else: login and verification. */
    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    String path = routePath(rc.normalizedPath());
                    String bucket = null;
                    int perMinute = 0;
                    if (path.equals("/inloggen")
                            || (rc.request().getParam("code") != null
                                    && rc.request().getParam("state") != null)) {
                        bucket = "login";
                        perMinute = config.rateLimit().loginPerMinute();
                    } else if (path.startsWith("/verificatie/")) {
                        bucket = "verify";
                        perMinute = config.rateLimit().verificationPerMinute();
                    }
                    if (bucket != null) {
                        String client = rc.request().remoteAddress() == null
                                ? "?"
                                : clientKey(rc.request().remoteAddress().hostAddress());
                        long wait = limiter.acquire(bucket + ":" + client, perMinute);
                        if (wait > 0) {
                            LOG.infof(
                                    "Rate limit %s reached",
                                    bucket); // not the address, nor the verification code in the path (docs/privacy.md,
                            // "Logs")
                            rc.response()
                                    .setStatusCode(429)
                                    .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait))
                                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                                    .end("Te veel verzoeken in korte tijd. Wacht " + TooManyRequests.duration(wait)
                                            + " en probeer het dan opnieuw.");
                            return;
                        }
                    }
                    rc.next();
                },
                80);
    }

    /**
     * The path as the routes see it: JAX-RS ignores matrix parameters ({@code /inloggen;x}) and a trailing slash, so
     * the limit must too, or {@code /verificatie;x/CODE} would be a way around it.
     */
    static String routePath(String path) {
        String route = path == null ? "/" : path.replaceAll(";[^/]*", "");
        return route.length() > 1 && route.endsWith("/") ? route.substring(0, route.length() - 1) : route;
    }

    /**
     * The bucket of a client address: an IPv4 address as itself (also when it arrives IPv4-mapped, {@code ::ffff:a.b.c.d});
     * an IPv6 address by its /64 network, because one client is usually given a whole /64 and could otherwise take a
     * new address for every request.
     */
    static String clientKey(String address) {
        if (address == null || address.isEmpty()) {
            return "?";
        }
        String a =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!a.contains(":")) {
            return a;
        }
        try {
            byte[] bytes = InetAddress.getByName(a.replaceAll("%.*$", "")).getAddress(); // a literal: no DNS lookup
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress(); // IPv4-mapped, unwrapped by InetAddress
            }
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return a;
        }
    }
}
