/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

/**
 * One module a function requires, with the numbers its due dates follow (content/functions.yml; docs/content.md,
 * "functions.yml: the requirement matrix"). The rules themselves are in {@code learning.DueDates}.
 *
 * @param module the module id
 * @param dueWeeks weeks from the start of employment within which a newcomer completes the module the first time
 * @param validityMonths how long a pass is valid
 * @param windowDays days before expiry in which a refresher extends from the old expiry instead of its own date
 * @param graceDays days after expiry before someone counts as late
 */
public record Requirement(String module, int dueWeeks, int validityMonths, int windowDays, int graceDays) {

    /** The bounds the loader accepts; anything outside is a typing error rather than a policy. */
    public static final int MAX_DUE_WEEKS = 104;

    public static final int MAX_VALIDITY_MONTHS = 120;
    public static final int MAX_WINDOW_DAYS = 365;
    public static final int MAX_GRACE_DAYS = 365;

    public Requirement {
        if (module == null || module.isBlank()) {
            throw new IllegalArgumentException("a requirement names a module");
        }
        if (dueWeeks < 0 || validityMonths < 1 || windowDays < 0 || graceDays < 0) {
            throw new IllegalArgumentException(
                    "due weeks, window and grace are never negative; validity is >= 1 month");
        }
        if (windowDays >= shortestDays(validityMonths)) {
            throw new IllegalArgumentException("the refresher window must be shorter than the validity");
        }
    }

    /**
     * The fewest days {@code months} months can last (28 per month): a refresher window this long or longer would let
     * a pass be renewed before it was worth anything, so the loader refuses it.
     */
    public static int shortestDays(int months) {
        return months * 28;
    }

    /**
     * The installation's defaults for what a function's list does not say ({@code defaults:} in functions.yml); the
     * validity defaults to the module's own {@code refresherMonths}.
     */
    public record Defaults(int dueWeeks, int windowDays, int graceDays) {

        /** Used when functions.yml has no {@code defaults:}: 8 weeks for a newcomer, a 60-day window, no grace. */
        public static final Defaults BUILT_IN = new Defaults(8, 60, 0);

        /** The requirement for a module listed by id only (or a core module not listed at all). */
        public Requirement of(Module module) {
            return new Requirement(module.id(), dueWeeks, module.refresherMonths(), windowDays, graceDays);
        }
    }
}
