package cn.liftcare.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Scope;
import cn.liftcare.maintenance.MaintenanceQueries;
import cn.liftcare.quality.Period;
import cn.liftcare.quality.QualityQueries;
import cn.liftcare.quality.QualityScoring;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.support.DemoData;
import cn.liftcare.support.DemoUsers;
import cn.liftcare.support.Html;
import cn.liftcare.support.LiftCareTest;

/**
 * The dashboards: the read model against the source data (recomputed here in SQL over the modules' own tables, or
 * through their public queries where the rule is theirs), an event reaching the home page within 5 seconds, every
 * role seeing only its organisation's figures, and the reports' PDF and Excel holding the same figures.
 */
@LiftCareTest
class DashboardIT {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired DashboardRefresher refresher;
    @Autowired DashboardStore store;
    @Autowired OrganizationDirectory organizations;
    @Autowired MaintenanceQueries maintenance;
    @Autowired Reports reports;
    @Autowired LiftCareTime time;
    @Autowired QualityQueries quality;
    @Autowired QualityScoring scoring;
    @Autowired BoardComposer composer;

    DemoData demo;

    @BeforeEach
    void settle() throws InterruptedException {
        demo = new DemoData(jdbc);
        awaitIdle();
    }

    void awaitIdle() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (!refresher.idle()) {
            assertThat(System.currentTimeMillis()).as("the dashboards settle").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    OrganizationView org(String shortName) {
        return organizations.byIds(List.of(new OrganizationId(demo.organization(shortName)))).values().iterator().next();
    }

    /** The board freshly recomputed, so a test compares against data it can see now. */
    Board fresh(String shortName) {
        return refresher.refresh(org(shortName));
    }

    static BigDecimal kpi(Board board, String key) {
        return board.kpi(key).orElseThrow(() -> new AssertionError("no KPI " + key)).value();
    }

    @Test
    void theReadModelsMatchTheSourceData() {
        Board owners = fresh("小河佳苑业委会");
        long xiaohe = demo.community("小河佳苑");
        assertThat(kpi(owners, "total").longValue()).isEqualTo(demo.count(
                "SELECT count(*) FROM elevator WHERE community_id = " + xiaohe));
        assertThat(kpi(owners, "openIncidents").longValue()).isEqualTo(demo.count("""
                SELECT count(*) FROM incident i JOIN elevator e ON e.id = i.elevator_id WHERE e.community_id = %d
                AND i.status NOT IN ('RESTORED', 'CONFIRMED', 'FALSE_ALARM')""".formatted(xiaohe)));
        BigDecimal reserve = jdbc.sql("""
                SELECT coalesce(sum(l.credit - l.debit), 0) FROM journal_line l
                JOIN journal_entry j ON j.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id
                JOIN elevator e ON a.code LIKE 'PENSION_RESERVE:%:' || e.id
                WHERE e.community_id = :c AND j.effective_on <= :today""")
                .param("c", xiaohe).param("today", Date.valueOf(time.today())).query(BigDecimal.class).single();
        assertThat(kpi(owners, "pensionReserve")).isEqualByComparingTo(reserve);
        BigDecimal due = jdbc.sql("""
                SELECT coalesce(sum(pi.amount), 0) FROM premium_invoice pi WHERE pi.community_id = :c""")
                .param("c", xiaohe).query(BigDecimal.class).single();
        assertThat(kpi(owners, "premiumDue")).isLessThanOrEqualTo(due);
        assertThat(owners.table("pensionByElevator").orElseThrow().rows()).hasSize((int) kpi(owners, "total").longValue());

        Board insurer = fresh("浙商财险");
        long zheshang = demo.organization("浙商财险");
        BigDecimal paid = jdbc.sql("""
                SELECT coalesce(sum(c.approved), 0) FROM claim c WHERE c.insurer_id = :i AND c.status = 'PAID'
                AND c.submitted_at >= :from AND c.submitted_at < :to AND c.policy_id IS NOT NULL""")
                .param("i", zheshang).param("from", Timestamp.from(insurer.from().atStartOfDay(LiftCareTime.ZONE).toInstant()))
                .param("to", Timestamp.from(insurer.to().atStartOfDay(LiftCareTime.ZONE).toInstant()))
                .query(BigDecimal.class).single();
        assertThat(kpi(insurer, "claimsPaid")).isEqualByComparingTo(paid);
        assertThat(paid).isPositive();
        assertThat(kpi(insurer, "claimsReserved")).isEqualByComparingTo(jdbc.sql("""
                SELECT coalesce(sum(c.assessed), 0) FROM claim c WHERE c.insurer_id = :i
                AND c.status NOT IN ('PAID', 'DECLINED')""").param("i", zheshang).query(BigDecimal.class).single());
        // loss ratio by brand: the period's paid claims on a brand's elevators over their share of the premium
        // written on the policies those claims fell on (each policy's premium shared by annual premium)
        Map<String, BigDecimal> byBrand = new java.util.HashMap<>();
        jdbc.sql("""
                WITH paid AS (SELECT c.policy_id, c.elevator_id, sum(c.approved) AS amount FROM claim c
                              WHERE c.insurer_id = :i AND c.status = 'PAID' AND c.policy_id IS NOT NULL
                              AND c.submitted_at >= :from AND c.submitted_at < :to GROUP BY 1, 2),
                     written AS (SELECT p.policy_id, (SELECT coalesce(sum(i.amount), 0) FROM premium_invoice i
                                                      WHERE i.policy_id = p.policy_id) AS amount
                                 FROM (SELECT DISTINCT policy_id FROM paid) p),
                     shares AS (SELECT pe.elevator_id, w.amount * pe.annual_premium
                                       / sum(pe.annual_premium) OVER (PARTITION BY pe.policy_id) AS premium
                                FROM policy_elevator pe JOIN written w ON w.policy_id = pe.policy_id),
                     brands AS (SELECT e.brand, sum(s.premium) AS premium FROM shares s
                                JOIN elevator e ON e.id = s.elevator_id GROUP BY e.brand)
                SELECT b.brand, (SELECT coalesce(sum(p.amount), 0) FROM paid p JOIN elevator e ON e.id = p.elevator_id
                                 WHERE e.brand = b.brand) / b.premium
                FROM brands b WHERE b.premium > 0""")
                .param("i", zheshang).param("from", Timestamp.from(insurer.from().atStartOfDay(LiftCareTime.ZONE).toInstant()))
                .param("to", Timestamp.from(insurer.to().atStartOfDay(LiftCareTime.ZONE).toInstant()))
                .query((rs, i) -> byBrand.put(rs.getString(1), rs.getBigDecimal(2))).list();
        Board.Chart lossByBrand = insurer.chart("lossByBrand").orElseThrow();
        assertThat(lossByBrand.categories()).containsExactlyInAnyOrderElementsOf(byBrand.keySet());
        assertThat(byBrand.values()).anySatisfy(r -> assertThat(r).isPositive());
        for (int c = 0; c < lossByBrand.categories().size(); c++) {
            assertThat(lossByBrand.series().get(0).values().get(c)).as(lossByBrand.categories().get(c))
                    .isCloseTo(byBrand.get(lossByBrand.categories().get(c)), org.assertj.core.data.Offset.offset(new BigDecimal("0.0002")));
        }
        assertThat(insurer.chart("lossByAge").orElseThrow().categories()).isNotEmpty()
                .isSubsetOf(java.util.Arrays.stream(cn.liftcare.registry.AgeBand.values()).map(cn.liftcare.registry.AgeBand::code).toList());
        List<String> overdue = jdbc.sql("SELECT number FROM premium_invoice WHERE insurer_id = :i").param("i", zheshang)
                .query(String.class).list();
        assertThat(insurer.table("overduePremium").orElseThrow().rows()).allSatisfy(r -> assertThat(overdue).contains(r.cells().get(0)));

        Board company = fresh("运河电梯");
        long yunhe = demo.organization("运河电梯");
        assertThat(kpi(company, "total").longValue()).isEqualTo(demo.count(
                "SELECT count(*) FROM elevator WHERE maintenance_company_id = " + yunhe));
        assertThat(kpi(company, "payouts")).isEqualByComparingTo(jdbc.sql(
                "SELECT coalesce(sum(approved), 0) FROM claim WHERE status = 'PAID' AND payee_id = :p")
                .param("p", yunhe).query(BigDecimal.class).single());

        Board regulator = fresh("拱墅区市场监管局");
        assertThat(kpi(regulator, "total").longValue()).isEqualTo(demo.count("""
                SELECT count(*) FROM elevator e JOIN district d ON d.id = e.district_id
                WHERE d.code = '330105'"""));
        assertThat(kpi(regulator, "overdue").longValue()).isEqualTo(
                maintenance.overdue(BoardComposer.scopeOf(org("拱墅区市场监管局"))).size());
        var window = new BoardComposer.Window(YearMonth.from(time.today()), time.today());
        long inspections = demo.count("""
                SELECT count(*) FROM inspection i JOIN elevator e ON e.id = i.elevator_id JOIN district d ON d.id = e.district_id
                WHERE d.code = '330105' AND i.inspected_on >= '%s' AND i.inspected_on < '%s'""".formatted(window.from(), window.to()));
        long firstPass = demo.count("""
                SELECT count(*) FROM inspection i JOIN elevator e ON e.id = i.elevator_id JOIN district d ON d.id = e.district_id
                WHERE d.code = '330105' AND i.result = 'PASS' AND i.inspected_on >= '%s' AND i.inspected_on < '%s'"""
                .formatted(window.from(), window.to()));
        assertThat(inspections).isPositive();
        assertThat(kpi(regulator, "inspectionFirstPass")).isEqualByComparingTo(BoardComposer.share(firstPass, inspections));
        long insuredNow = demo.count("""
                SELECT count(DISTINCT pe.elevator_id) FROM policy_elevator pe JOIN policy p ON p.id = pe.policy_id
                WHERE p.status = 'ISSUED' AND p.term_start <= CURRENT_DATE AND p.term_end > CURRENT_DATE""");
        assertThat(kpi(regulator, "insuredShare").doubleValue())
                .isCloseTo(insuredNow / kpi(regulator, "total").doubleValue(), org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void anIncidentReachesTheDashboardWithinFiveSeconds() throws Exception {
        long lift = jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id
                WHERE c.name = '小河佳苑' AND e.status = 'IN_SERVICE'
                  AND NOT EXISTS (SELECT 1 FROM incident i WHERE i.elevator_id = e.id
                                  AND i.status NOT IN ('RESTORED', 'CONFIRMED', 'FALSE_ALARM'))
                ORDER BY e.id LIMIT 1""").query(Long.class).single();
        refresher.refresh(org("小河佳苑业委会"));
        long before = openIncidentsOnHome();
        long start = System.nanoTime();
        assertThat(mvc.perform(post("/api/v1/public/elevators/" + demo.registrationCode(lift) + "/reports")
                .with(r -> {
                    r.setRemoteAddr("192.0.2.91");
                    return r;
                }).contentType(MediaType.APPLICATION_JSON).content("{\"symptom\":\"TRAPPED\"}"))
                .andReturn().getResponse().getStatus()).isEqualTo(201);
        while (openIncidentsOnHome() == before) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            Thread.sleep(50);
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        assertThat(openIncidentsOnHome()).isEqualTo(before + 1);
        assertThat(latency).isLessThan(Duration.ofSeconds(5));
    }

    long openIncidentsOnHome() throws Exception {
        Document home = Html.of(mvc.perform(get("/").with(users.as("owners"))));
        return Long.parseLong(home.selectFirst("#kpi-openIncidents").text().replace(",", ""));
    }

    @Test
    void everyRoleSeesItsOwnOrganisationOnly() throws Exception {
        Map<String, String> own = Map.of("regulator", "regulator", "insurer", "insurer", "property", "community",
                "owners", "community", "mcmanager", "company", "maintainer2", "company", "admin", "general");
        for (var entry : own.entrySet()) {
            Document home = Html.of(mvc.perform(get("/").with(users.as(entry.getKey()))));
            assertThat(home.selectFirst("#kpis").attr("data-kind")).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        // the company sees its own elevators, the other company its own
        long yunhe = demo.organization("运河电梯");
        long hengan = demo.organization("恒安电梯");
        assertThat(homeTotal("mcmanager")).isEqualTo(demo.count(
                "SELECT count(*) FROM elevator WHERE maintenance_company_id = " + yunhe));
        assertThat(homeTotal("maintainer2")).isEqualTo(demo.count(
                "SELECT count(*) FROM elevator WHERE maintenance_company_id = " + hengan));
        // the owners' committee: its community only; the open incidents it lists are all of its elevators
        assertThat(homeTotal("owners")).isEqualTo(94);
        Document company = Html.of(mvc.perform(get("/").with(users.as("maintainer2"))));
        List<String> codes = new ArrayList<>();
        company.select("#openIncidents-table tbody tr td:first-child a").forEach(a -> codes.add(a.text()));
        for (String code : codes) {
            assertThat(demo.count("SELECT count(*) FROM elevator WHERE maintenance_company_id = " + hengan
                    + " AND registration_code = '" + code + "'")).as(code).isEqualTo(1);
        }
        // 人保财险's overdue premium list holds none of 浙商财险's invoices
        Board picc = fresh("人保财险");
        List<String> zheshang = jdbc.sql("SELECT number FROM premium_invoice WHERE insurer_id = :i")
                .param("i", demo.organization("浙商财险")).query(String.class).list();
        assertThat(picc.table("overduePremium").orElseThrow().rows()).noneSatisfy(r -> assertThat(zheshang).contains(r.cells().get(0)));
        // a report of another organisation is not found
        Scope insurer = BoardComposer.scopeOf(org("浙商财险"));
        Reports.ReportRow made = reports.request(insurer, YearMonth.from(time.today()).minusMonths(1).toString());
        assertThat(reports.find(BoardComposer.scopeOf(org("人保财险")), made.id())).isEmpty();
        assertThat(mvc.perform(get("/reports/" + made.id() + ".pdf").with(users.as("regulator"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        await(insurer, made.id());
    }

    long homeTotal(String user) throws Exception {
        return Long.parseLong(Html.of(mvc.perform(get("/").with(users.as(user)))).selectFirst("#kpi-total").text()
                .replace(",", ""));
    }

    Reports.ReportRow await(Scope scope, long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        Reports.ReportRow row = reports.find(scope, id).orElseThrow();
        while (!row.finished()) {
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(100);
            row = reports.find(scope, id).orElseThrow();
        }
        assertThat(row.status()).as(row.error()).isEqualTo("DONE");
        return row;
    }

    @Test
    void theReportsPdfAndWorkbookHoldTheSameFigures() throws Exception {
        for (String shortName : List.of("拱墅区市场监管局", "浙商财险", "小河佳苑业委会")) {
            OrganizationView org = org(shortName);
            Scope scope = BoardComposer.scopeOf(org);
            ReportKind kind = ReportKind.forType(org.type()).orElseThrow();
            String period = kind.annual() ? String.valueOf(time.today().getYear() - 1)
                    : YearMonth.from(time.today()).minusMonths(1).toString();
            Reports.ReportRow row = await(scope, reports.request(scope, period).id());
            byte[] pdf = reports.file(scope, row.id(), "pdf").orElseThrow();
            byte[] xlsx = reports.file(scope, row.id(), "xlsx").orElseThrow();
            String text;
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                text = new PDFTextStripper().getText(doc);
            }
            String flat = text.replaceAll("\\s+", "");
            assertThat(flat).contains(org.displayName()).contains(labelOf(kind)).contains(period);
            if (kind == ReportKind.DISTRICT_MONTHLY) {
                // the quality section: the grades chart and the ranking with its companies, from the same board
                Board board = composer.compose(org, YearMonth.parse(period));
                Board.Table ranking = board.table("qualityRanking").orElseThrow();
                assertThat(ranking.rows()).isNotEmpty();
                assertThat(flat).contains("维保质量：各等级单位数").contains("维保质量排名");
                for (Board.Row r : ranking.rows()) {
                    assertThat(flat).contains(r.cells().get(1).replaceAll("\\s+", "")).contains(r.cells().get(2));
                }
            }
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet figures = workbook.getSheet(ReportDocuments.FIGURES_SHEET);
                assertThat(figures.getLastRowNum()).isGreaterThan(6);
                int checked = 0;
                for (int r = 3; r <= figures.getLastRowNum(); r++) {
                    Row line = figures.getRow(r);
                    String label = line.getCell(0).getStringCellValue();
                    String shown = line.getCell(2).getStringCellValue();
                    // the PDF shows the same label with the same figure
                    assertThat(flat).as(label).contains((label + shown).replaceAll("\\s+", ""));
                    checked++;
                }
                assertThat(checked).isGreaterThanOrEqualTo(8);
                // each chart has a sheet whose numbers are the chart's
                assertThat(workbook.getNumberOfSheets()).isGreaterThan(2);
            }
        }
    }

    String labelOf(ReportKind kind) {
        return switch (kind) {
            case DISTRICT_MONTHLY -> "辖区电梯安全月报";
            case PORTFOLIO_MONTHLY -> "承保组合月报";
            case COMMUNITY_ANNUAL -> "小区电梯年度报告";
        };
    }

    // ---- quality (issue 8) --------------------------------------------------------------------------------------

    /** The latest closed quarter (the demo closed the last four), as the boards pick it. */
    String closedQuarter() {
        return quality.periods().stream().filter(p -> p.period().contains("Q") && p.closed()).findFirst()
                .orElseThrow().period();
    }

    @Test
    void theQualityFiguresAreTheQualityModulesOwn() {
        String period = closedQuarter();
        OrganizationView regulatorOrg = org("拱墅区市场监管局");
        Board regulator = fresh("拱墅区市场监管局");
        List<QualityQueries.ScoreRow> ranking = quality.scores(BoardComposer.scopeOf(regulatorOrg), period,
                QualityQueries.Level.COMPANY, 1000);
        assertThat(ranking).hasSizeGreaterThanOrEqualTo(2);
        Board.Table table = regulator.table("qualityRanking").orElseThrow();
        assertThat(table.link()).isEqualTo("/quality?period=" + period);
        assertThat(table.rows()).hasSize(ranking.size());
        for (int i = 0; i < ranking.size(); i++) {
            QualityQueries.ScoreRow r = ranking.get(i);
            assertThat(table.rows().get(i).cells()).containsExactly(String.valueOf(r.rank()), r.name(),
                    BoardComposer.score(r.score()), r.grade(), period);
            assertThat(table.rows().get(i).link()).isEqualTo("/quality/companies/" + r.subjectId() + "/" + period);
        }
        // the grades: each grade's companies, counted here in SQL over quality's table, the region's companies only
        Board.Chart grades = regulator.chart("qualityGrades").orElseThrow();
        assertThat(grades.categories()).startsWith("A", "B", "C", "D");
        assertThat(grades.link()).isEqualTo("/quality?period=" + period);
        long counted = 0;
        for (int c = 0; c < grades.categories().size(); c++) {
            long inSql = demo.count("""
                    SELECT count(*) FROM quality_score s WHERE s.period = '%s' AND s.level = 'COMPANY' AND s.grade = '%s'
                    AND s.subject_id IN (SELECT e.maintenance_company_id FROM elevator e JOIN district d ON d.id = e.district_id
                                         WHERE d.code LIKE '330105%%')""".formatted(period, grades.categories().get(c)));
            assertThat(grades.series().get(0).values().get(c).longValue()).as(grades.categories().get(c)).isEqualTo(inSql);
            counted += inSql;
        }
        assertThat(counted).isEqualTo(ranking.size());

        // a company: its own score, grade and rank, and nothing of another's
        for (String shortName : List.of("运河电梯", "恒安电梯")) {
            OrganizationView company = org(shortName);
            Board board = fresh(shortName);
            QualityQueries.ScoreRow own = quality.scores(BoardComposer.scopeOf(company), period,
                    QualityQueries.Level.COMPANY, 1000).stream().filter(r -> r.subjectId() == company.id().value())
                    .findFirst().orElseThrow();
            String scorecard = "/quality/companies/" + company.id().value() + "/" + period;
            assertThat(board.kpi("qualityScore").orElseThrow().value()).isEqualByComparingTo(BoardComposer.score(own.score()));
            assertThat(board.kpi("qualityScore").orElseThrow().link()).isEqualTo(scorecard);
            assertThat(kpi(board, "qualityRank").intValue()).isEqualTo(own.rank());
            assertThat(board.table("qualityScore").orElseThrow().rows()).singleElement().satisfies(r -> {
                assertThat(r.cells()).containsExactly(period, BoardComposer.score(own.score()), own.grade(),
                        String.valueOf(own.rank()));
                assertThat(r.link()).isEqualTo(scorecard);
            });
            assertThat(board.table("qualityRanking")).isEmpty();
            assertThat(board.chart("qualityGrades")).isEmpty();
        }
    }

    @Test
    void aCompanySeesOnlyItsOwnScoreOnItsHomePage() throws Exception {
        String period = closedQuarter();
        long hengan = demo.organization("恒安电梯");
        long yunhe = demo.organization("运河电梯");
        refresher.refresh(org("恒安电梯"));
        Document home = Html.of(mvc.perform(get("/").with(users.as("maintainer2"))));
        QualityQueries.ScoreRow own = quality.scores(BoardComposer.scopeOf(org("恒安电梯")), period,
                QualityQueries.Level.COMPANY, 1000).stream().filter(r -> r.subjectId() == hengan).findFirst().orElseThrow();
        assertThat(home.selectFirst("#kpi-qualityScore").text()).isEqualTo(BoardComposer.score(own.score()));
        assertThat(home.selectFirst("#kpi-link-qualityScore").attr("href")).endsWith("/quality/companies/" + hengan + "/" + period);
        assertThat(home.select("#qualityScore-table tbody tr")).hasSize(1);
        assertThat(home.selectFirst("#qualityRanking-table")).isNull();
        assertThat(home.select("a[href*=/quality/companies/" + yunhe + "/]")).isEmpty();
    }

    @Test
    void recomputedScoresReachTheDashboardsWithinFiveSeconds() throws Exception {
        OrganizationView company = org("运河电梯");
        Board current = fresh("运河电梯");
        // the stored board without its quality figures: only the scores' event brings them back
        store.save(company.id().value(), company.type(), new Board(current.kind(), current.subject(), current.from(),
                current.to(), current.computedAt(), current.kpis().stream().filter(k -> !k.key().startsWith("quality")).toList(),
                current.charts(), current.tables().stream().filter(t -> !t.key().startsWith("quality")).toList()), 0);
        assertThat(store.load(company.id().value()).orElseThrow().kpi("qualityScore")).isEmpty();
        scoring.compute(Scope.SYSTEM, Period.quarterOf(time.today()).code());
        long start = System.nanoTime();
        while (store.load(company.id().value()).orElseThrow().kpi("qualityScore").isEmpty()) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            Thread.sleep(50);
        }
        assertThat(store.load(company.id().value()).orElseThrow().table("qualityScore").orElseThrow().rows()).hasSize(1);
    }
}
