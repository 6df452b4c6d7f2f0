/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Validation of typed text with Dutch messages per field, shared by every form and API. */
public final class Input {

    private Input() {}

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");

    /**
     * Trimmed single-line text without NUL characters; records "verplicht", "te lang" or "één regel" under
     * {@code field}. Line breaks and other control characters are refused: every field read here is one line (a name,
     * a title, a place), and a line break in a name would add lines to a mail that greets the person.
     */
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
        if (CONTROL.matcher(v).find()) {
            errors.put(field, "Gebruik één regel, zonder regeleinden of tabs.");
            return null;
        }
        return v;
    }

    /**
     * A practical e-mail syntax: letters, digits and {@code . _ % + ' -} before the {@code @} (starting with a letter or
     * digit), a domain of labels and a top-level domain of letters. Stricter than RFC 5322 on purpose: an address is
     * shown, exported and mailed, and quotes, brackets or a leading {@code =} have no place there (they can make a
     * spreadsheet formula).
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._%+'-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    /** An e-mail address, lower-cased; records a Dutch message when invalid (or missing and required). */
    public static String email(String value, String field, boolean required, Map<String, String> errors) {
        String v = text(value, field, 320, required, errors);
        if (v != null && !EMAIL.matcher(v).matches()) {
            errors.put(field, "Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.");
            return null;
        }
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }
}
