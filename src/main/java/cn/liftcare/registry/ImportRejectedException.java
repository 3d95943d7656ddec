package cn.liftcare.registry;

/** The file had problems, so nothing of it was imported. Carries the full report. */
public class ImportRejectedException extends RuntimeException {

    private final ImportReport report;

    ImportRejectedException(ImportReport report) {
        super("import rejected: " + report.problems().size() + " problems");
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
