/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import io.quarkus.qute.TemplateExtension;

/**
 * Counts in Dutch sentences: "1 organisatie", "0 organisaties", "2 organisaties", "&lt; 5 organisaties", and the verb
 * that goes with them ("1 heeft", "120 hebben", "minder dan 5 hebben").
 * <p>
 * The rule: only exactly one is singular. Zero, two and more, and a hidden count ("&lt; 5", "minder dan 5", "niet
 * getoond") take the plural. Numbers get the Dutch thousands separator (12.345).
 * <p>
 * In Java: {@code Dutch.count(n, "organisatie", "organisaties")}. In a Qute template (also in mail templates):
 * {@code {dutch:count(n, 'organisatie', 'organisaties')}} and {@code {dutch:word(n, 'heeft', 'hebben')}}; {@code n}
 * may be a number or a count as it is shown ("&lt; 5").
 */
public final class Dutch {

    private Dutch() {}

    /** "1 organisatie", "3 organisaties", "1.200 organisaties". */
    public static String count(long n, String one, String many) {
        return number(n) + " " + word(n, one, many);
    }

    /** The same for a count as it is shown: "&lt; 5 organisaties", "minder dan 5 organisaties", "1 organisatie". */
    public static String count(String shown, String one, String many) {
        return shown + " " + word(shown, one, many);
    }

    /** Only the word: {@code word(n, "heeft", "hebben")}. */
    public static String word(long n, String one, String many) {
        return n == 1 ? one : many;
    }

    /** Only the word, for a count as it is shown: "1" takes the singular, "&lt; 5" and "12" the plural. */
    public static String word(String shown, String one, String many) {
        return isOne(shown) ? one : many;
    }

    /** True for exactly one: 1, "1", " 1 ". */
    public static boolean isOne(String shown) {
        return shown != null && shown.strip().equals("1");
    }

    /** Dutch thousands separator: 12.345. */
    public static String number(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(digits.length() + 4);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return n < 0 ? "-" + out : out.toString();
    }

    /** {@code {dutch:count(n, 'organisatie', 'organisaties')}}: {@code n} a number or a count as shown ("&lt; 5"). */
    @TemplateExtension(namespace = "dutch", matchName = "count")
    static String countInTemplate(Object n, String one, String many) {
        return n instanceof Number number ? count(number.longValue(), one, many) : count(String.valueOf(n), one, many);
    }

    /** {@code {dutch:word(n, 'heeft', 'hebben')}}. */
    @TemplateExtension(namespace = "dutch", matchName = "word")
    static String wordInTemplate(Object n, String one, String many) {
        return n instanceof Number number ? word(number.longValue(), one, many) : word(String.valueOf(n), one, many);
    }
}
