/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidityTest {

    @ParameterizedTest(name = "{0} + {1} months = {2}")
    @CsvSource({
        "2026-03-15, 12, 2027-03-15",
        // leap day: the next year has no 29 February, so the pass ends on the 28th
        "2028-02-29, 12, 2029-02-28",
        // a leap day four years on exists again
        "2028-02-29, 48, 2032-02-29",
        // month ends clamp to the shorter month, never spill into the next one
        "2027-01-31, 1, 2027-02-28",
        "2028-01-31, 1, 2028-02-29",
        "2026-08-31, 6, 2027-02-28",
        "2026-05-31, 1, 2026-06-30",
        "2026-12-31, 12, 2027-12-31",
        "2026-12-15, 1, 2027-01-15"
    })
    void validUntilAddsTheRefresherPeriod(LocalDate completed, int months, LocalDate expected) {
        assertEquals(expected, Validity.validUntil(completed, months));
    }

    @Test
    void refresherPeriodMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Validity.validUntil(LocalDate.of(2026, 1, 1), 0));
    }

    @Test
    void neverPassedIsNotStartedOrBusy() {
        LocalDate today = LocalDate.of(2026, 11, 22);
        assertEquals(ModuleStatus.NIET_GESTART, Validity.status(null, false, today));
        assertEquals(ModuleStatus.BEZIG, Validity.status(null, true, today));
    }

    @ParameterizedTest(name = "valid until {0}, today 2026-11-22 -> {1}")
    @CsvSource({
        "2027-11-22, BEHAALD",
        "2027-01-22, BEHAALD", // 61 days left
        "2027-01-21, VERLOOPT_BINNENKORT", // exactly 60 days left
        "2026-11-23, VERLOOPT_BINNENKORT",
        "2026-11-22, VERLOOPT_BINNENKORT", // the last valid day is still valid
        "2026-11-21, VERLOPEN"
    })
    void statusOfAPass(LocalDate validUntil, ModuleStatus expected) {
        LocalDate today = LocalDate.of(2026, 11, 22);
        assertEquals(expected, Validity.status(validUntil, true, today));
        assertEquals(
                expected, Validity.status(validUntil, false, today), "a pass counts whether or not pages were read");
    }

    @Test
    void dueSoonCountsCalendarDaysAcrossALeapFebruary() {
        // 2028-01-01 to 2028-03-01 is 60 days in a leap year (31 + 29)
        assertEquals(
                ModuleStatus.VERLOOPT_BINNENKORT,
                Validity.status(LocalDate.of(2028, 3, 1), true, LocalDate.of(2028, 1, 1)));
        assertEquals(ModuleStatus.BEHAALD, Validity.status(LocalDate.of(2028, 3, 2), true, LocalDate.of(2028, 1, 1)));
    }
}
