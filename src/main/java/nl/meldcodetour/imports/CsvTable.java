/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A spreadsheet export as rows of named cells. Accepts UTF-8 with or without BOM, ';' (Excel NL) or ',' as
 * separator (detected from the header line), quoted fields, and header names in any case. Columns are mapped to
 * canonical names through aliases, so "E-mailadres", "email" and "E-mail" all mean the same column.
 */
final class CsvTable {

    /** One data row: its line number in the file (1 = header) and its cells by canonical column name. */
    record Row(long line, Map<String, String> cells) {
        String get(String column) {
            return cells.get(column);
        }
    }

    /** A problem that makes the whole file unreadable (no header, missing columns). */
    static final class UnreadableException extends Exception {
        UnreadableException(String message) {
            super(message, null, false, false);
        }
    }

    static final int MAX_ROWS = 50_000;

    final List<Row> rows;

    private CsvTable(List<Row> rows) {
        this.rows = rows;
    }

    /**
     * @param aliases canonical column name -> accepted header names (lower case)
     * @param required canonical columns that must be present
     */
    static CsvTable parse(String text, Map<String, List<String>> aliases, List<String> required)
            throws UnreadableException {
        return parse(text, aliases, required, MAX_ROWS);
    }

    /** As {@link #parse(String, Map, List)}, with at most {@code maxRows} rows (a national register is larger). */
    static CsvTable parse(String text, Map<String, List<String>> aliases, List<String> required, int maxRows)
            throws UnreadableException {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        content = content.replace("\u0000", "");
        if (content.isBlank()) {
            throw new UnreadableException("Het bestand is leeg.");
        }
        String firstLine = content.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') >= count(firstLine, ',') && count(firstLine, ';') > 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .setIgnoreHeaderCase(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            Map<String, String> headerToCanonical = new LinkedHashMap<>();
            for (String header : parser.getHeaderNames()) {
                String h = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
                aliases.forEach((canonical, names) -> {
                    if (names.contains(h)) {
                        headerToCanonical.put(header, canonical);
                    }
                });
            }
            List<String> missing = required.stream()
                    .filter(r -> !headerToCanonical.containsValue(r))
                    .toList();
            if (!missing.isEmpty()) {
                throw new UnreadableException("Deze kolommen ontbreken in de eerste regel: "
                        + String.join(", ", missing)
                        + ". Gevonden kolommen: " + String.join(", ", parser.getHeaderNames())
                        + (delimiter == ',' ? " (gescheiden door komma's)" : " (gescheiden door puntkomma's)") + ".");
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() >= maxRows) {
                    throw new UnreadableException(
                            "Het bestand heeft meer dan " + maxRows + " regels. Splits het in delen.");
                }
                Map<String, String> cells = new LinkedHashMap<>();
                headerToCanonical.forEach((header, canonical) -> {
                    String value = record.isMapped(header) && record.isSet(header) ? record.get(header) : null;
                    cells.put(canonical, value == null || value.isBlank() ? null : value.strip());
                });
                rows.add(new Row(record.getRecordNumber() + 1, cells));
            }
            return new CsvTable(rows);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new UnreadableException("Het bestand is geen geldig CSV-bestand: " + e.getMessage());
        }
    }

    private static long count(String line, char c) {
        return line.chars().filter(ch -> ch == c).count();
    }
}
