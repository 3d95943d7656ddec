package cn.liftcare.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.liftcare.claims.ClaimQueries;
import cn.liftcare.dashboard.Board.Chart;
import cn.liftcare.dashboard.Board.Kpi;
import cn.liftcare.dashboard.Board.Row;
import cn.liftcare.dashboard.Board.Series;
import cn.liftcare.dashboard.Board.Table;
import cn.liftcare.dashboard.Board.Unit;
import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserId;
import cn.liftcare.incidents.IncidentMetrics;
import cn.liftcare.incidents.IncidentQueries;
import cn.liftcare.incidents.IncidentRow;
import cn.liftcare.incidents.ResponseClock;
import cn.liftcare.ledger.AccountPurpose;
import cn.liftcare.ledger.AccountRef;
import cn.liftcare.ledger.Books;
import cn.liftcare.maintenance.MaintenanceQueries;
import cn.liftcare.pension.PensionQueries;
import cn.liftcare.pension.Projection;
import cn.liftcare.policies.Billing;
import cn.liftcare.policies.Cover;
import cn.liftcare.policies.InvoiceKind;
import cn.liftcare.policies.InvoiceView;
import cn.liftcare.policies.PolicyQueries;
import cn.liftcare.policies.Products;
import cn.liftcare.quality.QualityQueries;
import cn.liftcare.quality.Standard;
import cn.liftcare.quality.StandardBook;
import cn.liftcare.registry.AgeBand;
import cn.liftcare.registry.ElevatorFilter;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorStatus;
import cn.liftcare.registry.ElevatorType;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RegionCode;

/**
 * Computes an organisation's dashboard from the other modules' public queries, each called with the organisation's
 * own {@link Scope} (so the figures are exactly what its people may see in the lists behind them). This is the only
 * place the dashboard reads other modules; the result is stored by {@link DashboardStore} and pages read only that.
 */
@Component
class BoardComposer {

    static final int MONTHS = 12;
    static final int LIST_LIMIT = 100_000;

    private final ElevatorQueries elevators;
    private final MaintenanceQueries maintenance;
    private final IncidentMetrics incidentMetrics;
    private final IncidentQueries incidents;
    private final ClaimQueries claims;
    private final PolicyQueries policies;
    private final Billing billing;
    private final Cover cover;
    private final Products products;
    private final PensionQueries pension;
    private final Books books;
    private final QualityQueries quality;
    private final StandardBook standards;
    private final OrganizationDirectory organizations;
    private final LiftCareTime time;

    BoardComposer(ElevatorQueries elevators, MaintenanceQueries maintenance, IncidentMetrics incidentMetrics,
            IncidentQueries incidents, ClaimQueries claims, PolicyQueries policies, Billing billing, Cover cover,
            Products products, PensionQueries pension, Books books, QualityQueries quality, StandardBook standards,
            OrganizationDirectory organizations, LiftCareTime time) {
        this.elevators = elevators;
        this.maintenance = maintenance;
        this.incidentMetrics = incidentMetrics;
        this.incidents = incidents;
        this.claims = claims;
        this.policies = policies;
        this.billing = billing;
        this.cover = cover;
        this.products = products;
        this.pension = pension;
        this.books = books;
        this.quality = quality;
        this.standards = standards;
        this.organizations = organizations;
        this.time = time;
    }

    /** The kind of dashboard an organisation type gets. */
    static String kindOf(OrganizationType type) {
        return switch (type) {
            case REGULATOR -> "regulator";
            case INSURER -> "insurer";
            case USE_UNIT, OWNERS_COMMITTEE -> "community";
            case MAINTENANCE_COMPANY -> "company";
            default -> "general";
        };
    }

    static boolean hasDashboard(OrganizationType type) {
        return !"general".equals(kindOf(type));
    }

    /** The organisation acting through every role its type may hold: what its people together may see. */
    static Scope scopeOf(OrganizationView org) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (role.canBeHeldBy(org.type())) {
                roles.add(role);
            }
        }
        return new Scope(new UserId(0), "dashboard", org.id(), org.type(), new RegionCode(org.regionCode()), roles);
    }

    /** The live dashboard: the twelve months up to and including the current one (to date). */
    Board live(OrganizationView org) {
        return compose(org, YearMonth.from(time.today()));
    }

    /** The dashboard as of the end of a month: its twelve months ending with that one. */
    Board compose(OrganizationView org, YearMonth last) {
        Scope scope = scopeOf(org);
        Window w = new Window(last, time.today());
        List<Kpi> kpis = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        registry(scope, kpis, charts);
        switch (kindOf(org.type())) {
            case "regulator" -> regulator(scope, w, kpis, charts, tables);
            case "insurer" -> insurer(scope, w, kpis, charts, tables);
            case "community" -> community(scope, w, kpis, charts, tables);
            case "company" -> company(scope, w, kpis, charts, tables);
            default -> { }
        }
        return new Board(kindOf(org.type()), org.displayName(), w.from, w.to, time.now(), kpis, charts, tables);
    }

    /** [first day of the first month, the day after the last day counted). */
    record Window(List<YearMonth> months, LocalDate from, LocalDate to) {

        Window(YearMonth last, LocalDate today) {
            this(months(last), last.minusMonths(MONTHS - 1L).atDay(1), end(last, today));
        }

        private static List<YearMonth> months(YearMonth last) {
            List<YearMonth> list = new ArrayList<>();
            for (int i = MONTHS - 1; i >= 0; i--) {
                list.add(last.minusMonths(i));
            }
            return list;
        }

        private static LocalDate end(YearMonth last, LocalDate today) {
            LocalDate end = last.plusMonths(1).atDay(1);
            return end.isAfter(today.plusDays(1)) ? today.plusDays(1) : end;
        }

        List<String> labels() {
            return months.stream().map(YearMonth::toString).toList();
        }

        double years() {
            return ChronoUnit.DAYS.between(from, to) / 365.0;
        }
    }

    // ---- every dashboard: the elevators -------------------------------------------------------------------------

    private void registry(Scope scope, List<Kpi> kpis, List<Chart> charts) {
        Map<ElevatorStatus, Long> byStatus = elevators.countByStatus(scope);
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        kpis.add(new Kpi("total", BigDecimal.valueOf(total), Unit.COUNT, "/elevators"));
        kpis.add(new Kpi("inService", BigDecimal.valueOf(byStatus.getOrDefault(ElevatorStatus.IN_SERVICE, 0L)),
                Unit.COUNT, "/elevators?status=IN_SERVICE"));
        kpis.add(new Kpi("suspended", BigDecimal.valueOf(byStatus.getOrDefault(ElevatorStatus.SUSPENDED, 0L)),
                Unit.COUNT, "/elevators?status=SUSPENDED"));
        Map<ElevatorType, Map<AgeBand, Long>> byTypeAndAge = elevators.countByTypeAndAge(scope);
        long over15 = byTypeAndAge.values().stream()
                .mapToLong(m -> m.getOrDefault(AgeBand.FROM_15_TO_20, 0L) + m.getOrDefault(AgeBand.OVER_20, 0L)).sum();
        kpis.add(new Kpi("over15", BigDecimal.valueOf(over15), Unit.COUNT, "/elevators?minAge=15"));
        List<String> bands = Arrays.stream(AgeBand.values()).map(AgeBand::code).toList();
        List<Series> series = new ArrayList<>();
        for (ElevatorType type : ElevatorType.values()) {
            Map<AgeBand, Long> counts = byTypeAndAge.get(type);
            if (counts != null) {
                series.add(new Series("enum.ElevatorType." + type.name(), "stack",
                        Arrays.stream(AgeBand.values()).map(b -> BigDecimal.valueOf(counts.getOrDefault(b, 0L))).toList()));
            }
        }
        charts.add(new Chart("age", "bar", bands, bands, series, Unit.COUNT, "/elevators?ageBand={category}"));
    }

    // ---- the regulator ------------------------------------------------------------------------------------------

    private void regulator(Scope scope, Window w, List<Kpi> kpis, List<Chart> charts, List<Table> tables) {
        long total = kpis.get(0).value().longValue();
        long insured = policies.list(scope, cn.liftcare.policies.PolicyStatus.ISSUED, null, LIST_LIMIT).stream()
                .filter(PolicyQueries.PolicyRow::inForce).mapToLong(PolicyQueries.PolicyRow::elevators).sum();
        kpis.add(new Kpi("insuredShare", share(insured, total), Unit.SHARE, "/policies?status=ISSUED"));
        maintenanceFigures(scope, w, kpis, charts, "/maintenance/supervision");
        incidentFigures(scope, w, kpis, charts);
        MaintenanceQueries.InspectionTally inspections = maintenance.inspectionResults(scope, w.from, w.to);
        kpis.add(new Kpi("inspectionFirstPass", share(inspections.passedFirstTime(), inspections.inspections()),
                Unit.SHARE, "/maintenance/supervision"));
        ClaimQueries.Metrics m = claims.metrics(scope, w.from, w.to);
        Money paid = m.byInsurer().stream().map(ClaimQueries.Ratio::claims).reduce(Money.ZERO, Money::plus);
        kpis.add(new Kpi("claimsPaid", paid.amount(), Unit.YUAN, "/claims?status=PAID"));
        kpis.add(new Kpi("stpRate", m.stpRate() == null ? BigDecimal.ZERO : m.stpRate(), Unit.SHARE, "/claims/metrics"));
        claimsByMonth(scope, w, charts, "/claims/metrics");
        // pension: each insurer of the region, its portfolio's reserve against projected outlays, year by year
        List<Projection.Result> results = new ArrayList<>();
        for (OrganizationView insurer : organizations.ofType(Scope.SYSTEM, OrganizationType.INSURER)) {
            // an insurer writing in the region: its region holds the regulator's, or lies inside it
            if (RegionCode.isValid(insurer.regionCode()) && (new RegionCode(insurer.regionCode()).covers(scope.region().value())
                    || scope.region().covers(insurer.regionCode()))) {
                results.add(pension.projection(scopeOf(insurer), null).result());
            }
        }
        pensionFigures(results, kpis, charts, "/ledger", true);
        qualityRanking(scope, w, charts, tables);
    }

    // ---- the insurer --------------------------------------------------------------------------------------------

    private void insurer(Scope scope, Window w, List<Kpi> kpis, List<Chart> charts, List<Table> tables) {
        List<InvoiceView> invoices = billing.list(scope, null, null, LIST_LIMIT);
        Map<YearMonth, BigDecimal> written = new HashMap<>();
        for (InvoiceView invoice : invoices) {
            if (invoice.kind() != InvoiceKind.CREDIT && !invoice.issuedOn().isBefore(w.from)
                    && invoice.issuedOn().isBefore(w.to)) {
                written.merge(YearMonth.from(invoice.issuedOn()), invoice.amount().amount(), BigDecimal::add);
            }
            else if (invoice.kind() == InvoiceKind.CREDIT && !invoice.issuedOn().isBefore(w.from)
                    && invoice.issuedOn().isBefore(w.to)) {
                written.merge(YearMonth.from(invoice.issuedOn()), invoice.amount().amount().abs().negate(), BigDecimal::add);
            }
        }
        BigDecimal writtenTotal = written.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        kpis.add(new Kpi("premiumWritten", money(writtenTotal), Unit.YUAN, "/billing"));
        Map<YearMonth, BigDecimal> earned = new HashMap<>();
        for (PolicyQueries.PolicyRow p : policies.list(scope, null, null, LIST_LIMIT)) {
            if (p.termStart() == null || p.termEnd() == null || p.annualPremium() == null) {
                continue;
            }
            LocalDate end = p.endedOn() != null && p.endedOn().isBefore(p.termEnd()) ? p.endedOn() : p.termEnd();
            long term = ChronoUnit.DAYS.between(p.termStart(), p.termEnd());
            if (term <= 0 || p.status() == cn.liftcare.policies.PolicyStatus.QUOTED
                    || p.status() == cn.liftcare.policies.PolicyStatus.BOUND) {
                continue;
            }
            for (YearMonth month : w.months) {
                LocalDate a = max(p.termStart(), month.atDay(1));
                LocalDate b = min(end, min(month.plusMonths(1).atDay(1), w.to));
                long days = ChronoUnit.DAYS.between(a, b);
                if (days > 0) {
                    earned.merge(month, p.annualPremium().amount().multiply(BigDecimal.valueOf(days))
                            .divide(BigDecimal.valueOf(term), 2, RoundingMode.HALF_UP), BigDecimal::add);
                }
            }
        }
        BigDecimal earnedTotal = earned.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        kpis.add(new Kpi("premiumEarned", money(earnedTotal), Unit.YUAN, "/policies?status=ISSUED"));
        ClaimQueries.Metrics m = claims.metrics(scope, w.from, w.to);
        Money paid = m.byInsurer().stream().map(ClaimQueries.Ratio::claims).reduce(Money.ZERO, Money::plus);
        kpis.add(new Kpi("claimsPaid", paid.amount(), Unit.YUAN, "/claims?status=PAID"));
        Money reserved = claims.outstanding(scope);
        kpis.add(new Kpi("claimsReserved", reserved.amount(), Unit.YUAN, "/claims?queue=true"));
        kpis.add(new Kpi("lossRatio", earnedTotal.signum() == 0 ? BigDecimal.ZERO
                : paid.amount().divide(earnedTotal, 4, RoundingMode.HALF_UP), Unit.SHARE, "/claims/metrics"));
        kpis.add(new Kpi("stpRate", m.stpRate() == null ? BigDecimal.ZERO : m.stpRate(), Unit.SHARE, "/claims/metrics"));
        List<String> labels = w.labels();
        Map<YearMonth, BigDecimal> paidByMonth = claimsPaidByMonth(scope, w);
        charts.add(new Chart("premiumClaims", "bar", labels, labels, List.of(
                new Series("dashboard.series.written", "bar", w.months.stream().map(mo -> money(written.getOrDefault(mo, BigDecimal.ZERO))).toList()),
                new Series("dashboard.series.earned", "bar", w.months.stream().map(mo -> money(earned.getOrDefault(mo, BigDecimal.ZERO))).toList()),
                new Series("dashboard.series.claimsPaid", "line", w.months.stream().map(mo -> money(paidByMonth.getOrDefault(mo, BigDecimal.ZERO))).toList())),
                Unit.YUAN, "/billing"));
        // loss ratio by community: paid claims over the written premium of the policies they fell on
        Map<Long, String> names = elevators.communityNames(m.byCommunity().stream()
                .map(r -> Long.parseLong(r.key().substring("community:".length()))).toList());
        List<ClaimQueries.Ratio> byCommunity = m.byCommunity().stream().filter(r -> r.ratio() != null)
                .sorted((a, b) -> b.ratio().compareTo(a.ratio())).limit(15).toList();
        charts.add(new Chart("lossByCommunity", "bar",
                byCommunity.stream().map(r -> names.getOrDefault(id(r.key()), r.key())).toList(),
                byCommunity.stream().map(r -> String.valueOf(id(r.key()))).toList(),
                List.of(new Series("dashboard.series.lossRatio", "bar", byCommunity.stream().map(ClaimQueries.Ratio::ratio).toList())),
                Unit.SHARE, "/policies?community={category}"));
        lossBy("lossByBrand", m.byBrand(), "/elevators?brand={category}", charts);
        lossBy("lossByAge", m.byAgeBand().stream().sorted(java.util.Comparator.comparing(
                r -> AgeBand.fromCode(r.key().substring("age:".length())).ordinal())).toList(),
                "/elevators?ageBand={category}", charts);
        List<String> reasons = new ArrayList<>(m.referralReasons().keySet());
        charts.add(new Chart("referrals", "bar", reasons.stream().map(r -> "#claim.rule." + r).toList(), reasons,
                List.of(new Series("dashboard.series.claims", "bar",
                        reasons.stream().map(r -> BigDecimal.valueOf(m.referralReasons().get(r))).toList())),
                Unit.COUNT, "/claims?queue=true&rule={category}"));
        pensionFigures(List.of(pension.projection(scope, null).result()), kpis, charts, "/pension/projection", true);
        List<Row> overdue = billing.list(scope, InvoiceView.State.OVERDUE, null, 50).stream()
                .map(i -> new Row(List.of(i.number(), i.policyNumber(), i.dueOn().toString(), plain(i.outstanding().amount())),
                        "/invoices/" + i.id())).toList();
        tables.add(new Table("overduePremium", List.of("dashboard.col.invoice", "dashboard.col.policy",
                "dashboard.col.dueOn", "dashboard.col.outstanding"), overdue, "/billing?state=OVERDUE"));
    }

    /** Loss ratios by a fact of the elevator (brand, age band), as the claims metrics give them. */
    private static void lossBy(String name, List<ClaimQueries.Ratio> ratios, String link, List<Chart> charts) {
        List<ClaimQueries.Ratio> shown = ratios.stream().filter(r -> r.ratio() != null).toList();
        List<String> keys = shown.stream().map(r -> r.key().substring(r.key().indexOf(':') + 1)).toList();
        charts.add(new Chart(name, "bar", keys, keys, List.of(new Series("dashboard.series.lossRatio", "bar",
                shown.stream().map(ClaimQueries.Ratio::ratio).toList())), Unit.SHARE, link));
    }

    // ---- the use unit and the owners' committee -------------------------------------------------------------------

    private void community(Scope scope, Window w, List<Kpi> kpis, List<Chart> charts, List<Table> tables) {
        long open = incidents.list(scope, IncidentQueries.Filter.openOnly(), 0, 1).total();
        kpis.add(new Kpi("openIncidents", BigDecimal.valueOf(open), Unit.COUNT, "/incidents?open=true"));
        maintenanceFigures(scope, w, kpis, charts, "/elevators");
        incidentCounts(scope, w, charts);
        ClaimQueries.Metrics m = claims.metrics(scope, w.from, w.to);
        kpis.add(new Kpi("claims", BigDecimal.valueOf(m.submitted()), Unit.COUNT, "/claims"));
        Money paid = m.byInsurer().stream().map(ClaimQueries.Ratio::claims).reduce(Money.ZERO, Money::plus);
        kpis.add(new Kpi("claimsPaid", paid.amount(), Unit.YUAN, "/claims?status=PAID"));
        Money due = Money.ZERO;
        for (InvoiceView i : billing.list(scope, null, null, LIST_LIMIT)) {
            if (i.state() == InvoiceView.State.OPEN || i.state() == InvoiceView.State.OVERDUE) {
                due = due.plus(i.outstanding());
            }
        }
        kpis.add(new Kpi("premiumDue", due.amount(), Unit.YUAN, "/billing"));
        // the pension reserve and share of each elevator
        Map<Long, String[]> mine = new LinkedHashMap<>();
        elevators.forEachView(scope, ElevatorFilter.NONE, v -> mine.put(v.id().value(),
                new String[] {v.registrationCode(), v.community(), String.valueOf(v.communityId().value())}));
        Map<Long, Money> reserves = new HashMap<>();
        for (Books.AccountBalance a : books.accounts(time.today(), null, null, AccountPurpose.PENSION_RESERVE)) {
            AccountRef ref = a.account();
            if (ref.partyId() != null && mine.containsKey(ref.partyId())) {
                reserves.merge(ref.partyId(), a.balance(), Money::plus);
            }
        }
        Map<ElevatorId, Integer> years = cover.continuousYears(mine.keySet().stream().map(ElevatorId::new).toList(),
                time.today());
        var schedule = products.inForceOn(time.today()).pension();
        Money reserveTotal = reserves.values().stream().reduce(Money.ZERO, Money::plus);
        kpis.add(new Kpi("pensionReserve", reserveTotal.amount(), Unit.YUAN,
                "/pension/projection" + (communities(mine).size() == 1 ? "?community=" + communities(mine).get(0) : "")));
        List<Row> rows = new ArrayList<>();
        mine.forEach((id, v) -> {
            int y = years.getOrDefault(new ElevatorId(id), 0);
            rows.add(new Row(List.of(v[0], v[1], String.valueOf(y), percent(schedule.shareAfter(y)),
                    plain(reserves.getOrDefault(id, Money.ZERO).amount())), "/elevators/" + id));
        });
        tables.add(new Table("pensionByElevator", List.of("dashboard.col.elevator", "dashboard.col.community",
                "dashboard.col.insuredYears", "dashboard.col.share", "dashboard.col.reserve"), rows, "/pension/projection"));
        List<Projection.Result> results = new ArrayList<>();
        for (String community : communities(mine)) {
            try {
                results.add(pension.projection(scope, Long.valueOf(community)).result());
            }
            catch (NotFoundException noneInsured) {
                // a community without elevators in use has nothing to project
            }
        }
        pensionFigures(results, kpis, charts, "/pension/projection", false);
    }

    private static List<String> communities(Map<Long, String[]> mine) {
        return mine.values().stream().map(v -> v[2]).distinct().sorted().toList();
    }

    // ---- the maintenance company --------------------------------------------------------------------------------

    private void company(Scope scope, Window w, List<Kpi> kpis, List<Chart> charts, List<Table> tables) {
        LocalDate today = time.today();
        List<MaintenanceQueries.BoardRow> board = maintenance.board(scope);
        long todays = board.stream().filter(r -> r.planned() != null && today.equals(r.planned().plannedOn())).count();
        long dueToday = board.stream().filter(r -> r.nextDue() != null && !r.nextDue().isAfter(today)).count();
        kpis.add(new Kpi("visitsToday", BigDecimal.valueOf(todays), Unit.COUNT, "/maintenance/board"));
        kpis.add(new Kpi("dueByToday", BigDecimal.valueOf(dueToday), Unit.COUNT, "/maintenance/board"));
        List<IncidentRow> open = incidents.list(scope, IncidentQueries.Filter.openOnly(), 0, 200).items();
        kpis.add(new Kpi("openIncidents", BigDecimal.valueOf(open.size()), Unit.COUNT, "/incidents?open=true"));
        long atRisk = open.stream().filter(r -> r.risk() == ResponseClock.State.AT_RISK).count();
        long breached = open.stream().filter(r -> r.risk() == ResponseClock.State.BREACHED).count();
        kpis.add(new Kpi("atRisk", BigDecimal.valueOf(atRisk), Unit.COUNT, "/incidents?open=true"));
        kpis.add(new Kpi("breached", BigDecimal.valueOf(breached), Unit.COUNT, "/incidents?open=true&breached=true"));
        tables.add(new Table("openIncidents", List.of("dashboard.col.elevator", "dashboard.col.community",
                "dashboard.col.type", "dashboard.col.reportedAt", "dashboard.col.risk"),
                open.stream().map(r -> new Row(List.of(r.registrationCode(), r.community(),
                        "#enum.IncidentType." + r.type().name(),
                        r.reportedAt().atZone(LiftCareTime.ZONE).toLocalDateTime()
                                .truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' '),
                        "#dashboard.risk." + r.risk().name()), "/incidents/" + r.id())).toList(), "/incidents?open=true"));
        maintenanceFigures(scope, w, kpis, charts, "/maintenance/board");
        ClaimQueries.Payouts payouts = claims.payouts(scope, scope.orgId());
        kpis.add(new Kpi("payouts", payouts.total().amount(), Unit.YUAN, "/claims/payouts"));
        Map<YearMonth, BigDecimal> byMonth = claimsPaidByMonth(scope, w);
        List<String> labels = w.labels();
        charts.add(new Chart("payouts", "bar", labels, labels, List.of(new Series("dashboard.series.payouts", "bar",
                w.months.stream().map(mo -> money(byMonth.getOrDefault(mo, BigDecimal.ZERO))).toList())),
                Unit.YUAN, "/claims/payouts"));
        qualityOwnScore(scope, w, kpis, tables);
    }

    // ---- quality (the regulator's ranking, a company's own score) ------------------------------------------------

    /**
     * The quarter the quality figures are for: the latest closed quarter that ended within the window, else the
     * latest quarter begun before the window's end (the open one).
     */
    Optional<QualityQueries.PeriodRow> qualityQuarter(Window w) {
        List<QualityQueries.PeriodRow> quarters = quality.periods().stream()
                .filter(p -> p.period().contains("Q") && p.startsOn().isBefore(w.to)).toList();
        return quarters.stream().filter(p -> p.closed() && !p.endsOn().isAfter(w.to)).findFirst()
                .or(() -> quarters.stream().findFirst());
    }

    /** The companies per grade and the ranking (rank, company, score, grade), from quality's own ranking query. */
    private void qualityRanking(Scope scope, Window w, List<Chart> charts, List<Table> tables) {
        Optional<QualityQueries.PeriodRow> quarter = qualityQuarter(w);
        if (quarter.isEmpty()) {
            return;
        }
        String period = quarter.get().period();
        String link = "/quality?period=" + period;
        List<QualityQueries.ScoreRow> ranking = quality.scores(scope, period, QualityQueries.Level.COMPANY, LIST_LIMIT);
        List<String> grades = new ArrayList<>(standards.version(quarter.get().standardVersion())
                .map(s -> s.grades().stream().map(Standard.Threshold::grade).toList()).orElse(List.of()));
        ranking.stream().map(QualityQueries.ScoreRow::grade).distinct().sorted()
                .filter(g -> !grades.contains(g)).forEach(grades::add);
        Map<String, Long> perGrade = new HashMap<>();
        ranking.forEach(r -> perGrade.merge(r.grade(), 1L, Long::sum));
        charts.add(new Chart("qualityGrades", "bar", grades, grades, List.of(new Series("dashboard.series.companies", "bar",
                grades.stream().map(g -> BigDecimal.valueOf(perGrade.getOrDefault(g, 0L))).toList())), Unit.COUNT, link));
        tables.add(new Table("qualityRanking", List.of("dashboard.col.rank", "dashboard.col.company",
                "dashboard.col.score", "dashboard.col.grade", "dashboard.col.period"),
                ranking.stream().map(r -> new Row(List.of(String.valueOf(r.rank()),
                        r.name() == null ? String.valueOf(r.subjectId()) : r.name(), score(r.score()), r.grade(), period),
                        scorecard(r.subjectId(), period))).toList(), link));
    }

    /** A maintenance company's own score, grade and rank for the quarter, linking to its scorecard. */
    private void qualityOwnScore(Scope scope, Window w, List<Kpi> kpis, List<Table> tables) {
        Optional<QualityQueries.PeriodRow> quarter = qualityQuarter(w);
        if (quarter.isEmpty()) {
            return;
        }
        String period = quarter.get().period();
        String link = scorecard(scope.orgId(), period);
        Optional<QualityQueries.ScoreRow> own = quality.scores(scope, period, QualityQueries.Level.COMPANY, LIST_LIMIT)
                .stream().filter(r -> r.subjectId() == scope.orgId()).findFirst();
        own.ifPresent(r -> {
            kpis.add(new Kpi("qualityScore", new BigDecimal(score(r.score())), Unit.SCORE, link));
            kpis.add(new Kpi("qualityRank", BigDecimal.valueOf(r.rank()), Unit.COUNT, link));
        });
        tables.add(new Table("qualityScore", List.of("dashboard.col.period", "dashboard.col.score",
                "dashboard.col.grade", "dashboard.col.rank"),
                own.map(r -> List.of(new Row(List.of(period, score(r.score()), r.grade(), String.valueOf(r.rank())), link)))
                        .orElse(List.of()), "/quality?period=" + period));
    }

    static String scorecard(long company, String period) {
        return "/quality/companies/" + company + "/" + period;
    }

    /** A score as the quality pages write it: two decimals. */
    static String score(double score) {
        return BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    // ---- shared sections ----------------------------------------------------------------------------------------

    /** Overdue now (超期未保), the on-time rate of the last month and its trend. */
    private void maintenanceFigures(Scope scope, Window w, List<Kpi> kpis, List<Chart> charts, String link) {
        kpis.add(new Kpi("overdue", BigDecimal.valueOf(maintenance.overdue(scope).size()), Unit.COUNT, link));
        List<BigDecimal> rates = new ArrayList<>();
        BigDecimal last = BigDecimal.ONE;
        for (YearMonth month : w.months) {
            long due = 0;
            long onTime = 0;
            for (MaintenanceQueries.OnTimeRate r : maintenance.onTimeRate(scope, month)) {
                due += r.visits() + r.overdueAtEnd();
                onTime += r.onTime();
            }
            last = due == 0 ? BigDecimal.ONE : share(onTime, due);
            rates.add(last);
        }
        kpis.add(new Kpi("onTime", last, Unit.SHARE, link));
        List<String> labels = w.labels();
        charts.add(new Chart("onTime", "line", labels, labels,
                List.of(new Series("dashboard.series.onTime", "line", rates)), Unit.SHARE,
                link.equals("/maintenance/supervision") ? link + "?month={category}" : link));
    }

    /** Faults and entrapments per elevator-year by month, and the rescue: arrival mean, p90, share within limit. */
    private void incidentFigures(Scope scope, Window w, List<Kpi> kpis, List<Chart> charts) {
        List<BigDecimal> faultRates = new ArrayList<>();
        List<BigDecimal> entrapmentRates = new ArrayList<>();
        long faults = 0;
        long entrapments = 0;
        double elevatorYears = 0;
        IncidentMetrics.Metric rescue = null;
        for (YearMonth month : w.months) {
            IncidentMetrics.Metric m = total(incidentMetrics.month(scope, month, IncidentMetrics.By.DISTRICT));
            double years = m.elevators() * days(month, w) / 365.0;
            faultRates.add(rate(m.faults(), years));
            entrapmentRates.add(rate(m.entrapments(), years));
            faults += m.faults();
            entrapments += m.entrapments();
            elevatorYears += years;
            if (m.arrivals() > 0) {
                rescue = m;
            }
        }
        kpis.add(new Kpi("faultsPerElevatorYear", rate(faults, elevatorYears), Unit.RATE, "/incidents/metrics"));
        kpis.add(new Kpi("entrapmentsPerElevatorYear", rate(entrapments, elevatorYears), Unit.RATE, "/incidents/metrics"));
        kpis.add(new Kpi("arrivalMean", decimal(rescue == null ? null : rescue.meanArrivalMinutes()), Unit.MINUTES, "/incidents/metrics"));
        kpis.add(new Kpi("arrivalP90", decimal(rescue == null ? null : rescue.p90ArrivalMinutes()), Unit.MINUTES, "/incidents/metrics"));
        kpis.add(new Kpi("withinLimit", decimal(rescue == null ? null : rescue.arrivalsWithinLimitShare()), Unit.SHARE,
                "/incidents?breached=true"));
        List<String> labels = w.labels();
        charts.add(new Chart("incidentRates", "bar", labels, labels, List.of(
                new Series("dashboard.series.faults", "bar", faultRates),
                new Series("dashboard.series.entrapments", "bar", entrapmentRates)), Unit.RATE,
                "/incidents/metrics?month={category}"));
    }

    /** Faults and entrapments by month, as counts (a community's view). */
    private void incidentCounts(Scope scope, Window w, List<Chart> charts) {
        List<BigDecimal> faults = new ArrayList<>();
        List<BigDecimal> entrapments = new ArrayList<>();
        for (YearMonth month : w.months) {
            IncidentMetrics.Metric m = total(incidentMetrics.month(scope, month, IncidentMetrics.By.DISTRICT));
            faults.add(BigDecimal.valueOf(m.faults()));
            entrapments.add(BigDecimal.valueOf(m.entrapments()));
        }
        List<String> labels = w.labels();
        charts.add(new Chart("incidentCounts", "bar", labels, labels, List.of(
                new Series("dashboard.series.faults", "bar", faults),
                new Series("dashboard.series.entrapments", "bar", entrapments)), Unit.COUNT, "/incidents"));
    }

    /** The districts' metrics of a month added up; the rescue figures are weighted by arrivals. */
    private static IncidentMetrics.Metric total(List<IncidentMetrics.Metric> rows) {
        if (rows.size() == 1) {
            return rows.get(0);
        }
        long elevators = 0, faults = 0, entrapments = 0, arrivals = 0, breaches = 0;
        double mean = 0, p90 = 0, within = 0;
        for (IncidentMetrics.Metric m : rows) {
            elevators += m.elevators();
            faults += m.faults();
            entrapments += m.entrapments();
            breaches += m.breaches();
            if (m.arrivals() > 0) {
                arrivals += m.arrivals();
                mean += nz(m.meanArrivalMinutes()) * m.arrivals();
                p90 = Math.max(p90, nz(m.p90ArrivalMinutes()));
                within += nz(m.arrivalsWithinLimitShare()) * m.arrivals();
            }
        }
        return new IncidentMetrics.Metric(IncidentMetrics.By.DISTRICT, 0, "", elevators, faults, entrapments, 0, 0,
                arrivals, arrivals == 0 ? null : mean / arrivals, arrivals == 0 ? null : p90,
                arrivals == 0 ? null : within / arrivals, null, breaches);
    }

    private void claimsByMonth(Scope scope, Window w, List<Chart> charts, String link) {
        Map<YearMonth, BigDecimal> paid = claimsPaidByMonth(scope, w);
        List<String> labels = w.labels();
        charts.add(new Chart("claimsPaid", "bar", labels, labels, List.of(new Series("dashboard.series.claimsPaid", "bar",
                w.months.stream().map(mo -> money(paid.getOrDefault(mo, BigDecimal.ZERO))).toList())), Unit.YUAN, link));
    }

    /** Paid claims by the month they were submitted in (the metrics' own convention). */
    private Map<YearMonth, BigDecimal> claimsPaidByMonth(Scope scope, Window w) {
        Map<YearMonth, BigDecimal> paid = new HashMap<>();
        claims.paidByMonth(scope, w.from, w.to).forEach((month, amount) -> paid.put(month, amount.amount()));
        return paid;
    }

    /** The reserve against projected outlays: the opening reserve, the shortfall years, and the reserve year by year. */
    private void pensionFigures(List<Projection.Result> results, List<Kpi> kpis, List<Chart> charts, String link,
            boolean withReserve) {
        Money opening = Money.ZERO;
        Map<Integer, BigDecimal[]> years = new java.util.TreeMap<>();
        for (Projection.Result r : results) {
            opening = opening.plus(r.opening());
            for (Projection.Year y : r.years()) {
                BigDecimal[] sums = years.computeIfAbsent(y.year(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(y.reserve().amount());
                sums[1] = sums[1].add(y.outlays().amount());
            }
        }
        BigDecimal outlays = years.values().stream().map(s -> s[1]).reduce(BigDecimal.ZERO, BigDecimal::add);
        long shortfalls = years.values().stream().filter(s -> s[0].signum() < 0).count();
        if (withReserve) {
            kpis.add(new Kpi("reserve", opening.amount(), Unit.YUAN, link));
        }
        kpis.add(new Kpi("projectedOutlays", money(outlays), Unit.YUAN, link));
        kpis.add(new Kpi("shortfallYears", BigDecimal.valueOf(shortfalls), Unit.COUNT, link));
        List<String> labels = years.keySet().stream().map(String::valueOf).toList();
        charts.add(new Chart("pension", "bar", labels, labels, List.of(
                new Series("dashboard.series.reserve", "line", years.values().stream().map(s -> money(s[0])).toList()),
                new Series("dashboard.series.outlays", "bar", years.values().stream().map(s -> money(s[1])).toList())),
                Unit.YUAN, link));
    }

    // ---- arithmetic -----------------------------------------------------------------------------------------------

    static BigDecimal share(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal rate(long count, double elevatorYears) {
        return elevatorYears <= 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(count / elevatorYears).setScale(4, RoundingMode.HALF_UP);
    }

    private static long days(YearMonth month, Window w) {
        LocalDate end = min(month.plusMonths(1).atDay(1), w.to);
        return Math.max(0, ChronoUnit.DAYS.between(month.atDay(1), end));
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? BigDecimal.ZERO : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }

    private static BigDecimal money(BigDecimal yuan) {
        return yuan.setScale(2, RoundingMode.HALF_UP);
    }

    static String plain(BigDecimal yuan) {
        return yuan.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static long id(String key) {
        return Long.parseLong(key.substring(key.indexOf(':') + 1));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
