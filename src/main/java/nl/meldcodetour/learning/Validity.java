/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Rules for how long a pass is valid and how its status reads on a given day. */
public final class Validity {

    /** A completion that expires within this many days counts as "verloopt binnenkort". */
    public static final int DUE_SOON_DAYS = 60;

    private Validity() {}

    /**
     * The last day a pass is valid: the completion date plus the refresher period. Month ends clamp (31 January + 1
     * month = 28 or 29 February; 29 February 2028 + 12 months = 28 February 2029), so a pass never lasts longer than
     * the period.
     */
    public static LocalDate validUntil(LocalDate completedOn, int refresherMonths) {
        if (refresherMonths < 1) {
            throw new IllegalArgumentException("refresher period must be at least one month");
        }
        return completedOn.plusMonths(refresherMonths);
    }

    /** Status of a module for someone whose latest pass is valid until {@code validUntil} (null: never passed). */
    public static ModuleStatus status(LocalDate validUntil, boolean started, LocalDate today) {
        if (validUntil == null) {
            return started ? ModuleStatus.BEZIG : ModuleStatus.NIET_GESTART;
        }
        if (validUntil.isBefore(today)) {
            return ModuleStatus.VERLOPEN;
        }
        return ChronoUnit.DAYS.between(today, validUntil) <= DUE_SOON_DAYS
                ? ModuleStatus.VERLOOPT_BINNENKORT
                : ModuleStatus.BEHAALD;
    }
}
