package nl.meldcodetour.core.web;

import java.util.List;

/**
 * The JSON body of every API error: HTTP status, a Dutch title a person can read, and per field what is wrong.
 * Example: {@code {"status":400,"title":"Ongeldige invoer","violations":[{"field":"answers.stap-1","message":"Kies een antwoord."}]}}
 */
public record ApiError(int status, String title, List<Violation> violations) {

    public record Violation(String field, String message) {
    }

    public static ApiError of(int status, String title) {
        return new ApiError(status, title, List.of());
    }
}
