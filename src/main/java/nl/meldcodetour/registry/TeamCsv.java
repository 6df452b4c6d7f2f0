package nl.meldcodetour.registry;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The team view as CSV that Excel (Dutch settings) opens correctly: ';' separator, UTF-8 with BOM. */
final class TeamCsv {

    private TeamCsv() {
    }

    static String of(TeamService.Team team) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL.builder().setDelimiter(';')
                .setHeader("Naam", "E-mail", "Functie", "Module", "Status", "Geldig tot").get())) {
            for (TeamService.Row row : team.rows()) {
                for (TeamService.Cell cell : row.modules()) {
                    csv.printRecord(safe(row.name()), row.email(), safe(row.functionName()), cell.moduleTitle(),
                            cell.status().teamLabel(), cell.validUntil() == null ? "" : cell.validUntil().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Neutralises spreadsheet formulas in text typed by users (CSV injection). */
    static String safe(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
