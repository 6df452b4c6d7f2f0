/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response. Pages are personal, so nothing but static files may be cached. The
 * Content-Security-Policy allows no inline script at all.
 */
public class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    rc.response()
                            .headers()
                            .set("Content-Security-Policy", CSP)
                            .set("X-Content-Type-Options", "nosniff")
                            .set("Referrer-Policy", "same-origin")
                            .set("X-Frame-Options", "DENY");
                    String path = rc.normalizedPath();
                    if (!path.startsWith("/css/") && !path.startsWith("/js/") && !path.startsWith("/img/")) {
                        rc.response().headers().set("Cache-Control", "no-store");
                    }
                    rc.next();
                },
                100);
    }
}
