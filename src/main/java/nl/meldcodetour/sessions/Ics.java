/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.sessions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** An iCalendar (RFC 5545) file with one event, for "Zet in mijn agenda". */
final class Ics {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Ics() {}

    static String event(SessionService.SessionView s, String uidDomain, String url, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Meldcodetour//Bijeenkomsten//NL");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:session-" + s.id() + "@" + uidDomain);
        line(out, "DTSTAMP:" + UTC.format(now));
        line(out, "DTSTART:" + UTC.format(s.startsAt()));
        line(out, "DTEND:" + UTC.format(s.endsAt()));
        line(out, "SUMMARY:" + text(s.title()));
        String where = s.place() != null ? s.place() : s.onlineUrl();
        line(out, "LOCATION:" + text(where));
        line(
                out,
                "DESCRIPTION:"
                        + text("Bijeenkomst van de meldcodetour met " + s.trainer() + "."
                                + (s.onlineUrl() != null ? "\nOnline deelnemen: " + s.onlineUrl() : "") + "\n" + url));
        line(out, "URL:" + url);
        line(out, "STATUS:" + (s.cancelled() ? "CANCELLED" : "CONFIRMED"));
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT escaping: backslash, semicolon, comma and newlines. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** Content lines end in CRLF and are folded at 75 octets (UTF-8 characters are never split). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int start = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + len > (start == 0 ? 75 : 74)) {
                out.append(content, start, i).append("\r\n ");
                start = i;
                octets = 0;
            }
            octets += len;
            i += Character.charCount(cp);
        }
        out.append(content.substring(start)).append("\r\n");
    }
}
