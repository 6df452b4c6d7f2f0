/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz.stats;

import io.quarkus.qute.TemplateExtension;
import java.util.List;
import java.util.Locale;

/**
 * Dutch number formats of the item statistics, for the CSV export and, through {@link Extensions}, the pages
 * ({@code {item.facilityText}}).
 */
public final class ItemFormats {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    private ItemFormats() {}

    /**
     * 0.5385 → "53,8 %" (with a no-break space, so the sign stays with the number); null → "–". One decimal, so 95,5 %
     * (flagged: above 95 %) does not read as 95 %.
     */
    public static String percent(Double share) {
        return share == null ? "–" : String.format(NL, "%.1f\u00a0%%", share * 100);
    }

    /** The same without the % sign, for a spreadsheet cell; null → "". */
    public static String percentNumber(Double share) {
        return share == null ? "" : String.format(NL, "%.1f", share * 100);
    }

    /** -0.9327 → "-0,93"; null → "–". */
    public static String decimal(Double value) {
        return value == null ? "–" : String.format(NL, "%.2f", value);
    }

    /** "abc en def" */
    static String join(List<String> values) {
        if (values.isEmpty()) {
            return "–";
        }
        if (values.size() == 1) {
            return values.get(0);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " en " + values.get(values.size() - 1);
    }

    /** The formats as template extensions of the statistics' records. */
    @TemplateExtension
    static final class Extensions {

        private Extensions() {}

        static String facilityText(ItemStatistics.Item item) {
            return ItemFormats.percent(item.facility());
        }

        static String discriminationText(ItemStatistics.Item item) {
            return ItemFormats.decimal(item.discrimination());
        }

        static String shareText(ItemStatistics.OptionShare option) {
            return ItemFormats.percent(option.share());
        }

        static String versionsText(ItemStatistics.Item item) {
            return join(item.versions());
        }
    }
}
