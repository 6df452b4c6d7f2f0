/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.meldcodetour.content.Requirement;
import nl.meldcodetour.learning.DueDates.Due;
import nl.meldcodetour.learning.DueDates.DueStatus;
import nl.meldcodetour.learning.DueDates.Owed;
import nl.meldcodetour.learning.DueDates.Pass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The due-date rules of issue #33 with concrete dates (docs/content.md, "Due dates"). */
class DueDatesTest {

    /** The defaults: 8 weeks for a newcomer, valid 12 months, a 60-day window, no grace. */
    static final Requirement BASIS = new Requirement("basis", 8, 12, 60, 0);

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static Pass pass(String completedOn, String validUntil) {
        return new Pass(d(completedOn), d(validUntil));
    }

    // ---------------------------------------------------------------- a newcomer

    @Test
    void aNewEmployeeIsOnTimeForEightWeeksThenLate() {
        LocalDate start = d("2026-03-02");
        for (LocalDate day = start; !day.isAfter(d("2026-04-27")); day = day.plusDays(1)) {
            Due due = DueDates.due(BASIS, start, List.of(), day);
            assertEquals(DueStatus.OP_TIJD, due.status(), day.toString());
            assertEquals(d("2026-04-27"), due.dueOn(), "start + 8 weeks");
            assertEquals(Owed.FIRST, due.owed());
            assertTrue(due.neverPassed());
        }
        Due late = DueDates.due(BASIS, start, List.of(), d("2026-04-28"));
        assertEquals(DueStatus.TE_LAAT, late.status());
        assertEquals(Optional.of(d("2026-04-28")), late.lateSince());
        assertEquals(Optional.empty(), late.validUntil());
    }

    @Test
    void aNewEmployeeWhoPassesIsCoveredUntilThePassExpires() {
        LocalDate start = d("2026-03-02");
        List<Pass> passes = List.of(pass("2026-03-20", "2027-03-20"));
        Due due = DueDates.due(BASIS, start, passes, d("2026-06-01"));
        assertEquals(DueStatus.OP_TIJD, due.status());
        assertEquals(Owed.REFRESHER, due.owed());
        assertEquals(d("2027-03-20"), due.dueOn());
        assertEquals(Optional.of(d("2027-03-20")), due.validUntil());
    }

    @Test
    void theFirstDuePeriodComesFromTheRequirement() {
        Requirement quick = new Requirement("af", 0, 12, 60, 14);
        Due due = DueDates.due(quick, d("2026-03-02"), List.of(), d("2026-03-03"));
        assertEquals(d("2026-03-02"), due.dueOn());
        assertEquals(DueStatus.TE_LAAT, due.status(), "the grace period follows an expiry, not the first due date");
    }

    // ---------------------------------------------------------------- the refresher window

    @Test
    void aRefresherThirtyDaysEarlyExtendsTheOldExpiryNinetyDaysEarlyRunsFromItsOwnDate() {
        List<Pass> earlier = List.of(pass("2025-05-10", "2026-05-10"));
        assertEquals(d("2027-05-10"), DueDates.validUntil(BASIS, d("2026-04-10"), earlier), "30 days: old expiry + 12");
        assertEquals(d("2027-02-09"), DueDates.validUntil(BASIS, d("2026-02-09"), earlier), "90 days: outside 60");
    }

    @ParameterizedTest(name = "completed {0} (expiry 2026-05-10) -> valid until {1}")
    @CsvSource({
        "2026-03-11, 2027-05-10", // exactly 60 days before: the window's first day
        "2026-03-10, 2027-03-10", // 61 days before: outside
        "2026-05-10, 2027-05-10", // the expiry day itself: the window's last day
        "2026-05-11, 2027-05-11", // after expiry (also in grace): from the completion date
        "2026-09-01, 2027-09-01" // long after: from the completion date
    })
    void theWindowIncludesBothEnds(LocalDate completedOn, LocalDate expected) {
        assertEquals(expected, DueDates.validUntil(BASIS, completedOn, List.of(pass("2025-05-10", "2026-05-10"))));
    }

    @Test
    void aFirstPassRunsFromItsDate() {
        assertEquals(d("2027-04-10"), DueDates.validUntil(BASIS, d("2026-04-10"), List.of()));
    }

    @Test
    void aSecondPassInsideTheWindowDoesNotExtendTwice() {
        List<Pass> passes = new ArrayList<>(List.of(pass("2025-05-10", "2026-05-10")));
        LocalDate first = DueDates.validUntil(BASIS, d("2026-04-10"), passes);
        passes.add(new Pass(d("2026-04-10"), first));
        LocalDate second = DueDates.validUntil(BASIS, d("2026-04-11"), passes);
        assertEquals(d("2027-05-10"), first);
        assertEquals(d("2027-04-11"), second, "outside the new pass's window: from its own date");
        assertEquals(
                first,
                DueDates.due(BASIS, d("2020-01-01"), passes, d("2026-04-12")).dueOn(),
                "the latest counts");
    }

    @Test
    void aWindowOfZeroDaysOnlyCountsTheExpiryDay() {
        Requirement strict = new Requirement("basis", 8, 12, 0, 0);
        List<Pass> earlier = List.of(pass("2025-05-10", "2026-05-10"));
        assertEquals(d("2027-05-10"), DueDates.validUntil(strict, d("2026-05-10"), earlier));
        assertEquals(d("2027-05-09"), DueDates.validUntil(strict, d("2026-05-09"), earlier));
    }

    // ---------------------------------------------------------------- status of a pass: binnenkort, grace, late

    @ParameterizedTest(name = "valid until 2026-05-10, today {0} -> {1}")
    @CsvSource({
        "2026-03-10, OP_TIJD", // 61 days before
        "2026-03-11, BINNENKORT", // 60 days: the window is open
        "2026-05-10, BINNENKORT", // the last valid day
        "2026-05-11, TE_LAAT" // no grace by default
    })
    void aPassIsDueSoonWhenItsWindowOpens(LocalDate today, DueStatus expected) {
        Due due = DueDates.due(BASIS, d("2020-01-01"), List.of(pass("2025-05-10", "2026-05-10")), today);
        assertEquals(expected, due.status());
        assertEquals(d("2026-05-10"), due.dueOn());
    }

    @ParameterizedTest(name = "window 14 days, valid until 2026-05-10, today {0} -> {1}")
    @CsvSource({"2026-04-09, OP_TIJD", "2026-04-10, BINNENKORT"})
    void aShortWindowIsStillDueSoonThirtyDaysAhead(LocalDate today, DueStatus expected) {
        Requirement shortWindow = new Requirement("basis", 8, 12, 14, 0);
        Due due = DueDates.due(shortWindow, d("2020-01-01"), List.of(pass("2025-05-10", "2026-05-10")), today);
        assertEquals(expected, due.status());
    }

    @ParameterizedTest(name = "grace 14 days, valid until 2026-05-10, today {0} -> {1}")
    @CsvSource({
        "2026-05-10, BINNENKORT, ",
        "2026-05-11, UITLOOP, ",
        "2026-05-24, UITLOOP, ", // the grace period's last day
        "2026-05-25, TE_LAAT, 2026-05-25",
        "2027-01-01, TE_LAAT, 2026-05-25"
    })
    void afterExpiryTheGracePeriodComesFirst(LocalDate today, DueStatus expected, LocalDate lateSince) {
        Requirement withGrace = new Requirement("basis", 8, 12, 60, 14);
        Due due = DueDates.due(withGrace, d("2020-01-01"), List.of(pass("2025-05-10", "2026-05-10")), today);
        assertEquals(expected, due.status());
        assertEquals(d("2026-05-10"), due.dueOn());
        assertEquals(d("2026-05-24"), due.graceUntil());
        assertEquals(Optional.ofNullable(lateSince), due.lateSince());
        assertEquals(Owed.REFRESHER, due.owed());
    }

    // ---------------------------------------------------------------- month ends and leap years

    @ParameterizedTest(name = "first pass {0} + {1} months -> {2}")
    @CsvSource({
        "2027-01-31, 1, 2027-02-28",
        "2028-01-31, 1, 2028-02-29",
        "2028-02-29, 12, 2029-02-28",
        "2028-02-29, 48, 2032-02-29",
        "2026-08-31, 6, 2027-02-28"
    })
    void monthEndsClampAndLeapDaysEndOnTheTwentyEighth(LocalDate completedOn, int months, LocalDate expected) {
        Requirement r = new Requirement("basis", 8, months, 14, 0);
        assertEquals(expected, DueDates.validUntil(r, completedOn, List.of()));
    }

    @Test
    void aRefresherInTheWindowOfAMonthEndExpiryClampsToo() {
        Requirement monthly = new Requirement("basis", 8, 1, 14, 0);
        List<Pass> earlier = List.of(pass("2026-12-31", "2027-01-31"));
        assertEquals(d("2027-02-28"), DueDates.validUntil(monthly, d("2027-01-20"), earlier));
    }

    @Test
    void aRefresherInTheWindowOfALeapDayExpiry() {
        List<Pass> earlier = List.of(pass("2027-02-28", "2028-02-29"));
        assertEquals(d("2029-02-28"), DueDates.validUntil(BASIS, d("2028-02-01"), earlier));
        Due due = DueDates.due(BASIS, d("2020-01-01"), earlier, d("2028-02-29"));
        assertEquals(DueStatus.BINNENKORT, due.status(), "the leap day is the pass's last valid day");
        assertEquals(
                DueStatus.TE_LAAT,
                DueDates.due(BASIS, d("2020-01-01"), earlier, d("2028-03-01")).status());
    }

    // ---------------------------------------------------------------- function change or move

    @Test
    void aValidPassKeepsCountingAfterAFunctionChange() {
        List<Pass> passes = List.of(pass("2024-02-01", "2025-02-01"), pass("2025-01-15", "2026-02-01"));
        LocalDate newJob = d("2025-09-01");
        Due due = DueDates.due(BASIS, newJob, passes, newJob);
        assertEquals(DueStatus.OP_TIJD, due.status());
        assertEquals(d("2026-02-01"), due.dueOn(), "the pass covers the new function's requirement");
        assertEquals(Owed.REFRESHER, due.owed());
    }

    @Test
    void aModuleTheNewFunctionAddsIsDueEightWeeksAfterTheChange() {
        Requirement added = new Requirement("kindermishandeling", 8, 12, 60, 0);
        Due due = DueDates.due(added, d("2025-09-01"), List.of(), d("2025-09-01"));
        assertEquals(d("2025-10-27"), due.dueOn());
        assertEquals(DueStatus.OP_TIJD, due.status());
    }

    @Test
    void aPassThatLapsedLongAgoGivesTheNewcomerPeriodAfterAMove() {
        List<Pass> passes = List.of(pass("2022-01-10", "2023-01-10"));
        LocalDate move = d("2026-03-02");
        Due due = DueDates.due(BASIS, move, passes, move);
        assertEquals(DueStatus.OP_TIJD, due.status(), "not late since 2023: the new employment starts the clock");
        assertEquals(d("2026-04-27"), due.dueOn());
        assertEquals(Owed.REFRESHER, due.owed());
        assertEquals(
                Optional.of(d("2026-04-28")),
                DueDates.due(BASIS, move, passes, d("2026-05-01")).lateSince());
        assertEquals(
                Optional.of(d("2023-01-11")),
                DueDates.due(BASIS, d("2020-01-01"), passes, move).lateSince(),
                "without the move they have been late since the day after expiry");
    }

    @Test
    void aPassExpiringInTheNewcomerPeriodIsNotLateBeforeItsEnd() {
        List<Pass> passes = List.of(pass("2025-03-20", "2026-03-20"));
        LocalDate move = d("2026-03-02");
        assertEquals(
                DueStatus.BINNENKORT, DueDates.due(BASIS, move, passes, move).status());
        Due afterExpiry = DueDates.due(BASIS, move, passes, d("2026-04-01"));
        assertEquals(DueStatus.OP_TIJD, afterExpiry.status());
        assertEquals(d("2026-04-27"), afterExpiry.dueOn());
        assertEquals(
                DueStatus.TE_LAAT,
                DueDates.due(BASIS, move, passes, d("2026-04-28")).status());
    }

    // ---------------------------------------------------------------- content changed mid-cycle

    @Test
    void aContentChangeMidCycleKeepsTheStoredValidityAndAppliesFromTheNextCycle() {
        Requirement before = new Requirement("basis", 8, 24, 60, 0);
        Requirement after = new Requirement("basis", 8, 12, 30, 0);
        LocalDate stored = DueDates.validUntil(before, d("2025-06-01"), List.of());
        assertEquals(d("2027-06-01"), stored);
        List<Pass> passes = List.of(new Pass(d("2025-06-01"), stored));

        Due due = DueDates.due(after, d("2020-01-01"), passes, d("2026-07-01"));
        assertEquals(d("2027-06-01"), due.dueOn(), "the pass keeps the 24 months it got, not 12");
        assertEquals(DueStatus.OP_TIJD, due.status());

        // the next cycle follows the new rule: 12 months, and a 30-day window (2027-04-20 is 42 days early)
        assertEquals(d("2028-06-01"), DueDates.validUntil(after, d("2027-05-15"), passes));
        assertEquals(d("2028-04-20"), DueDates.validUntil(after, d("2027-04-20"), passes));
    }

    // ---------------------------------------------------------------- reference dates and ordering

    @Test
    void aPastReferenceDateIgnoresLaterPasses() {
        List<Pass> passes = List.of(pass("2025-05-10", "2026-05-10"), pass("2026-06-01", "2027-06-01"));
        Due then = DueDates.due(BASIS, d("2020-01-01"), passes, d("2026-05-20"));
        assertEquals(DueStatus.TE_LAAT, then.status());
        assertEquals(Optional.of(d("2026-05-11")), then.lateSince());
        assertEquals(
                DueStatus.OP_TIJD,
                DueDates.due(BASIS, d("2020-01-01"), passes, d("2026-06-01")).status());
    }

    @Test
    void urgencyPutsTheLateFirstThenByDueDate() {
        LocalDate today = d("2026-05-20");
        Due late = DueDates.due(BASIS, d("2020-01-01"), List.of(pass("2025-05-10", "2026-05-10")), today);
        Due soonLater = DueDates.due(
                new Requirement("b", 8, 12, 60, 0), d("2020-01-01"), List.of(pass("2025-07-01", "2026-07-01")), today);
        Due soonEarlier = DueDates.due(
                new Requirement("c", 8, 12, 60, 0), d("2020-01-01"), List.of(pass("2025-06-01", "2026-06-01")), today);
        Due onTime = DueDates.due(new Requirement("d", 8, 12, 60, 0), today, List.of(), today);
        List<Due> sorted = new ArrayList<>(List.of(onTime, soonLater, late, soonEarlier));
        sorted.sort(Due.URGENCY);
        assertEquals(List.of(late, soonEarlier, soonLater, onTime), sorted);
    }

    @Test
    void aRequirementRefusesImpossibleNumbers() {
        assertThrows(IllegalArgumentException.class, () -> new Requirement("basis", -1, 12, 60, 0));
        assertThrows(IllegalArgumentException.class, () -> new Requirement("basis", 8, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Requirement("basis", 8, 12, 60, -1));
        assertThrows(IllegalArgumentException.class, () -> new Requirement("basis", 8, 2, 56, 0));
        assertFalse(DueDates.inWindow(BASIS, d("2026-01-01"), d("2026-05-10")));
    }
}
