/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import nl.meldcodetour.core.web.Dutch;

/**
 * The one rule for showing numbers of professionals to the gemeente (pages, API and exports alike). Per cell (a total,
 * a table row, a trend point):
 * <ol>
 * <li>The professionals of organisations where the viewer is or was aandachtsfunctionaris are left out
 * ({@link CoverageService}): records of their own cannot move what they see.</li>
 * <li>Fewer than {@value #MIN_ORGANISATIONS} organisations with professionals in the cell: no counts of professionals
 * at all ({@link #FEW_ORGANISATIONS}).</li>
 * <li>0 is shown as 0; 1 to 4 as "&lt; 5", and then every count of the cell is "&lt; 5", also 0: "none of these 3 has
 * a valid training" says something about each of them.</li>
 * <li>5 and more is rounded to the nearest multiple of 5 (7 → 5, 8 → 10).</li>
 * <li>The split by status is shown only when at least 5 professionals have a valid training (geldig or verloopt
 * binnen 60 dagen) and at least 5 have not (verlopen of niet compleet or nooit gedaan); otherwise the total alone
 * ({@link #ONE_OUTCOME}): "all 6 never trained", or "nobody here has a valid training", tells each one's status.</li>
 * <li>A share is computed from the rounded numbers; a share whose part or base is "&lt; 5" is "&lt; 5" too.</li>
 * </ol>
 * A {@code gemeente} user sees their own gemeenten and next to them one regional line ({@link #regional}): a figure of
 * that line is shown only when the rest of the region (the region minus the viewer's gemeenten) would pass these rules
 * on its own, so that subtracting the own figures from the regional ones never tells about a small group.
 * <p>
 * Because every shown number is a multiple of 5 (or 0, or "&lt; 5"), the difference between any two shown totals is a
 * multiple of 5 as well: subtracting the figures of two filter combinations never yields an exact group of 1 to 4
 * people. Numbers of organisations are not about people and are shown exactly.
 */
public final class Disclosure {

    public static final int THRESHOLD = 5;
    /** Fewer organisations with professionals in a cell: no counts of professionals (also in the page's privacy text). */
    public static final int MIN_ORGANISATIONS = 3;

    public static final String SMALL = "< 5";
    /** What a cell shows instead of a figure hidden for too few organisations or one outcome. */
    public static final String HIDDEN = "niet getoond";

    public static final String FEW_ORGANISATIONS = "Te weinig organisaties in deze selectie om aantallen te tonen.";
    public static final String ONE_OUTCOME =
            "Verdeling niet getoond: bijna iedereen in deze selectie heeft dezelfde uitkomst.";
    /** The regional line with too few professionals or organisations outside the viewer's gemeenten. */
    public static final String REGION_HIDDEN =
            "Niet getoond: buiten jouw gemeente zijn te weinig professionals of organisaties. "
                    + "Anders zou je kunnen uitrekenen hoe het met een kleine groep gaat.";
    /** The regional line whose split outside the viewer's gemeenten would tell about a small group. */
    public static final String REGION_SPLIT =
            "Verdeling niet getoond: buiten jouw gemeente is een van de groepen kleiner dan 5.";

    /** Said to a viewer whose own organisations are left out. */
    public static final String LEFT_OUT =
            "De professionals van organisaties waar jij aandachtsfunctionaris bent of was, "
                    + "tellen hier niet mee. Zo kun je met je eigen invoer niets over andere organisaties uitrekenen.";

    private static final Figure HIDDEN_FIGURE = new Figure(null, HIDDEN, true);
    private static final Share HIDDEN_SHARE = new Share(null, HIDDEN, true);

    private Disclosure() {}

    /** A count of professionals as it may be shown. */
    public record Figure(Long value, String display, boolean suppressed) {}

    /** A percentage as it may be shown. */
    public record Share(Integer percent, String display, boolean suppressed) {}

    /**
     * The professionals of one cell as they may be shown; {@code note} says in Dutch why figures are hidden (null when
     * nothing is, or only "&lt; 5").
     */
    public record Professionals(
            Figure total,
            Figure current,
            Figure due,
            Figure expired,
            Figure never,
            Share currentShare,
            Share dueShare,
            Share expiredShare,
            Share neverShare,
            String note) {}

    /**
     * The rules for one cell: true counts per status and the number of organisations that have professionals in it
     * (the viewer's own already left out).
     */
    public static Professionals professionals(
            long total, long current, long due, long expired, long never, long organisations) {
        if (total > 0 && organisations < MIN_ORGANISATIONS) {
            return hidden(HIDDEN_FIGURE, FEW_ORGANISATIONS);
        }
        if (total >= THRESHOLD && (current + due < THRESHOLD || expired + never < THRESHOLD)) {
            return hidden(figure(total), ONE_OUTCOME);
        }
        return new Professionals(
                figure(total),
                figure(current, total),
                figure(due, total),
                figure(expired, total),
                figure(never, total),
                share(current, total),
                share(due, total),
                share(expired, total),
                share(never, total),
                null);
    }

    /**
     * The regional line for a viewer who sees part of the region: {@code region} as the rules above give it, hidden
     * further where {@code rest} (the region without the viewer's gemeenten) is a small group. Nothing at all when
     * the rest has fewer than {@value #MIN_ORGANISATIONS} organisations with professionals or 1 to 4 professionals;
     * the total alone when the rest's split would not be shown or holds a count of 1 to 4.
     */
    public static Professionals regional(Professionals region, Professionals rest) {
        if (FEW_ORGANISATIONS.equals(region.note())) {
            return region;
        }
        if (FEW_ORGANISATIONS.equals(rest.note()) || rest.total().suppressed()) {
            return hidden(HIDDEN_FIGURE, REGION_HIDDEN);
        }
        if (region.note() != null) {
            return region; // the split is hidden already
        }
        boolean smallPart = rest.current().suppressed()
                || rest.due().suppressed()
                || rest.expired().suppressed()
                || rest.never().suppressed();
        if (rest.note() != null || smallPart) {
            return hidden(region.total(), REGION_SPLIT);
        }
        return region;
    }

    private static Professionals hidden(Figure total, String note) {
        return new Professionals(
                total,
                HIDDEN_FIGURE,
                HIDDEN_FIGURE,
                HIDDEN_FIGURE,
                HIDDEN_FIGURE,
                HIDDEN_SHARE,
                HIDDEN_SHARE,
                HIDDEN_SHARE,
                HIDDEN_SHARE,
                note);
    }

    public static long rounded(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count");
        }
        if (n < THRESHOLD) {
            return n == 0 ? 0 : -1;
        }
        return Math.round(n / 5.0) * 5;
    }

    public static Figure figure(long n) {
        long r = rounded(n);
        if (r < 0) {
            return new Figure(null, SMALL, true);
        }
        return new Figure(r, number(r), false);
    }

    /** A count within a group of {@code base} professionals: hidden entirely when the group itself is 1 to 4. */
    public static Figure figure(long n, long base) {
        if (base > 0 && base < THRESHOLD) {
            return new Figure(null, SMALL, true);
        }
        return figure(n);
    }

    public static Share share(long part, long base) {
        long b = rounded(base);
        long p = rounded(part);
        if (b < 0 || p < 0) {
            return new Share(null, SMALL, true);
        }
        if (b == 0) {
            return new Share(null, "–", false);
        }
        int percent = (int) Math.min(100, Math.round(100.0 * p / b));
        return new Share(percent, percent + "%", false);
    }

    /** An exact percentage of organisations (not personal data). */
    public static Share organisationShare(long part, long base) {
        if (base == 0) {
            return new Share(null, "–", false);
        }
        int percent = (int) Math.round(100.0 * part / base);
        return new Share(percent, percent + "%", false);
    }

    /** Dutch thousands separator: 12.345. */
    public static String number(long n) {
        return Dutch.number(n);
    }
}
