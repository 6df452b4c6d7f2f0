/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.team;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.meldcodetour.core.Download;
import nl.meldcodetour.core.web.ExcelCsv;

/** The team view as CSV that Excel (Dutch settings) opens correctly. */
final class TeamCsv {

    private TeamCsv() {}

    /** The file to download, as the API and the team page both offer it. */
    static Download download(TeamService.Team team) {
        return Download.text("team-" + team.organisationId() + ".csv", "text/csv; charset=UTF-8", of(team));
    }

    static String of(TeamService.Team team) {
        List<List<String>> rows = new ArrayList<>();
        for (TeamService.Row row : team.rows()) {
            for (TeamService.Cell cell : row.modules()) {
                rows.add(Arrays.asList(
                        row.name(),
                        row.email(),
                        row.functionName(),
                        cell.moduleTitle(),
                        cell.status().teamLabel(),
                        cell.validUntil() == null ? "" : cell.validUntil().toString()));
            }
        }
        // ExcelCsv neutralises formulas in every cell, the e-mail address included
        return ExcelCsv.of(List.of("Naam", "E-mail", "Functie", "Module", "Status", "Geldig tot en met"), rows);
    }
}
