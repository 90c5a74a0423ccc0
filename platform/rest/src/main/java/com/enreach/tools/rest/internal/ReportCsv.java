package com.enreach.tools.rest.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.enreach.tools.api.inventory.ReportResult;

/**
 * A report as CSV (RFC 4180: comma, CRLF, quotes where needed, by Commons CSV): a header row with the entity's id,
 * name and type and the report's columns, then one line per row. Text that a spreadsheet would run as a formula
 * (starting with {@code = + - @} or a tab/CR) gets a leading apostrophe: names come from the sources, not from us.
 */
final class ReportCsv {
    private ReportCsv() {
    }

    static String write(ReportResult r) {
        StringWriter out = new StringWriter();
        List<String> header = new ArrayList<>(List.of("entity_id", "entity_name", "entity_type"));
        header.addAll(r.columns());
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(header);
            for (ReportResult.Row row : r.rows()) {
                List<Object> cells = new ArrayList<>();
                cells.add(row.entityId());
                cells.add(cell(row.entityName()));
                cells.add(cell(row.entityType()));
                for (String c : r.columns()) {
                    cells.add(cell(row.values().get(c)));
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    static Object cell(Object v) {
        if (v instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return v;
    }
}
