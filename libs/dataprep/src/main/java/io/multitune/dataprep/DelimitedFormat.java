package io.multitune.dataprep;

import io.multitune.events.RejectReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV and TSV. Each message starts with its own header row when the spec says so (a message must be readable on its
 * own), otherwise the spec's columns name the fields. Empty (or blank) lines are skipped and not counted.
 */
final class DelimitedFormat implements FormatParser {
    private final char delimiter;
    private final boolean headerRow;
    private final List<String> columns;

    DelimitedFormat(char delimiter, boolean headerRow, List<String> columns) {
        this.delimiter = delimiter;
        this.headerRow = headerRow;
        this.columns = columns == null ? List.of() : List.copyOf(columns);
    }

    @Override
    public List<RawUnit> parse(byte[] value) {
        String text = Utf8.decodeMessage(value);
        if (text == null) {
            return List.of(Malformations.invalidUtf8(0, value, 0, value.length));
        }
        DelimitedRowReader reader = new DelimitedRowReader(text, delimiter, 0);
        List<String> names = columns;
        if (headerRow) {
            DelimitedRowReader.Row header = nextNonBlank(reader, text);
            if (header == null) {
                return List.of();
            }
            if (header.problem() != null) {
                return List.of(malformed(0, text.substring(header.start()), "header row: " + header.problem()));
            }
            names = trimmed(header.fields());
        }
        return readRows(reader, text, names);
    }

    private static List<RawUnit> readRows(DelimitedRowReader reader, String text, List<String> names) {
        List<RawUnit> units = new ArrayList<>();
        DelimitedRowReader.Row row;
        while ((row = nextNonBlank(reader, text)) != null) {
            units.add(toUnit(units.size(), row, text, names));
        }
        return units;
    }

    private static RawUnit toUnit(int index, DelimitedRowReader.Row row, String text, List<String> names) {
        String rowText = text.substring(row.start(), row.end());
        if (row.problem() != null) {
            return malformed(index, rowText, row.problem());
        }
        List<String> values = row.fields();
        if (values.size() != names.size()) {
            return malformed(index, rowText, "expected " + names.size() + " fields (one per column) but got "
                    + values.size());
        }
        Map<String, Object> fields = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            fields.put(names.get(i), values.get(i));
        }
        return new RawUnit.Parsed(index, rowText, fields);
    }

    private static DelimitedRowReader.Row nextNonBlank(DelimitedRowReader reader, String text) {
        DelimitedRowReader.Row row;
        do {
            row = reader.next();
        } while (row != null && isBlankLine(row, text));
        return row;
    }

    private static boolean isBlankLine(DelimitedRowReader.Row row, String text) {
        if (row.fields().size() != 1 || row.unfinished()) {
            return false;
        }
        for (int i = row.start(); i < row.end(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static List<String> trimmed(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String name : names) {
            out.add(name.strip());
        }
        return out;
    }

    private static RawUnit malformed(int index, String text, String problem) {
        return Malformations.text(index, text, RejectReason.MALFORMED_CSV, Malformations.VALUE, problem);
    }
}
