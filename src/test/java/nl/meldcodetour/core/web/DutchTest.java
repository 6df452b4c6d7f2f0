/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Counts in sentences (issue #30, point 6): only exactly one is singular; "< 5" and 0 take the plural. */
class DutchTest {

    @Test
    void countsOverZeroOneTwoAndHidden() {
        assertEquals("0 organisaties", Dutch.count(0, "organisatie", "organisaties"));
        assertEquals("1 organisatie", Dutch.count(1, "organisatie", "organisaties"));
        assertEquals("2 organisaties", Dutch.count(2, "organisatie", "organisaties"));
        assertEquals("< 5 organisaties", Dutch.count("< 5", "organisatie", "organisaties"));
        assertEquals("minder dan 5 organisaties", Dutch.count("minder dan 5", "organisatie", "organisaties"));
        assertEquals("1.200 organisaties", Dutch.count(1200, "organisatie", "organisaties"));
        assertEquals("1 afgeronde module", Dutch.count("1", "afgeronde module", "afgeronde modules"));
    }

    @Test
    void theVerbAgreesWithTheCount() {
        assertEquals("hebben", Dutch.word(0, "heeft", "hebben"));
        assertEquals("heeft", Dutch.word(1, "heeft", "hebben"));
        assertEquals("hebben", Dutch.word(2, "heeft", "hebben"));
        assertEquals("hebben", Dutch.word("< 5", "heeft", "hebben"));
        assertEquals("hebben", Dutch.word("minder dan 5", "heeft", "hebben"));
        assertEquals("moet", Dutch.word("1", "moet", "moeten"));
        assertEquals("moeten", Dutch.word("120", "moet", "moeten"));
        assertEquals("moeten", Dutch.word("1.000", "moet", "moeten"));
    }

    @Test
    void theTemplateVariantTakesNumbersAndShownCounts() {
        assertEquals("1 vraag", Dutch.countInTemplate(1, "vraag", "vragen"));
        assertEquals("10 vragen", Dutch.countInTemplate(10L, "vraag", "vragen"));
        assertEquals("< 5 vragen", Dutch.countInTemplate("< 5", "vraag", "vragen"));
        assertEquals("staat", Dutch.wordInTemplate(1L, "staat", "staan"));
        assertEquals("staan", Dutch.wordInTemplate(0, "staat", "staan"));
    }

    @Test
    void aSessionTimeNamesTheDateOnce() {
        // 17 December 2026 is winter time: UTC+1
        assertEquals(
                "17 december 2026, 14:00\u201316:30",
                Formats.period(Instant.parse("2026-12-17T13:00:00Z"), Instant.parse("2026-12-17T15:30:00Z")));
        assertEquals(
                "17 december 2026, 22:00 \u2013 18 december 2026, 02:00",
                Formats.period(Instant.parse("2026-12-17T21:00:00Z"), Instant.parse("2026-12-18T01:00:00Z")));
    }
}
