/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import nl.meldcodetour.content.Requirement;

/**
 * Who owes which module by when (issue #33; docs/content.md, "Due dates"). Pure functions of a {@link Requirement}, the
 * start of the current employment, the person's passes of that module and a reference date: no database, no clock.
 *
 * <p>A pass is taken with the valid-until it got when it was recorded, never recomputed: when content changes a
 * requirement, passes already made keep their validity and the new numbers apply from the next pass on.
 */
public final class DueDates {

    /** "Binnenkort" starts this many days before the due date at the least, or at the window when that is longer. */
    public static final int SOON_DAYS = 30;

    private DueDates() {}

    /** One pass of a module: the day it was completed and the last day it is valid, as stored with it. */
    public record Pass(LocalDate completedOn, LocalDate validUntil) {}

    /** What is owed: a first pass, or a refresher of an earlier one. */
    public enum Owed {
        FIRST,
        REFRESHER
    }

    /** Where someone stands with a requirement on the reference date. Labels are the Dutch words on the pages. */
    public enum DueStatus {
        /** Nothing to do yet: a valid pass, or a newcomer within the first due period. */
        OP_TIJD("Op tijd"),
        /** A valid pass expires within {@link #soonDays} days: the refresher is due soon. */
        BINNENKORT("Binnenkort"),
        /** Expired, but within the grace period after it: not yet late. */
        UITLOOP("In uitloop"),
        /** Past the due date (and its grace period). */
        TE_LAAT("Te laat");

        private final String label;

        DueStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What someone owes for one requirement on a reference date.
     *
     * @param owed a first pass or a refresher
     * @param dueOn the last day on which completing is on time ("af vóór" the day after)
     * @param graceUntil the last day of the grace period; equal to {@code dueOn} when there is none
     * @param status on the reference date
     * @param validUntil the valid-until of the latest pass completed by the reference date, if any (may lie before it)
     */
    public record Due(
            Requirement requirement,
            Owed owed,
            LocalDate dueOn,
            LocalDate graceUntil,
            DueStatus status,
            Optional<LocalDate> validUntil) {

        /** Most urgent first: late, then in grace, then due soon, then on time; within each, the earliest due date. */
        public static final Comparator<Due> URGENCY = Comparator.comparing(
                        (Due d) -> d.status(), Comparator.reverseOrder())
                .thenComparing(Due::dueOn)
                .thenComparing(d -> d.requirement().module());

        /** Never passed this module (the team view's and dashboard's "nooit gedaan" are built from this). */
        public boolean neverPassed() {
            return owed == Owed.FIRST;
        }

        /** The first late day, when late. */
        public Optional<LocalDate> lateSince() {
            return status == DueStatus.TE_LAAT ? Optional.of(graceUntil.plusDays(1)) : Optional.empty();
        }
    }

    /**
     * What is owed for {@code requirement} on {@code today} by someone whose current employment (function and
     * organisation) started on {@code employmentStart}, given their passes of the module (from any employment: a pass
     * keeps counting after a function change or a move). Passes completed after {@code today} are ignored, so a past
     * reference date reads the past.
     *
     * <ul>
     *   <li>A newcomer owes the module by {@code employmentStart + dueWeeks}, and is never late before that day, even
     *       when an earlier pass lapses sooner.
     *   <li>Otherwise the latest pass's valid-until is the due date, and the grace period follows it.
     *   <li>{@link DueStatus#BINNENKORT}: a valid pass whose due date is within {@code max(windowDays, 30)} days. A
     *       newcomer who never passed is {@link DueStatus#OP_TIJD} until the due date: their whole period is the
     *       window, and the due date is shown all along.
     * </ul>
     */
    public static Due due(
            Requirement requirement, LocalDate employmentStart, Collection<Pass> passes, LocalDate today) {
        Optional<LocalDate> expiry = expiry(passes, today);
        LocalDate newcomerDue = employmentStart.plusWeeks(requirement.dueWeeks());
        LocalDate dueOn = newcomerDue;
        LocalDate graceUntil = newcomerDue;
        if (expiry.isPresent()
                && !expiry.get().plusDays(requirement.graceDays()).isBefore(newcomerDue)) {
            dueOn = expiry.get();
            graceUntil = dueOn.plusDays(requirement.graceDays());
        }
        DueStatus status;
        if (today.isAfter(graceUntil)) {
            status = DueStatus.TE_LAAT;
        } else if (today.isAfter(dueOn)) {
            status = DueStatus.UITLOOP;
        } else if (expiry.filter(e -> !e.isBefore(today)).isPresent()
                && !today.isBefore(dueOn.minusDays(soonDays(requirement)))) {
            status = DueStatus.BINNENKORT;
        } else {
            status = DueStatus.OP_TIJD;
        }
        Owed owed = expiry.isPresent() ? Owed.REFRESHER : Owed.FIRST;
        return new Due(requirement, owed, dueOn, graceUntil, status, expiry);
    }

    /**
     * The valid-until of a new pass completed on {@code completedOn}, given the passes before it: completed inside the
     * refresher window (from {@code windowDays} before the current expiry up to that day itself), it extends the
     * current expiry by the validity, so a refresher done early costs nothing; otherwise (earlier, after expiry, or a
     * first pass) it runs from the completion date. Month ends clamp ({@link Validity#validUntil}).
     */
    public static LocalDate validUntil(Requirement requirement, LocalDate completedOn, Collection<Pass> earlier) {
        Optional<LocalDate> expiry = expiry(earlier, completedOn);
        LocalDate from =
                expiry.filter(e -> inWindow(requirement, completedOn, e)).orElse(completedOn);
        return Validity.validUntil(from, requirement.validityMonths());
    }

    /** True when {@code day} lies in the refresher window before {@code expiry} (both ends included). */
    public static boolean inWindow(Requirement requirement, LocalDate day, LocalDate expiry) {
        return !day.isAfter(expiry) && !day.isBefore(expiry.minusDays(requirement.windowDays()));
    }

    /** The latest valid-until of the passes completed on or before {@code day}. */
    static Optional<LocalDate> expiry(Collection<Pass> passes, LocalDate day) {
        return passes.stream()
                .filter(p -> !p.completedOn().isAfter(day))
                .map(Pass::validUntil)
                .max(Comparator.naturalOrder());
    }

    private static int soonDays(Requirement requirement) {
        return Math.max(requirement.windowDays(), SOON_DAYS);
    }
}
