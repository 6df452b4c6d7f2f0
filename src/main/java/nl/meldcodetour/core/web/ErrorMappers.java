/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.meldcodetour.core.ConflictException;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.LogScrub;
import nl.meldcodetour.core.MissingException;
import nl.meldcodetour.core.OutOfScopeException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into a clear Dutch answer: a page for people, {@code application/problem+json} ({@link ApiError})
 * under /api. Never a stack trace; unexpected errors are logged with an id the user can quote.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    @ServerExceptionMapper({NotFoundException.class, MissingException.class})
    public Response notFound(RuntimeException e, UriInfo uri) {
        return respond(
                uri, 404, "Niet gevonden", "Deze pagina of dit onderdeel bestaat niet (meer), of is niet voor jou.");
    }

    @ServerExceptionMapper({ForbiddenException.class, jakarta.ws.rs.ForbiddenException.class})
    public Response forbidden(RuntimeException e, UriInfo uri) {
        return respond(
                uri,
                403,
                "Geen toegang",
                "Je account heeft geen toegang tot dit onderdeel. Denk je dat dit niet klopt? Neem contact op met de beheerder van Meldcodetour in je organisatie.");
    }

    /** Outside the caller's gemeenten (docs/security.md, "Gemeente scope"): 403 with what they can do about it. */
    @ServerExceptionMapper
    public Response outOfScope(OutOfScopeException e, UriInfo uri) {
        return respond(uri, 403, "Geen toegang", e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<ApiError.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new ApiError.Violation(field(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(ApiError.Violation::field))
                .toList();
        return json(new ApiError(400, "Ongeldige invoer", violations));
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        List<ApiError.Violation> violations = e.errors().entrySet().stream()
                .map(entry -> new ApiError.Violation(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(ApiError.Violation::field))
                .toList();
        if (!isApi(uri)) {
            return respond(uri, 400, "Ongeldige invoer", String.join(" ", new TreeMap<>(e.errors()).values()));
        }
        return json(new ApiError(400, "Ongeldige invoer", violations));
    }

    @ServerExceptionMapper
    public Response tooMany(RateLimits.TooManyRequests e, UriInfo uri) {
        Response r =
                isApi(uri) ? json(ApiError.of(429, e.getMessage())) : respond(uri, 429, "Even wachten", e.getMessage());
        return Response.fromResponse(r)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper({ConflictException.class, OptimisticLockException.class, StaleObjectStateException.class})
    public Response conflict(RuntimeException e, UriInfo uri) {
        String message = e instanceof ConflictException
                ? e.getMessage()
                : "Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en voer je wijziging nog eens in.";
        if (isApi(uri)) {
            return json(ApiError.of(409, message));
        }
        return respond(uri, 409, "Wijziging niet opgeslagen", message);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return json(ApiError.of(400, "De JSON in het verzoek is ongeldig of past niet bij wat verwacht wordt."));
    }

    /** JSON of the wrong shape: text where a number belongs, a list where text belongs... Named per field, in Dutch. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("."));
        Class<?> target = e.getTargetType();
        String expected = target == null
                ? "een andere waarde"
                : Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class
                        ? "een getal"
                        : target == Boolean.class || target == boolean.class
                                ? "true of false"
                                : Collection.class.isAssignableFrom(target)
                                        ? "een lijst"
                                        : Temporal.class.isAssignableFrom(target)
                                                ? "een datum (jjjj-mm-dd) of tijd (jjjj-mm-ddTuu:mm)"
                                                : target == String.class ? "tekst" : "een andere waarde";
        if (field.isEmpty()) {
            return json(ApiError.of(400, "De JSON in het verzoek past niet bij wat verwacht wordt."));
        }
        return json(new ApiError(
                400, "Ongeldige invoer", List.of(new ApiError.Violation(field, "Hier hoort " + expected + "."))));
    }

    @ServerExceptionMapper
    public Response clientError(ClientErrorException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = switch (status) {
            case 405 -> "Deze actie kan hier niet";
            case 406, 415 -> "Dit formaat wordt niet ondersteund";
            case 413 -> "Het verzoek is te groot";
            default -> "Ongeldig verzoek";
        };
        return respond(uri, status, title, "Controleer wat je hebt ingevuld en probeer het opnieuw.");
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (e instanceof AuthenticationException || e instanceof UnauthorizedException) {
            // Not ours to answer: the OIDC mechanism turns these into a login redirect (pages) or a 401 (API).
            throw (RuntimeException) e;
        }
        if (e instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            return respond(
                    uri,
                    wae.getResponse().getStatus(),
                    "Ongeldig verzoek",
                    "Controleer wat je hebt ingevuld en probeer het opnieuw.");
        }
        if (e instanceof OIDCException) {
            LOG.warnf("Identity provider unreachable on %s: %s", uri.getPath(), LogScrub.text(e.getMessage()));
            Response r = respond(
                    uri,
                    503,
                    "Inloggen kan nu even niet",
                    "De inlogdienst is nu even niet bereikbaar. Probeer het over een minuut opnieuw.");
            return Response.fromResponse(r).header(HttpHeaders.RETRY_AFTER, 30).build();
        }
        if (databaseUnreachable(e)) {
            LOG.warnf("Database unreachable on %s: %s", uri.getPath(), LogScrub.text(e.toString()));
            Response r = respond(
                    uri,
                    503,
                    "Tijdelijk niet beschikbaar",
                    "Meldcodetour kan de gegevens nu even niet bereiken. Wat al was opgeslagen, blijft bewaard. Probeer het over een minuut opnieuw.");
            return Response.fromResponse(r).header(HttpHeaders.RETRY_AFTER, 30).build();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpClosedException) {
                // the client went away while its request body was being read: nobody is left to answer
                LOG.debugf("Client closed the connection on %s", uri.getPath());
                return Response.status(400).build();
            }
            // a unique key refused a second copy (two identical requests at the same moment): nothing was saved twice
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                LOG.infof("Refused a duplicate on %s (%s)", uri.getPath(), constraint(e));
                String message =
                        "Dit was al opgeslagen; waarschijnlijk is het twee keer verstuurd. Er is niets dubbel opgeslagen. "
                                + "Laad de pagina opnieuw om te zien wat er nu staat.";
                return isApi(uri) ? json(ApiError.of(409, message)) : page(409, "Al opgeslagen", message);
            }
            // SQL state class 22 (data exception: a NUL character, text too long, a value out of range) is always input
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                LOG.infof("Refused input on %s: SQL state %s", uri.getPath(), sql.getSQLState());
                return respond(
                        uri,
                        400,
                        "Ongeldige invoer",
                        "Wat je invulde bevat een teken dat niet kan (zoals een nul-teken) of is te lang. Pas het aan en probeer het opnieuw.");
            }
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        // the messages of SQL and SMTP exceptions quote the data (docs/privacy.md, "Logs"): logged scrubbed
        LOG.errorf(LogScrub.throwable(e), "Unexpected error %s on %s", id, uri.getPath());
        return respond(
                uri,
                500,
                "Er ging iets mis",
                "Er ging aan onze kant iets mis. Probeer het later opnieuw. Meld bij aanhoudende problemen foutcode "
                        + id + ".");
    }

    /** The constraint that refused a duplicate, as Hibernate names it: for the log instead of the values it quotes. */
    private static String constraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && c.getConstraintName() != null) {
                return "constraint " + c.getConstraintName();
            }
        }
        return "constraint unknown";
    }

    /** The database is down or restarting: connection refused or lost (SQL state 08, 57P0x) or no pooled connection in time. */
    static boolean databaseUnreachable(Throwable e) {
        return databaseUnreachable(e, 0);
    }

    private static boolean databaseUnreachable(Throwable t, int depth) {
        if (t == null || depth > 12) {
            return false;
        }
        if (t instanceof JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
            if (sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) {
                return true;
            }
        }
        // a failed commit keeps the connection error as a suppressed exception, not as its cause
        for (Throwable s : t.getSuppressed()) {
            if (databaseUnreachable(s, depth + 1)) {
                return true;
            }
        }
        return databaseUnreachable(t.getCause(), depth + 1);
    }

    static boolean isApi(UriInfo uri) {
        return uri.getPath().startsWith("/api");
    }

    private static Response respond(UriInfo uri, int status, String title, String message) {
        if (isApi(uri)) {
            return json(ApiError.of(status, title, message));
        }
        return page(status, title, message);
    }

    /** An HTML error page in the site's layout. */
    static Response page(int status, String title, String message) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(Templates.error(status, title, message))
                .build();
    }

    private static Response json(ApiError error) {
        return error.response();
    }

    /** "submit.request.answers" -> "answers": the field as the client named it. */
    private static String field(String path) {
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }
}
