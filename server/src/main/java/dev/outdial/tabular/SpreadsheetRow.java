package dev.outdial.tabular;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * One non-blank row of an uploaded sheet. {@code number} is the row as the user's spreadsheet
 * program shows it (1 is the first line of the file), so a report can say "row 12" and the user
 * finds it.
 */
public record SpreadsheetRow(int number, List<String> cells) {

    public SpreadsheetRow {
        cells = List.copyOf(cells);
    }

    /** The cell's text without surrounding spaces; an absent cell reads as empty. */
    public String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index).strip() : "";
    }

    /** The first column whose header is one of {@code names} (ignoring case and spaces), or -1. */
    public int columnNamed(Collection<String> names) {
        for (int i = 0; i < cells.size(); i++) {
            String header = cell(i).toLowerCase(Locale.ROOT);
            if (names.stream().anyMatch(name -> name.equalsIgnoreCase(header))) {
                return i;
            }
        }
        return -1;
    }

    boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
