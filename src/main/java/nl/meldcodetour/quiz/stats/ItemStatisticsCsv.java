/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.core.Download;
import nl.meldcodetour.core.web.ExcelCsv;
import nl.meldcodetour.quiz.stats.ItemStatistics.Item;
import nl.meldcodetour.quiz.stats.ItemStatistics.Query;
import nl.meldcodetour.quiz.stats.ItemStatistics.VersionInfo;

/**
 * The question table of a module as CSV that Excel with Dutch settings opens (';', UTF-8 with BOM, decimal commas):
 * every question on one row, in the order of the page, with the share per option in one cell. Texts written by people
 * (questions, options) are neutralised against spreadsheet formulas.
 */
final class ItemStatisticsCsv {

    static final List<String> HEADER = List.of(
            "Nr",
            "Vraag-id",
            "Vraag",
            "Versies",
            "Pogingen",
            "Goed (aantal)",
            "% goed",
            "Discriminatie",
            "Signalen",
            "Gekozen per antwoord");

    private ItemStatisticsCsv() {}

    static Download download(ItemStatistics stats, Module module, Query query, List<VersionInfo> versions) {
        Query all =
                new Query(query.view(), query.version(), query.sort(), query.descending(), 1, Integer.MAX_VALUE / 2);
        String file = "toetsanalyse-" + module.id() + "-" + query.view().id
                + (query.version() == null ? "" : "-" + query.version().replaceAll("[^A-Za-z0-9-]", "-")) + ".csv";
        return Download.text(file, "text/csv; charset=UTF-8", of(stats.report(module, all, versions)));
    }

    static String of(ItemStatistics.Report report) {
        List<List<String>> rows = new ArrayList<>();
        for (Item item : report.items()) {
            boolean enough = item.enoughAttempts();
            rows.add(Arrays.asList(
                    item.position() == null ? "" : String.valueOf(item.position()),
                    item.questionId(),
                    item.text(),
                    String.join(" ", item.versions()),
                    String.valueOf(item.attempts()),
                    enough ? String.valueOf(item.right()) : "",
                    enough ? ItemFormats.percentNumber(item.facility()) : "te weinig pogingen",
                    enough && item.discrimination() != null ? ItemFormats.decimal(item.discrimination()) : "",
                    item.flags().stream().map(f -> f.label).collect(Collectors.joining(", ")),
                    enough
                            ? item.options().stream()
                                    .map(o -> o.optionId() + ": " + ItemFormats.percent(o.share()))
                                    .collect(Collectors.joining("; "))
                            : ""));
        }
        return ExcelCsv.of(HEADER, rows);
    }
}
