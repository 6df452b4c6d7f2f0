/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import nl.meldcodetour.core.Download;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.coverage.CoverageService.Filter;
import nl.meldcodetour.coverage.CoverageService.Report;

/** What pages, API and exports share: the report with its answers, charts and tables. */
@ApplicationScoped
public class CoverageView {

    @Inject
    CoverageService service;

    /** {@code leftOut}: the notice for a viewer whose own organisations are not counted (null for everyone else). */
    public record View(
            Report report,
            Answers.Answer trained,
            Answers.Answer aandachtsfunctionaris,
            String sectorChart,
            String trendChart,
            String areaLabel,
            String moduleTitle,
            String query,
            String leftOut) {}

    View view(Report report) {
        Filter f = report.filter();
        String moduleTitle = f.module() == null ? null : service.moduleTitle(f.module());
        String sectorName = f.sector() == null ? null : service.sectorName(f.sector());
        String subject = moduleTitle == null ? "alle verplichte modules" : "de module " + moduleTitle;
        return new View(
                report,
                Answers.trained(report, moduleTitle, sectorName),
                Answers.aandachtsfunctionaris(report, sectorName),
                Charts.bars(
                        "sectorgrafiek",
                        "Professionals per sector naar status van de training (" + subject + ")",
                        report.bySector()),
                Charts.trend(
                        "trendgrafiek",
                        "Trend per kwartaal: professionals met een geldige training en organisaties met een aandachtsfunctionaris",
                        report.trend()),
                f.breakdown().label,
                moduleTitle,
                f.query(),
                f.leftOut().isEmpty() ? null : Disclosure.LEFT_OUT);
    }

    /** The table as CSV; empty while the figures are computed. */
    Optional<Download> csv(String table, Filter filter) {
        if (table == null || !CoverageTables.IDS.contains(table)) {
            throw new InvalidInputException(
                    Map.of("tabel", "Kies welke tabel: " + String.join(", ", CoverageTables.IDS) + "."));
        }
        return service.report(filter, true)
                .map(report -> Download.text(
                        "dekking-" + table + "-" + filter.date() + ".csv",
                        "text/csv; charset=UTF-8",
                        CoverageTables.csv(CoverageTables.byId(report, filter.breakdown().label, table))));
    }

    /** Every table as one spreadsheet; empty while the figures are computed. */
    Optional<Download> ods(Filter filter) {
        return service.report(filter, true)
                .map(report -> new Download(
                        "dekking-" + filter.date() + ".ods",
                        "application/vnd.oasis.opendocument.spreadsheet",
                        CoverageTables.ods(CoverageTables.all(report, filter.breakdown().label))));
    }
}
