/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.meldcodetour.core.time.ClockProducer;

/** Dutch date formats for templates: {@code {date.nl}} gives "3 maart 2027", {@code {instant.nl}} adds the time. */
@TemplateExtension
public class Formats {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", NL);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm", NL).withZone(ClockProducer.ZONE);

    static String nl(LocalDate date) {
        return dutch(date);
    }

    /** "3 maart 2027", for use in Java code too. */
    public static String dutch(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static String nl(Instant instant) {
        return dutch(instant);
    }

    /** "3 maart 2027 om 14:00" (Dutch time), for use in Java code too. */
    public static String dutch(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm", NL).withZone(ClockProducer.ZONE);

    /**
     * A span of time with the date once: "17 december 2026, 14:00–16:30"; over midnight "17 december 2026, 22:00 –
     * 18 december 2026, 02:00". In templates {@code {session.startsAt.period(session.endsAt)}}.
     */
    public static String period(Instant start, Instant end) {
        if (start == null) {
            return "";
        }
        LocalDate first = start.atZone(ClockProducer.ZONE).toLocalDate();
        String from = dutch(first) + ", " + TIME.format(start);
        if (end == null) {
            return from;
        }
        LocalDate last = end.atZone(ClockProducer.ZONE).toLocalDate();
        return last.equals(first)
                ? from + "\u2013" + TIME.format(end)
                : from + " \u2013 " + dutch(last) + ", " + TIME.format(end);
    }

    /** ISO date for machine-readable {@code <time datetime>}. */
    static String iso(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
