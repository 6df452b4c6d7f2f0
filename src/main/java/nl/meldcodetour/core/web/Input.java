package nl.meldcodetour.core.web;

import java.util.Locale;
import java.util.Map;

/** Validation of typed text with Dutch messages per field, shared by every form and API. */
public final class Input {

    private Input() {
    }

    /** Trimmed text without NUL characters; records "verplicht" or "te lang" under {@code field}. */
    public static String text(String value, String field, int max, boolean required, Map<String, String> errors) {
        String v = value == null ? null : value.replace("\u0000", "").strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                errors.put(field, "Dit veld is verplicht.");
            }
            return null;
        }
        if (v.length() > max) {
            errors.put(field, "Maximaal " + max + " tekens.");
            return null;
        }
        return v;
    }

    /** An e-mail address, lower-cased; records a Dutch message when invalid (or missing and required). */
    public static String email(String value, String field, boolean required, Map<String, String> errors) {
        String v = text(value, field, 320, required, errors);
        if (v != null && !v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put(field, "Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.");
            return null;
        }
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }
}
