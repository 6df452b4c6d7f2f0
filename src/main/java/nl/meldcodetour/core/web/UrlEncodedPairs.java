/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Name/value pairs as {@code application/x-www-form-urlencoded} text ({@code a=1&b=2}): how a form kept in a cookie
 * is written and read again (the quiz answers kept across a login, a refused form brought back to its page).
 */
public final class UrlEncodedPairs {

    private UrlEncodedPairs() {}

    /** Appends {@code name=value} (encoded), with an {@code &} before it unless it is the first pair. */
    public static void append(StringBuilder pairs, String name, String value) {
        if (pairs.length() > 0) {
            pairs.append('&');
        }
        pairs.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
    }

    /**
     * Calls {@code each} with every decoded pair, in order; a part without {@code =} is skipped.
     *
     * @throws IllegalArgumentException when the text is not validly encoded
     */
    public static void forEach(String pairs, BiConsumer<String, String> each) {
        for (String pair : pairs.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            each.accept(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
    }
}
