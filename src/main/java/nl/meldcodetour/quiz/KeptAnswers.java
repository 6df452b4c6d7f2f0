/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import nl.meldcodetour.core.web.CsrfProtection;
import nl.meldcodetour.core.web.UrlEncodedPairs;
import org.jboss.logging.Logger;

/**
 * Keeps the answers of a quiz form that arrives after the login session has ended (issue #28, point 5). Normally an
 * expired token is refreshed without the learner noticing ({@code quarkus.oidc.token.refresh-expired}); when that is
 * not possible (the session at the identity provider ended: idle too long, logged out elsewhere), quarkus-oidc answers
 * the POST with a redirect to the login page and, after the login, brings the learner back to the quiz with a GET: the
 * form itself would be gone.
 *
 * <p>So a POST to {@code /toets/{attemptId}} is read before authentication, and when its answer is that redirect
 * (302; the application's own redirects after a POST are 303), the chosen answers go into a short-lived cookie
 * ({@value #MAX_AGE_SECONDS} s, HttpOnly, SameSite=Lax so it comes back with the return from the login page, {@code
 * __Host-} prefixed in production). {@link QuizPages} stores them as the attempt's draft when its owner opens the quiz
 * again, and says why. Only a form that carries the browser's own CSRF token is kept, so another site cannot plant
 * answers; a kept draft is never submitted without the learner.
 */
@ApplicationScoped
public class KeptAnswers {

    private static final Logger LOG = Logger.getLogger(KeptAnswers.class);
    static final int MAX_AGE_SECONDS = 3600;
    /** A quiz form is a few hundred bytes; anything far larger is not a quiz form and is refused (413). */
    static final int MAX_FORM_BYTES = 256 * 1024;
    /** Browsers keep cookies up to about 4 KB; answers that don't fit are not kept (a quiz needs ~1 KB). */
    static final int MAX_COOKIE_CHARS = 3800;

    private static final Pattern QUIZ_FORM =
            Pattern.compile("/toets/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

    /** What was kept: the chosen letters per question id, and whether the learner was handing in ({@code actie}). */
    public record Kept(Map<String, Set<String>> answers, boolean handingIn) {}

    @Inject
    CsrfProtection csrf;

    @Inject
    MeldcodetourConfig config;

    private final BodyHandler body =
            BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES).setMergeFormAttributes(false);

    String cookieName() {
        return config.csrf().secureCookie() ? "__Host-toets-antwoorden" : "toets-antwoorden";
    }

    /** Before authentication: reads a quiz form, and keeps its answers if the request is sent to log in. */
    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    Matcher quiz =
                            rc.request().method() == HttpMethod.POST ? QUIZ_FORM.matcher(rc.normalizedPath()) : null;
                    String type = rc.request().getHeader("Content-Type");
                    if (quiz == null
                            || !quiz.matches()
                            || type == null
                            || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                        rc.next();
                        return;
                    }
                    UUID attemptId = UUID.fromString(quiz.group(1));
                    rc.addHeadersEndHandler(v -> {
                        if (rc.response().getStatusCode() == 302) {
                            keep(rc, attemptId);
                        }
                    });
                    body.handle(rc); // reads the form (the resource method gets it as before), then goes on
                },
                SecurityHandlerPriorities.AUTHENTICATION + 50);
    }

    private void keep(RoutingContext rc, UUID attemptId) {
        var form = rc.request().formAttributes();
        Cookie token = rc.request().getCookie(csrf.cookieName());
        String sent = form.get(CsrfProtection.FIELD);
        if (token == null
                || sent == null
                || !MessageDigest.isEqual(
                        token.getValue().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            return;
        }
        StringBuilder kept =
                new StringBuilder("actie=").append(enc(form.get("actie") == null ? "" : form.get("actie")));
        form.forEach(e -> {
            if (e.getKey().startsWith(QuizPages.FIELD_PREFIX) && !e.getValue().isBlank()) {
                kept.append('&').append(enc(e.getKey())).append('=').append(enc(e.getValue()));
            }
        });
        String value = attemptId + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(kept.toString().getBytes(StandardCharsets.UTF_8));
        if (value.length() > MAX_COOKIE_CHARS) {
            LOG.infof("Answers to attempt %s not kept across the login: %d characters", attemptId, value.length());
            return;
        }
        rc.response()
                .headers()
                .add(
                        "Set-Cookie",
                        Cookie.cookie(cookieName(), value)
                                .setPath("/")
                                .setHttpOnly(true)
                                .setSecure(config.csrf().secureCookie())
                                .setSameSite(CookieSameSite.LAX)
                                .setMaxAge(MAX_AGE_SECONDS)
                                .encode());
        LOG.infof("Answers to attempt %s kept across the login", attemptId);
    }

    /**
     * The answers kept for this attempt, if any; the cookie is removed (also when it can't be read). Answers kept for
     * another attempt stay for that one.
     */
    public Optional<Kept> take(RoutingContext rc, UUID attemptId) {
        Cookie cookie = rc.request().getCookie(cookieName());
        if (cookie == null || !cookie.getValue().startsWith(attemptId + ".")) {
            return Optional.empty();
        }
        rc.response()
                .headers()
                .add(
                        "Set-Cookie",
                        Cookie.cookie(cookieName(), "")
                                .setPath("/")
                                .setHttpOnly(true)
                                .setSecure(config.csrf().secureCookie())
                                .setSameSite(CookieSameSite.LAX)
                                .setMaxAge(0)
                                .encode());
        try {
            String form = new String(
                    Base64.getUrlDecoder()
                            .decode(cookie.getValue()
                                    .substring(attemptId.toString().length() + 1)),
                    StandardCharsets.UTF_8);
            Map<String, Set<String>> answers = new HashMap<>();
            boolean[] handingIn = {false};
            UrlEncodedPairs.forEach(form, (name, value) -> {
                if (name.equals("actie")) {
                    handingIn[0] = !value.equals("opslaan");
                } else if (name.startsWith(QuizPages.FIELD_PREFIX)) {
                    answers.computeIfAbsent(name.substring(QuizPages.FIELD_PREFIX.length()), k -> new HashSet<>())
                            .add(value);
                }
            });
            return Optional.of(new Kept(answers, handingIn[0]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
