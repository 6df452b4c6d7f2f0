/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
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

    /** All data rows of the file, also those a filter left out. */
    final int read;

    private CsvTable(List<Row> rows, int read) {
        this.rows = rows;
        this.read = read;
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
        String content = text.replace("\u0000", "");
        if (content.isBlank() || content.equals("\uFEFF")) {
            throw new UnreadableException("Het bestand is leeg.");
        }
        return parse(new StringReader(content), aliases, required, maxRows, row -> true);
    }

    /**
     * Reads a file as a stream, keeping only the rows {@code keep} accepts (the others are only counted in
     * {@link #rows}' total, {@link #read}): a national register of 90,000 rows is read for the few thousand of a region
     * without holding the rest.
     */
    static CsvTable parse(
            Reader source, Map<String, List<String>> aliases, List<String> required, int maxRows, Predicate<Row> keep)
            throws UnreadableException {
        try {
            BufferedReader reader = new BufferedReader(source, 65_536);
            reader.mark(65_536);
            int first = reader.read();
            if (first != '\uFEFF') {
                reader.reset();
            }
            reader.mark(65_536);
            String firstLine = reader.readLine();
            reader.reset();
            if (firstLine == null || firstLine.isBlank()) {
                throw new UnreadableException("Het bestand is leeg.");
            }
            char delimiter = count(firstLine, ';') >= count(firstLine, ',') && count(firstLine, ';') > 0 ? ';' : ',';
            return read(reader, delimiter, aliases, required, maxRows, keep);
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableException("Het bestand kon niet worden gelezen.");
        }
    }

    private static CsvTable read(
            Reader reader,
            char delimiter,
            Map<String, List<String>> aliases,
            List<String> required,
            int maxRows,
            Predicate<Row> keep)
            throws UnreadableException {
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
        try (CSVParser parser = CSVParser.parse(reader, format)) {
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
            int read = 0;
            for (CSVRecord record : parser) {
                if (read >= maxRows) {
                    throw new UnreadableException(
                            "Het bestand heeft meer dan " + maxRows + " regels. Splits het in delen.");
                }
                read++;
                Map<String, String> cells = new LinkedHashMap<>();
                headerToCanonical.forEach((header, canonical) -> {
                    String value = record.isMapped(header) && record.isSet(header) ? record.get(header) : null;
                    cells.put(canonical, value == null || value.isBlank() ? null : value.strip());
                });
                Row row = new Row(record.getRecordNumber() + 1, cells);
                if (keep.test(row)) {
                    rows.add(row);
                }
            }
            return new CsvTable(rows, read);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new UnreadableException("Het bestand is geen geldig CSV-bestand: " + e.getMessage());
        }
    }

    private static long count(String line, char c) {
        return line.chars().filter(ch -> ch == c).count();
    }
}
