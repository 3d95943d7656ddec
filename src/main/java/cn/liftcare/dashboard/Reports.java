package cn.liftcare.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Scope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Generated reports: requested from the reports page or by the monthly schedule, generated in the background (the
 * request returns at once; the row's status and progress show how far it got), stored with their PDF and Excel bytes,
 * and listed per organisation. Every read names the caller's organisation in SQL: another's report is not found.
 */
@Component
class Reports {

    private static final Logger log = LoggerFactory.getLogger(Reports.class);
    static final String SCHEDULE = "schedule";

    record ReportRow(long id, ReportKind kind, String period, String status, int progress, String requestedBy,
            Instant requestedAt, Instant finishedAt, String error) {

        public String requestedAtText() {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(requestedAt.atZone(LiftCareTime.ZONE));
        }

        public boolean finished() {
            return "DONE".equals(status) || "FAILED".equals(status);
        }
    }

    private final JdbcClient jdbc;
    private final Generator generator;
    private final OrganizationDirectory organizations;
    private final LiftCareTime time;

    Reports(JdbcClient jdbc, Generator generator, OrganizationDirectory organizations, LiftCareTime time) {
        this.jdbc = jdbc;
        this.generator = generator;
        this.organizations = organizations;
        this.time = time;
    }

    /** Queues the caller's organisation's report of the period and starts it in the background. */
    ReportRow request(Scope scope, String period) {
        ReportKind kind = ReportKind.forType(scope.organizationType()).orElseThrow(() -> new NotFoundException("report", 0));
        String p = period == null ? "" : period.strip();
        if (!kind.validPeriod(p, time.today())) {
            throw new ValidationFailedException(Violation.of("period", "dashboard.report.period"));
        }
        long id = insert(scope.orgId(), kind, p, scope.username()).orElseThrow();
        generator.generate(id);
        return find(scope, id).orElseThrow();
    }

    private Optional<Long> insert(long org, ReportKind kind, String period, String by) {
        return jdbc.sql("""
                INSERT INTO dashboard_report (org_id, kind, period, status, progress, requested_by, requested_at)
                VALUES (:org, :kind, :period, 'QUEUED', 0, :by, :at) ON CONFLICT DO NOTHING RETURNING id""")
                .param("org", org).param("kind", kind.name()).param("period", period).param("by", by)
                .param("at", Timestamp.from(time.now())).query(Long.class).optional();
    }

    List<ReportRow> list(Scope scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dashboard_report WHERE org_id = :org ORDER BY requested_at DESC, id DESC LIMIT 100")
                .param("org", scope.orgId()).query(Reports::row).list();
    }

    Optional<ReportRow> find(Scope scope, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dashboard_report WHERE id = :id AND org_id = :org")
                .param("id", id).param("org", scope.orgId()).query(Reports::row).optional();
    }

    /** The stored file ({@code pdf} or {@code xlsx}) of a finished report of the caller's organisation. */
    Optional<byte[]> file(Scope scope, long id, String format) {
        String column = "pdf".equals(format) ? "pdf" : "xlsx";
        return jdbc.sql("SELECT " + column + " FROM dashboard_report WHERE id = :id AND org_id = :org AND status = 'DONE'")
                .param("id", id).param("org", scope.orgId()).query((rs, i) -> rs.getBytes(1)).optional();
    }

    /**
     * On the first of each month (03:00 Shanghai): last month's district and portfolio reports, and in January each
     * community's report of the year before; once per organisation and period whatever reruns.
     */
    @Scheduled(cron = "${liftcare.dashboard.report-cron:0 0 3 1 * *}", zone = "Asia/Shanghai")
    void monthly() {
        for (ReportKind kind : ReportKind.values()) {
            kind.scheduledPeriod(time.today()).ifPresent(period -> {
                for (OrganizationType type : OrganizationType.values()) {
                    if (ReportKind.forType(type).orElse(null) != kind) {
                        continue;
                    }
                    for (OrganizationView org : organizations.ofType(Scope.SYSTEM, type)) {
                        insert(org.id().value(), kind, period, SCHEDULE).ifPresent(generator::generate);
                    }
                }
            });
        }
    }

    private static final String COLUMNS = "id, kind, period, status, progress, requested_by, requested_at, finished_at, error";

    private static ReportRow row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ReportRow(rs.getLong("id"), ReportKind.valueOf(rs.getString("kind")), rs.getString("period"),
                rs.getString("status"), rs.getInt("progress"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getString("error"));
    }

    /** The background half: composes the board of the period, renders both files, stores them, step by step. */
    @Component
    static class Generator {

        private final JdbcClient jdbc;
        private final BoardComposer composer;
        private final ReportDocuments documents;
        private final OrganizationDirectory organizations;
        private final LiftCareTime time;

        Generator(JdbcClient jdbc, BoardComposer composer, ReportDocuments documents, OrganizationDirectory organizations,
                LiftCareTime time) {
            this.jdbc = jdbc;
            this.composer = composer;
            this.documents = documents;
            this.organizations = organizations;
            this.time = time;
        }

        @Async
        public void generate(long id) {
            try {
                var report = jdbc.sql("SELECT org_id, kind, period FROM dashboard_report WHERE id = :id").param("id", id)
                        .query((rs, i) -> new Object[] {rs.getLong(1), ReportKind.valueOf(rs.getString(2)), rs.getString(3)})
                        .single();
                ReportKind kind = (ReportKind) report[1];
                String period = (String) report[2];
                progress(id, "RUNNING", 10);
                OrganizationView org = organizations.byIds(List.of(new OrganizationId((Long) report[0])))
                        .values().iterator().next();
                Board board = composer.compose(org, kind.lastMonth(period));
                progress(id, "RUNNING", 50);
                byte[] pdf = documents.pdf(kind, period, board, time.now());
                progress(id, "RUNNING", 80);
                byte[] xlsx = documents.xlsx(kind, period, board);
                jdbc.sql("""
                        UPDATE dashboard_report SET status = 'DONE', progress = 100, pdf = :pdf, xlsx = :xlsx,
                            finished_at = :at WHERE id = :id""")
                        .param("pdf", pdf).param("xlsx", xlsx).param("at", Timestamp.from(time.now())).param("id", id)
                        .update();
            }
            catch (RuntimeException e) {
                log.warn("Report {} failed", id, e);
                jdbc.sql("UPDATE dashboard_report SET status = 'FAILED', error = :error, finished_at = :at WHERE id = :id")
                        .param("error", String.valueOf(e.getMessage())).param("at", Timestamp.from(time.now()))
                        .param("id", id).update();
            }
        }

        private void progress(long id, String status, int percent) {
            jdbc.sql("UPDATE dashboard_report SET status = :s, progress = :p WHERE id = :id")
                    .param("s", status).param("p", percent).param("id", id).update();
        }
    }
}
