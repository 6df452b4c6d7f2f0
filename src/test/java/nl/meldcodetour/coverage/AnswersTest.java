/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.meldcodetour.coverage.CoverageService.Filter;
import nl.meldcodetour.coverage.CoverageService.Report;
import nl.meldcodetour.coverage.CoverageService.Row;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's two answers read as Dutch (issue #30, point 6): every verb agrees with its count, and one
 * organisation is not "de 1 organisaties". Until then: "120 moet … 350 heeft … en 5 heeft nog nooit" and "hebben er
 * 1 geen aandachtsfunctionaris".
 */
class AnswersTest {

    static Report report(
            long organisations,
            long obliged,
            long withAf,
            long obligedWithAf,
            long withoutStaff,
            long total,
            long current,
            long due,
            long expired,
            long never) {
        Disclosure.Professionals p = Disclosure.professionals(total, current, due, expired, never, 10);
        Row totals = new Row(
                "",
                "Totaal",
                organisations,
                obliged,
                withAf,
                obligedWithAf,
                withoutStaff,
                Disclosure.organisationShare(withAf, organisations),
                Disclosure.organisationShare(obligedWithAf, obliged),
                p.total(),
                p.current(),
                p.due(),
                p.expired(),
                p.never(),
                p.currentShare(),
                p.dueShare(),
                p.expiredShare(),
                p.neverShare(),
                p.note());
        Filter filter =
                new Filter(null, "Urk", null, null, null, LocalDate.of(2026, 12, 1), null, 1, 1, Set.of(), null);
        return new Report(filter, totals, null, List.of(), null, List.of(), null, 0, null);
    }

    @Test
    void everyVerbAgreesWithItsCount() {
        assertEquals(
                "Nee, nog niet iedereen. Van de 600 geregistreerde professionals in Urk hebben er 125 (21%) een geldige "
                        + "training voor alle verplichte modules. 120 moeten binnen 60 dagen opnieuw, 350 hebben een verlopen of "
                        + "onvolledige training en 5 hebben nog nooit een training gedaan.",
                Answers.trained(report(10, 10, 10, 10, 0, 600, 125, 120, 350, 5), null, null)
                        .answer());
        // a hidden count ("< 5") is plural too
        assertEquals(
                "Nee, nog niet iedereen. Van de 25 geregistreerde professionals in Urk hebben er 10 (40%) een geldige "
                        + "training voor de module Onderwijs. Minder dan 5 moeten binnen 60 dagen opnieuw, 10 hebben een verlopen of "
                        + "onvolledige training en minder dan 5 hebben nog nooit een training gedaan.",
                Answers.trained(report(10, 10, 10, 10, 0, 25, 10, 3, 10, 2), "Onderwijs", null)
                        .answer());
    }

    @Test
    void organisationsWithoutStaffAreCountedInTheNote() {
        assertEquals(
                "Let op: we tellen alleen professionals die hun organisatie heeft ingevoerd. 1 van de 12 organisaties in Urk "
                        + "heeft nog niemand ingevoerd.",
                Answers.trained(report(12, 12, 12, 12, 1, 600, 125, 120, 350, 5), null, null)
                        .note());
        assertEquals(
                "Let op: we tellen alleen professionals die hun organisatie heeft ingevoerd. 2 van de 12 organisaties in Urk "
                        + "hebben nog niemand ingevoerd.",
                Answers.trained(report(12, 12, 12, 12, 2, 600, 125, 120, 350, 5), null, null)
                        .note());
    }

    @Test
    void organisationsWithoutAnAandachtsfunctionarisOverZeroOneAndMore() {
        assertEquals(
                "Ja. Van de 3 organisaties in verplichte sectoren in Urk heeft er 1 geen aandachtsfunctionaris.",
                Answers.aandachtsfunctionaris(report(3, 3, 2, 2, 0, 0, 0, 0, 0, 0), null)
                        .answer());
        assertEquals(
                "Ja. Van de 3 organisaties in verplichte sectoren in Urk hebben er 2 geen aandachtsfunctionaris.",
                Answers.aandachtsfunctionaris(report(3, 3, 1, 1, 0, 0, 0, 0, 0, 0), null)
                        .answer());
        assertEquals(
                "Ja. Geen van de 2 organisaties in verplichte sectoren in Urk heeft een aandachtsfunctionaris.",
                Answers.aandachtsfunctionaris(report(2, 2, 0, 0, 0, 0, 0, 0, 0, 0), null)
                        .answer());
        assertEquals(
                "Ja. De enige organisatie in een verplichte sector in Urk heeft geen aandachtsfunctionaris.",
                Answers.aandachtsfunctionaris(report(1, 1, 0, 0, 0, 0, 0, 0, 0, 0), null)
                        .answer());
        assertEquals(
                "Nee. De enige organisatie in een verplichte sector in Urk heeft een aandachtsfunctionaris.",
                Answers.aandachtsfunctionaris(report(1, 1, 1, 1, 0, 0, 0, 0, 0, 0), null)
                        .answer());
        assertEquals(
                "Nee. Alle 2 organisaties in verplichte sectoren in Urk hebben een aandachtsfunctionaris.",
                Answers.aandachtsfunctionaris(report(2, 2, 2, 2, 0, 0, 0, 0, 0, 0), null)
                        .answer());
        assertEquals(
                "Er zijn in Urk geen organisaties in sectoren waar de meldcode verplicht is.",
                Answers.aandachtsfunctionaris(report(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), null)
                        .answer());
    }

    @Test
    void organisationsOutsideTheObligedSectorsOverZeroOneAndMore() {
        assertNull(Answers.aandachtsfunctionaris(report(2, 2, 2, 2, 0, 0, 0, 0, 0, 0), null)
                .note());
        assertEquals(
                "Daarnaast is er 1 organisatie in een sector zonder meldcodeplicht (zoals de politie); die heeft geen "
                        + "aandachtsfunctionaris.",
                Answers.aandachtsfunctionaris(report(3, 2, 2, 2, 0, 0, 0, 0, 0, 0), null)
                        .note());
        assertEquals(
                "Daarnaast is er 1 organisatie in een sector zonder meldcodeplicht (zoals de politie); die heeft een "
                        + "aandachtsfunctionaris.",
                Answers.aandachtsfunctionaris(report(3, 2, 3, 2, 0, 0, 0, 0, 0, 0), null)
                        .note());
        assertEquals(
                "Daarnaast zijn er 3 organisaties in sectoren zonder meldcodeplicht (zoals de politie); daarvan heeft er 1 "
                        + "geen aandachtsfunctionaris.",
                Answers.aandachtsfunctionaris(report(5, 2, 4, 2, 0, 0, 0, 0, 0, 0), null)
                        .note());
        assertEquals(
                "Daarnaast zijn er 3 organisaties in sectoren zonder meldcodeplicht (zoals de politie); die hebben allemaal "
                        + "een aandachtsfunctionaris.",
                Answers.aandachtsfunctionaris(report(5, 2, 5, 2, 0, 0, 0, 0, 0, 0), null)
                        .note());
    }
}
