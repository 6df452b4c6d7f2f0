/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV that Excel with Dutch settings opens correctly: ';' separator, UTF-8 with BOM, formulas neutralised. */
public final class ExcelCsv {

    private ExcelCsv() {}

    /**
     * Every cell goes through {@link #safe}: one place that neutralises formulas, whichever column holds typed text
     * (a name, an e-mail address, a function).
     */
    public static String of(List<String> header, Iterable<? extends List<String>> rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv =
                new CSVPrinter(out, CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            csv.printRecord(header.stream().map(ExcelCsv::safe).toList());
            for (List<String> row : rows) {
                csv.printRecord(row.stream().map(ExcelCsv::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+([.,][0-9]+)?");

    /**
     * Neutralises spreadsheet formulas (CSV injection): text that starts with {@code = + - @}, a tab or a carriage
     * return gets a leading apostrophe. A plain number ("-0,12") stays a number.
     */
    public static String safe(String value) {
        if (value != null
                && !value.isEmpty()
                && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
                && !NUMBER.matcher(value).matches()) {
            return "'" + value;
        }
        return value;
    }
}
