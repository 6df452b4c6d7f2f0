/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.meldcodetour.core.web.ExcelCsv;
import nl.meldcodetour.coverage.CoverageService.OrganisationWithoutAf;
import nl.meldcodetour.coverage.CoverageService.Report;
import nl.meldcodetour.coverage.CoverageService.Row;
import nl.meldcodetour.coverage.CoverageService.TrendPoint;

/**
 * Every table of the dashboard as plain cells, for the CSV and the spreadsheet (.ods) exports. Cells hold exactly what
 * the page shows ({@link Disclosure}); numbers are marked as such so a spreadsheet can compute with them.
 */
final class CoverageTables {

    /** A cell: text, or a number (then {@code number} is set). */
    record Cell(String text, Long number) {
        static Cell of(String text) {
            return new Cell(text == null ? "" : text, null);
        }

        static Cell of(long n) {
            return new Cell(Long.toString(n), n);
        }

        static Cell of(Disclosure.Figure f) {
            return f.value() == null ? of(f.display()) : of(f.value());
        }

        static Cell of(Disclosure.Share s) {
            return s.percent() == null ? of(s.display()) : new Cell(s.percent().toString(), (long) s.percent());
        }
    }

    record Table(String id, String title, List<String> headers, List<List<Cell>> rows) {}

    static final List<String> IDS = List.of("sectoren", "gebieden", "trend", "zonder-af");

    private CoverageTables() {}

    static List<Table> all(Report report, String areaLabel) {
        return List.of(
                figures("sectoren", "Per sector", "Sector", withRegion(report.bySector(), report)),
                figures(
                        "gebieden",
                        "Per " + areaLabel.toLowerCase(),
                        areaLabel,
                        withRegion(report.byArea().items(), report)),
                trend(report.trend()),
                withoutAf(report.withoutAf().items()));
    }

    /** A gemeente user's rows with the regional line last (docs/dashboard.md, "Gemeente scope"). */
    private static List<Row> withRegion(List<Row> rows, Report report) {
        if (report.region() == null) {
            return rows;
        }
        List<Row> all = new ArrayList<>(rows);
        all.add(report.region());
        return all;
    }

    static Table byId(Report report, String areaLabel, String id) {
        return all(report, areaLabel).stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static final List<String> FIGURE_HEADERS = List.of(
            "Organisaties",
            "Met aandachtsfunctionaris",
            "% met aandachtsfunctionaris",
            "Professionals",
            "Geldig",
            "% geldig",
            "Verloopt binnen 60 dagen",
            "% verloopt binnen 60 dagen",
            "Verlopen of niet compleet",
            "% verlopen of niet compleet",
            "Nooit gedaan",
            "% nooit gedaan");

    /** Why figures of professionals are hidden ({@link Disclosure}), empty when none is. */
    private static final String NOTE_HEADER = "Toelichting";

    private static List<Cell> figureCells(Row r) {
        return List.of(
                Cell.of(r.organisations()),
                Cell.of(r.orgsWithAf()),
                Cell.of(r.afShare()),
                Cell.of(r.professionals()),
                Cell.of(r.current()),
                Cell.of(r.currentShare()),
                Cell.of(r.due()),
                Cell.of(r.dueShare()),
                Cell.of(r.expired()),
                Cell.of(r.expiredShare()),
                Cell.of(r.never()),
                Cell.of(r.neverShare()));
    }

    private static Table figures(String id, String title, String first, List<Row> rows) {
        List<String> headers = new ArrayList<>();
        headers.add(first);
        headers.addAll(FIGURE_HEADERS);
        headers.add(NOTE_HEADER);
        List<List<Cell>> cells = new ArrayList<>();
        for (Row r : rows) {
            List<Cell> line = new ArrayList<>();
            line.add(Cell.of(r.label()));
            line.addAll(figureCells(r));
            line.add(Cell.of(r.note()));
            cells.add(line);
        }
        return new Table(id, title, headers, cells);
    }

    private static Table trend(List<TrendPoint> points) {
        List<String> headers = new ArrayList<>(List.of(
                "Peildatum",
                "Kwartaal",
                "Organisaties in verplichte sectoren",
                "Daarvan met aandachtsfunctionaris",
                "% met aandachtsfunctionaris (verplichte sectoren)"));
        headers.addAll(FIGURE_HEADERS.subList(3, FIGURE_HEADERS.size()));
        headers.add(NOTE_HEADER);
        List<List<Cell>> cells = new ArrayList<>();
        for (TrendPoint p : points) {
            Row r = p.row();
            List<Cell> line = new ArrayList<>(List.of(
                    Cell.of(p.date().toString()),
                    Cell.of(p.label()),
                    Cell.of(r.obligedOrgs()),
                    Cell.of(r.obligedWithAf()),
                    Cell.of(r.obligedAfShare())));
            line.addAll(figureCells(r).subList(3, 12));
            line.add(Cell.of(r.note()));
            cells.add(line);
        }
        return new Table("trend", "Trend per kwartaal", headers, cells);
    }

    private static Table withoutAf(List<OrganisationWithoutAf> orgs) {
        List<List<Cell>> cells = new ArrayList<>();
        for (OrganisationWithoutAf o : orgs) {
            cells.add(List.of(
                    Cell.of(o.name()),
                    Cell.of(o.sector()),
                    Cell.of(o.gemeente()),
                    Cell.of(o.area()),
                    Cell.of(o.postcode())));
        }
        return new Table(
                "zonder-af",
                "Organisaties in verplichte sectoren zonder aandachtsfunctionaris",
                List.of("Organisatie", "Sector", "Gemeente", "Wijk of dorp", "Postcode"),
                cells);
    }

    /** Excel with Dutch settings: ';' separator, UTF-8 with BOM; text that looks like a formula is neutralised. */
    static String csv(Table table) {
        List<List<String>> rows = new ArrayList<>();
        for (List<Cell> row : table.rows()) {
            rows.add(row.stream().map(Cell::text).toList()); // ExcelCsv neutralises formulas in every cell
        }
        return ExcelCsv.of(table.headers(), rows);
    }

    /** An OpenDocument spreadsheet with one sheet per table. */
    static byte[] ods(List<Table> tables) {
        StringBuilder content = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
                xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                <office:body><office:spreadsheet>
                """);
        for (Table t : tables) {
            content.append("<table:table table:name=\"")
                    .append(xml(sheetName(t.title())))
                    .append("\">");
            content.append("<table:table-row>");
            for (String h : t.headers()) {
                content.append("<table:table-cell office:value-type=\"string\"><text:p>")
                        .append(xml(h))
                        .append("</text:p></table:table-cell>");
            }
            content.append("</table:table-row>");
            for (List<Cell> row : t.rows()) {
                content.append("<table:table-row>");
                for (Cell c : row) {
                    if (c.number() != null) {
                        content.append("<table:table-cell office:value-type=\"float\" office:value=\"")
                                .append(c.number())
                                .append("\"><text:p>")
                                .append(c.number())
                                .append("</text:p></table:table-cell>");
                    } else {
                        content.append("<table:table-cell office:value-type=\"string\"><text:p>")
                                .append(xml(c.text()))
                                .append("</text:p></table:table-cell>");
                    }
                }
                content.append("</table:table-row>");
            }
            content.append("</table:table>");
        }
        content.append("</office:spreadsheet></office:body></office:document-content>");
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
                <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>
                """;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED); // must be the first entry, uncompressed
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String sheetName(String title) {
        String name = title.replaceAll("[\\[\\]*?:/\\\\']", " ");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    private static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
