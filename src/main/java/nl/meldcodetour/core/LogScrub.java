/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs carry no names, e-mail addresses or IP addresses (docs/privacy.md, "Logs"). Exception messages of the database
 * driver and the mail client quote the data they were given: PostgreSQL's {@code Detail: Key (email)=(x@y) already
 * exists} and {@code Failing row contains (...)}, an SMTP server's {@code 550 <x@y> unknown}. This class removes those
 * parts before a message or an exception reaches a log; what stays (the exception class, the SQL state, the
 * constraint, the stack frames) is what an operator needs.
 */
public final class LogScrub {

    /** PostgreSQL's key detail: the columns stay, the values go. Values may hold parentheses, so up to the line's last one. */
    private static final Pattern KEY_VALUES = Pattern.compile("(Key \\(.*?\\))=\\(.*\\)", Pattern.MULTILINE);
    /** PostgreSQL's detail of a NOT NULL or CHECK violation: the whole row. */
    private static final Pattern FAILING_ROW = Pattern.compile("(Failing row contains )\\(.*\\)", Pattern.MULTILINE);
    /** PostgreSQL quoting input it could not read: {@code invalid input syntax for type integer: "..."}. */
    private static final Pattern INVALID_INPUT =
            Pattern.compile("(invalid input (?:syntax|value) for [^:\\n]*: )\".*\"", Pattern.MULTILINE);

    private static final Pattern EMAIL = Pattern.compile("[^\\s<>()\\[\\]\",;:@]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d.])");
    /** Hex groups and colons, taken as an IPv6 address when there is a "::" or all eight groups (so "12:30:00" stays). */
    private static final Pattern IPV6 =
            Pattern.compile("(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\\w:])");

    private LogScrub() {}

    /** The text with quoted values, e-mail addresses and IP addresses replaced by placeholders; null stays null. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String s = KEY_VALUES.matcher(text).replaceAll("$1=(…)");
        s = FAILING_ROW.matcher(s).replaceAll("$1(…)");
        s = INVALID_INPUT.matcher(s).replaceAll("$1\"…\"");
        s = EMAIL.matcher(s).replaceAll("<e-mail>");
        s = IPV4.matcher(s).replaceAll("<ip>");
        Matcher m = IPV6.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = m.group();
            boolean address =
                    found.contains("::") || found.chars().filter(c -> c == ':').count() == 7;
            m.appendReplacement(out, address ? "<ip>" : Matcher.quoteReplacement(found));
        }
        return m.appendTail(out).toString();
    }

    /**
     * A copy of the exception to log instead of it: every message in the chain (causes and suppressed) scrubbed by
     * {@link #text}, the class names and stack frames kept. Never thrown; only given to a logger.
     */
    public static Throwable throwable(Throwable t) {
        return copy(t, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable copy(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return null;
        }
        Scrubbed copy = new Scrubbed(t.getClass().getName(), text(t.getMessage()), copy(t.getCause(), seen));
        copy.setStackTrace(t.getStackTrace());
        for (Throwable s : t.getSuppressed()) {
            Throwable c = copy(s, seen);
            if (c != null) {
                copy.addSuppressed(c);
            }
        }
        return copy;
    }

    /** An exception as logged: reads as the original ({@code org.postgresql.util.PSQLException: ...}) with its message scrubbed. */
    static final class Scrubbed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Scrubbed(String className, String message, Throwable cause) {
            super(message == null ? className : className + ": " + message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
