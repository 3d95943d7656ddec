package cn.liftcare.registry;

import java.util.List;

/**
 * The outcome of an import: either every row imported, or none, with every problem found by row
 * (as numbered in the spreadsheet), column header and message.
 */
public record ImportReport(int rows, int imported, List<Problem> problems) {

    public boolean accepted() {
        return problems.isEmpty();
    }

    public record Problem(int row, String column, String message) {
    }
}
