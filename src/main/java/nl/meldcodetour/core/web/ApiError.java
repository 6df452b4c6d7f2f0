/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The body of every API error, as {@code application/problem+json} (RFC 9457): {@code type}, a Dutch {@code title} a
 * person can read, the HTTP {@code status}, a {@code detail} where there is more to say, and per field what is wrong
 * in the extension member {@code violations} (always present, empty when no field is to blame).
 * <p>
 * {@code type} is always {@code about:blank}: the title and status say what happened, and there are no pages per kind
 * of problem to point to (docs/architecture.md, "Errors"). Example: {@code {"type":"about:blank","title":"Ongeldige
 * invoer","status":400,"violations":[{"field":"answers.stap-1","message":"Kies een antwoord."}]}}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem type of every error: no more than its status and title. */
    public static final String ABOUT_BLANK = "about:blank";

    public record Violation(String field, String message) {}

    public ApiError(int status, String title, List<Violation> violations) {
        this(ABOUT_BLANK, title, status, null, violations);
    }

    public static ApiError of(int status, String title) {
        return new ApiError(status, title, List.of());
    }

    /** The problem with a {@code detail}: what a person can do about it. */
    public static ApiError of(int status, String title, String detail) {
        return new ApiError(ABOUT_BLANK, title, status, detail, List.of());
    }

    /** This problem as the response, with its status and media type. */
    public Response response() {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(this)
                .build();
    }
}
