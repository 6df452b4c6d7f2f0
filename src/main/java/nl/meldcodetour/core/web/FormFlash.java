/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.meldcodetour.core.config.MeldcodetourConfig;

/**
 * Post/redirect/get for forms with errors (issue #30, point 5). A form whose input is refused is not answered with
 * the form page itself (a POST answer: Back to it shows the browser's "Confirm Form Resubmission"), but with a
 * redirect to the form's own address; what was typed, the errors and the message travel in a cookie that lives
 * {@value #MAX_AGE_SECONDS} seconds, only for that address, and is read once.
 *
 * <p>The cookie is HttpOnly, SameSite=Lax, Secure in production, and bound to the browser's CSRF token: a value
 * planted by anyone else does not match and is ignored. Nothing in it is trusted: the page shows it escaped, and a
 * new submit is validated as any other. A form too large for a cookie (more than about 3.5 KB) falls back to the form
 * page as the POST answer, as before.
 */
@ApplicationScoped
public class FormFlash {

    static final int MAX_AGE_SECONDS = 120;
    static final int MAX_COOKIE_CHARS = 3500;
    private static final String NAME = "formulier";

    /** What the refused submit carried back to the form. */
    public record Flashed(Map<String, String> form, Map<String, String> errors, String message) {}

    @Inject
    CsrfProtection csrf;

    @Inject
    RoutingContext rc;

    @Inject
    MeldcodetourConfig config;

    /**
     * A 303 to {@code path} (an absolute path without query, the form's GET address) that brings the form back with
     * its errors; empty when it does not fit in a cookie, then the caller answers with the form page itself.
     */
    public Optional<Response> redirect(
            String path, Map<String, String> form, Map<String, String> errors, String message) {
        StringBuilder value = new StringBuilder();
        form.forEach((k, v) -> UrlEncodedPairs.append(value, "f." + k, v));
        errors.forEach((k, v) -> UrlEncodedPairs.append(value, "e." + k, v));
        if (message != null) {
            UrlEncodedPairs.append(value, "m", message);
        }
        String cookie = binding() + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(value.toString().getBytes(StandardCharsets.UTF_8));
        if (cookie.length() > MAX_COOKIE_CHARS) {
            return Optional.empty();
        }
        return Optional.of(Response.seeOther(URI.create(path))
                .header("Set-Cookie", cookie(path, cookie, MAX_AGE_SECONDS))
                .header("Cache-Control", "no-store")
                .build());
    }

    /** The form brought back to this address, once: the cookie is removed when read. */
    public Optional<Flashed> take() {
        Cookie cookie = rc.request().getCookie(cookieName());
        if (cookie == null) {
            return Optional.empty();
        }
        String path = rc.normalizedPath();
        rc.response().headers().add("Set-Cookie", cookie(path, "", 0));
        String value = cookie.getValue();
        int dot = value.indexOf('.');
        if (dot < 0
                || !MessageDigest.isEqual(
                        value.substring(0, dot).getBytes(StandardCharsets.UTF_8),
                        binding().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        try {
            String decoded =
                    new String(Base64.getUrlDecoder().decode(value.substring(dot + 1)), StandardCharsets.UTF_8);
            Map<String, String> form = new LinkedHashMap<>();
            Map<String, String> errors = new LinkedHashMap<>();
            String[] message = {null};
            UrlEncodedPairs.forEach(decoded, (name, v) -> {
                if (name.startsWith("f.")) {
                    form.put(name.substring(2), v);
                } else if (name.startsWith("e.")) {
                    errors.put(name.substring(2), v);
                } else if (name.equals("m")) {
                    message[0] = v;
                }
            });
            return Optional.of(new Flashed(form, errors, message[0]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String cookieName() {
        return config.csrf().secureCookie() ? "__Secure-" + NAME : NAME;
    }

    private String cookie(String path, String value, int maxAge) {
        return Cookie.cookie(cookieName(), value)
                .setPath(path)
                .setHttpOnly(true)
                .setSecure(config.csrf().secureCookie())
                .setSameSite(CookieSameSite.LAX)
                .setMaxAge(maxAge)
                .encode();
    }

    /** A short hash of this browser's CSRF token: a flash set for another browser does not apply here. */
    private String binding() {
        Cookie token = rc.request().getCookie(csrf.cookieName());
        String value = token == null ? "" : token.getValue();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("formulier:" + value).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
