package nl.meldcodetour.core.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV that Excel with Dutch settings opens correctly: ';' separator, UTF-8 with BOM, formulas neutralised. */
public final class ExcelCsv {

    private ExcelCsv() {
    }

    /** Cells are written as given; pass user-typed text through {@link #safe} first. */
    public static String of(List<String> header, Iterable<? extends List<String>> rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            csv.printRecord(header);
            for (List<String> row : rows) {
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Neutralises spreadsheet formulas in text typed by users (CSV injection). */
    public static String safe(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
