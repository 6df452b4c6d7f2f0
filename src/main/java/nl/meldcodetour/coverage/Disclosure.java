package nl.meldcodetour.coverage;

/**
 * The one rule for showing numbers of professionals to the gemeente (pages, API and exports alike):
 * <ol>
 * <li>0 is shown as 0.</li>
 * <li>1 to 4 is shown as "&lt; 5".</li>
 * <li>5 and more is rounded to the nearest multiple of 5 (7 → 5, 8 → 10).</li>
 * <li>A share is computed from the rounded numbers; a share whose part or base is "&lt; 5" is "&lt; 5" too.</li>
 * <li>In a group of 1 to 4 professionals every count is "&lt; 5", also 0: "none of these 3 has a valid training"
 * says something about each of them.</li>
 * </ol>
 * Because every shown number is a multiple of 5 (or 0, or "&lt; 5"), the difference between any two shown totals is a
 * multiple of 5 as well: subtracting the figures of two filter combinations never yields an exact group of 1 to 4
 * people. Numbers of organisations are not about people and are shown exactly.
 */
public final class Disclosure {

    public static final int THRESHOLD = 5;
    public static final String SMALL = "< 5";

    private Disclosure() {
    }

    /** A count of professionals as it may be shown. */
    public record Figure(Long value, String display, boolean suppressed) {
    }

    /** A percentage as it may be shown. */
    public record Share(Integer percent, String display, boolean suppressed) {
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
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(digits.length() + 4);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return n < 0 ? "-" + out : out.toString();
    }
}
