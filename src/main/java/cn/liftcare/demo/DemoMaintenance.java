package cn.liftcare.demo;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.NewUser;
import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserAccountView;
import cn.liftcare.identity.UserId;
import cn.liftcare.identity.UserManagement;
import cn.liftcare.maintenance.CheckInTokens;
import cn.liftcare.maintenance.ChecklistEntry;
import cn.liftcare.maintenance.ChecklistPlanner;
import cn.liftcare.maintenance.InspectionKind;
import cn.liftcare.maintenance.InspectionRecords;
import cn.liftcare.maintenance.InspectionResult;
import cn.liftcare.maintenance.InspectionRules;
import cn.liftcare.maintenance.ItemResult;
import cn.liftcare.maintenance.MaintenanceClass;
import cn.liftcare.maintenance.MaintenanceItem;
import cn.liftcare.maintenance.MaintenanceSchedule;
import cn.liftcare.maintenance.MaintenanceWork;
import cn.liftcare.maintenance.Photos;
import cn.liftcare.maintenance.VisitHistory;
import cn.liftcare.registry.ElevatorFilter;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorStatus;
import cn.liftcare.registry.ElevatorView;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.RegionCode;

/**
 * A year of maintenance in the demo district, through the maintenance module's own rules: every elevator
 * visited every 10 to 15 days with the class and items its history makes due, checked in with the car's
 * code, confirmed by its use unit; one company (北辰电梯) cutting corners, visibly; a few elevators overdue
 * now; each elevator's periodic inspections and self-tests, a few failed and rectified.
 */
@Component
class DemoMaintenance {

    static final String SEED = "maintenance-2025";
    static final String SLOPPY_COMPANY = "北辰电梯";
    private static final Logger log = LoggerFactory.getLogger(DemoMaintenance.class);

    private final ElevatorQueries elevators;
    private final cn.liftcare.maintenance.MaintenanceQueries queries;
    private final OrganizationDirectory organizations;
    private final UserManagement users;
    private final MaintenanceWork work;
    private final ChecklistPlanner planner;
    private final VisitHistory history;
    private final InspectionRecords inspections;
    private final Photos photos;
    private final CheckInTokens tokens;
    private final LiftCareTime time;
    private final DemoSeeds seeds;

    DemoMaintenance(ElevatorQueries elevators, OrganizationDirectory organizations, UserManagement users,
            MaintenanceWork work, ChecklistPlanner planner, VisitHistory history, InspectionRecords inspections,
            Photos photos, CheckInTokens tokens, LiftCareTime time, DemoSeeds seeds,
            cn.liftcare.maintenance.MaintenanceQueries queries) {
        this.queries = queries;
        this.elevators = elevators;
        this.organizations = organizations;
        this.users = users;
        this.work = work;
        this.planner = planner;
        this.history = history;
        this.inspections = inspections;
        this.photos = photos;
        this.tokens = tokens;
        this.time = time;
        this.seeds = seeds;
    }

    @Transactional
    boolean seedOnce() {
        return seeds.runOnce(SEED, DemoDistrict.SEED, this::seed);
    }

    private void seed() {
        SplittableRandom random = new SplittableRandom(2025);
        LocalDate today = time.today();
        Map<OrganizationId, List<UserId>> crews = crews(random, today);
        Map<OrganizationId, UserId> safetyManagers = safetyManagers();
        Map<OrganizationId, Long> companyPhoto = new HashMap<>();
        crews.forEach((company, crew) -> companyPhoto.put(company, photos.upload(fieldScope(company, crew.get(0)),
                photo(new Color(40 + random.nextInt(180), 90, 160)))));
        OrganizationId sloppy = organizations.ofType(Scope.SYSTEM, OrganizationType.MAINTENANCE_COMPANY).stream()
                .filter(o -> SLOPPY_COMPANY.equals(o.shortName())).findFirst().map(OrganizationView::id).orElse(null);
        OrganizationView inspectionBody = organizations.ofType(Scope.SYSTEM, OrganizationType.INSPECTION_BODY).get(0);

        List<ElevatorView> all = new ArrayList<>();
        elevators.forEachView(Scope.SYSTEM, ElevatorFilter.NONE, all::add);
        Map<String, List<Planned>> byMaintainerDay = new LinkedHashMap<>();
        for (ElevatorView elevator : all) {
            if (elevator.maintenanceCompanyId() == null || !crews.containsKey(elevator.maintenanceCompanyId())) {
                continue;
            }
            List<UserId> crew = crews.get(elevator.maintenanceCompanyId());
            UserId maintainer = crew.get((int) (elevator.id().value() % crew.size()));
            for (Planned p : year(elevator, maintainer, Objects.equals(elevator.maintenanceCompanyId(), sloppy), random, today)) {
                byMaintainerDay.computeIfAbsent(maintainer.value() + "/" + p.day, k -> new ArrayList<>()).add(p);
            }
        }
        List<VisitHistory.PastVisit> past = new ArrayList<>();
        for (List<Planned> day : byMaintainerDay.values()) {
            Instant cursor = day.get(0).day.atTime(LocalTime.of(8, 30)).atZone(LiftCareTime.ZONE).toInstant();
            for (Planned p : day) {
                past.add(p.toPastVisit(cursor, random, tokens, companyPhoto.get(p.elevator.maintenanceCompanyId()),
                        safetyManagers.get(p.elevator.useUnitId()), today));
                // the next elevator after this one and the walk there; a corner-cutter's records may overlap
                Duration took = Duration.between(past.get(past.size() - 1).startedAt(), past.get(past.size() - 1).finishedAt());
                cursor = cursor.plus(took).plus(Duration.ofMinutes(p.sloppy && random.nextInt(6) == 0 ? -20 : 10 + random.nextInt(25)));
            }
        }
        int imported = history.importAll(past);
        int inspected = inspectionHistory(all, inspectionBody.id(), random, today);
        int planned = planComingVisits(crews, today);
        log.info("Demo maintenance seeded: {} visits, {} elevators' inspections, {} visits planned", imported, inspected,
                planned);
    }

    /** Each company plans the visits falling due in the next two days, for its crew. */
    private int planComingVisits(Map<OrganizationId, List<UserId>> crews, LocalDate today) {
        int planned = 0;
        for (Map.Entry<OrganizationId, List<UserId>> crew : crews.entrySet()) {
            Scope manager = new Scope(new UserId(0), "system", crew.getKey(), OrganizationType.MAINTENANCE_COMPANY,
                    new RegionCode("330105"), Set.of(Role.MAINTENANCE_MANAGER));
            for (var row : queries.board(manager)) {
                if (row.planned() == null && !row.nextDue().isAfter(today.plusDays(2))) {
                    List<UserId> members = crew.getValue();
                    UserId maintainer = members.get((int) (row.elevator().elevatorId().value() % members.size()));
                    LocalDate on = row.nextDue().isBefore(today) ? today : row.nextDue();
                    work.plan(manager, row.elevator().elevatorId(), on, maintainer);
                    planned++;
                }
            }
        }
        return planned;
    }

    /** An elevator's year of visits: class and items from its own history, day by day. */
    private List<Planned> year(ElevatorView elevator, UserId maintainer, boolean sloppy, SplittableRandom random,
            LocalDate today) {
        List<Planned> visits = new ArrayList<>();
        Map<MaintenanceClass, LocalDate> last = new EnumMap<>(MaintenanceClass.class);
        Map<String, LocalDate> lastDone = new HashMap<>();
        LocalDate start = today.minusDays(365);
        LocalDate end = today.minusDays(1);
        if (elevator.status() != ElevatorStatus.IN_SERVICE) {
            end = today.minusDays(60 + random.nextInt(60));
        }
        else if (random.nextInt(70) == 0) {
            end = today.minusDays(17 + random.nextInt(25)); // overdue now (超期未保)
        }
        LocalDate from = elevator.commissioningDate().isAfter(start) ? elevator.commissioningDate() : start;
        LocalDate day = from.plusDays(random.nextInt(12));
        while (!day.isAfter(end)) {
            MaintenanceClass visitClass = new MaintenanceSchedule(last, from, 15).classFor(day);
            List<MaintenanceItem> due = planner.dueItems(elevator.type().annex(), visitClass, day,
                    elevator.commissioningDate(), lastDone);
            visits.add(new Planned(elevator, maintainer, visitClass, day, due, sloppy));
            for (MaintenanceClass c : MaintenanceClass.values()) {
                if (visitClass.covers(c)) {
                    last.put(c, day);
                }
            }
            LocalDate done = day;
            due.forEach(i -> lastDone.put(i.code(), done));
            day = day.plusDays(sloppy ? 12 + random.nextInt(10) : 10 + random.nextInt(6));
        }
        return visits;
    }

    private record Planned(ElevatorView elevator, UserId maintainer, MaintenanceClass visitClass, LocalDate day,
            List<MaintenanceItem> due, boolean sloppy) {

        VisitHistory.PastVisit toPastVisit(Instant start, SplittableRandom random, CheckInTokens tokens, Long photo,
                UserId safetyManager, LocalDate today) {
            int minimum = visitClass.defaultMinimumMinutes();
            double factor = sloppy && random.nextInt(10) < 6 ? 0.3 + random.nextDouble() * 0.6 : 1.0 + random.nextDouble() * 0.6;
            Instant finish = start.plusSeconds((long) (minimum * 60 * factor));
            boolean checkedIn = !(sloppy ? random.nextInt(10) < 3 : random.nextInt(60) == 0);
            Instant checkInAt = checkedIn ? start.minusSeconds(60 + random.nextInt(240)) : null;
            String token = checkedIn ? tokens.issuedAt(elevator.id(), checkInAt) : null;
            List<ChecklistEntry> entries = new ArrayList<>();
            boolean lazy = sloppy && factor < 0.6;
            for (MaintenanceItem item : due) {
                ItemResult result = lazy ? ItemResult.NORMAL : result(random);
                BigDecimal value = item.isNumeric() ? measure(item, random) : null;
                String note = result == ItemResult.ABNORMAL ? item.item() + "：" + item.requirement() + "，现场不符合，需维修" : null;
                entries.add(new ChecklistEntry(item.code(), result, value, note, item.isTest() ? photo : null));
            }
            boolean recent = !day.isBefore(today.minusDays(3));
            boolean selfConfirmed = sloppy && random.nextInt(5) == 0;
            Instant confirmedAt = recent || safetyManager == null ? null : finish.plus(Duration.ofHours(2 + random.nextInt(48)));
            return new VisitHistory.PastVisit(elevator.id(), elevator.maintenanceCompanyId(), elevator.communityId(),
                    maintainer, visitClass, day, due.stream().map(MaintenanceItem::code).toList(), checkInAt,
                    token == null ? null : CheckInTokens.hash(token), checkedIn, start, finish, entries, confirmedAt,
                    confirmedAt == null ? null : selfConfirmed ? maintainer : safetyManager,
                    confirmedAt == null ? null : selfConfirmed ? OrganizationType.MAINTENANCE_COMPANY.name()
                            : OrganizationType.USE_UNIT.name());
        }

        private static ItemResult result(SplittableRandom random) {
            int roll = random.nextInt(1000);
            if (roll < 1) {
                return ItemResult.ABNORMAL;
            }
            if (roll < 45) {
                return ItemResult.ADJUSTED;
            }
            if (roll < 95) {
                return ItemResult.CLEANED_LUBRICATED;
            }
            return ItemResult.NORMAL;
        }

        private static BigDecimal measure(MaintenanceItem item, SplittableRandom random) {
            BigDecimal min = item.valueMin() == null ? BigDecimal.ZERO : item.valueMin();
            BigDecimal max = item.valueMax() == null ? min.add(BigDecimal.valueOf(5)) : item.valueMax();
            if (random.nextInt(400) == 0) {
                return min.subtract(new BigDecimal("0.5")).max(BigDecimal.ZERO); // out of limit: becomes abnormal
            }
            double span = max.subtract(min).doubleValue();
            return min.add(BigDecimal.valueOf(span * (0.2 + 0.6 * random.nextDouble()))).setScale(1, java.math.RoundingMode.HALF_UP);
        }
    }

    /** Two certified maintainers per company (the demo's maintainer and maintainer2 among them); one certificate expired. */
    private Map<OrganizationId, List<UserId>> crews(SplittableRandom random, LocalDate today) {
        Map<OrganizationId, List<UserId>> crews = new LinkedHashMap<>();
        List<OrganizationView> companies = organizations.ofType(Scope.SYSTEM, OrganizationType.MAINTENANCE_COMPANY);
        String[] surnames = {"张", "王", "李", "赵", "钱", "孙", "周", "吴", "郑", "冯", "陈", "褚", "卫", "蒋", "沈", "韩"};
        int n = 0;
        for (OrganizationView company : companies) {
            if (company.licenceNo() == null || !company.licenceNo().startsWith("TS3433")) {
                continue;
            }
            List<UserId> crew = new ArrayList<>();
            for (String existing : List.of("maintainer", "maintainer2")) {
                users.byUsername(existing).filter(u -> u.organizationId().equals(company.id()))
                        .ifPresent(u -> crew.add(u.id()));
            }
            while (crew.size() < 2) {
                n++;
                UserAccountView user = users.open(new NewUser(company.id(), "wb%02d".formatted(n),
                        surnames[n % surnames.length] + "师傅（" + company.shortName() + "）", DemoDistrict.PASSWORD, null,
                        Set.of(Role.MAINTAINER)));
                crew.add(user.id());
            }
            for (UserId member : crew) {
                LocalDate expires = today.plusYears(1 + random.nextInt(3));
                work.certify(Scope.SYSTEM, member, "T%s%06d".formatted(company.regionCode(), 100_000 + random.nextInt(900_000)),
                        expires);
            }
            crews.put(company.id(), crew);
        }
        return crews;
    }

    /** A safety manager (安全管理员) for every use unit, who confirms its records; 小河佳苑's is the demo 'property'. */
    private Map<OrganizationId, UserId> safetyManagers() {
        Map<OrganizationId, UserId> managers = new HashMap<>();
        users.byUsername("property").ifPresent(u -> managers.put(u.organizationId(), u.id()));
        int n = 0;
        for (OrganizationView useUnit : organizations.ofType(Scope.SYSTEM, OrganizationType.USE_UNIT)) {
            if (managers.containsKey(useUnit.id())) {
                continue;
            }
            n++;
            UserAccountView user = users.open(new NewUser(useUnit.id(), "aq%02d".formatted(n),
                    "安全管理员（" + useUnit.displayName() + "）", DemoDistrict.PASSWORD, null, Set.of(Role.SAFETY_MANAGER)));
            managers.put(useUnit.id(), user.id());
        }
        return managers;
    }

    /** Each elevator's last periodic inspection or self-test as the registry dates it; a few failed, then rectified. */
    private int inspectionHistory(List<ElevatorView> all, OrganizationId body, SplittableRandom random, LocalDate today) {
        int count = 0;
        for (ElevatorView elevator : all) {
            LocalDate last = elevator.lastInspectionDate();
            if (last == null) {
                continue;
            }
            InspectionKind kind = InspectionRules.kindDue(elevator.commissioningDate(), last);
            List<InspectionRecords.PastInspection> past = new ArrayList<>();
            int roll = random.nextInt(100);
            if (roll < 3 && last.isAfter(elevator.commissioningDate().plusDays(40))) {
                past.add(new InspectionRecords.PastInspection(kind, last.minusDays(21), InspectionResult.FAIL, body,
                        "门锁啮合长度不足，制动器闸瓦磨损超限"));
                past.add(new InspectionRecords.PastInspection(kind, last, InspectionResult.PASS_AFTER_RECTIFICATION, body,
                        "已更换闸瓦并调整门锁，复检合格"));
            }
            else if (roll < 4 && elevator.status() == ElevatorStatus.IN_SERVICE && last.isAfter(today.minusDays(25))) {
                past.add(new InspectionRecords.PastInspection(kind, last, InspectionResult.FAIL, body,
                        "曳引绳断丝超标，安全钳动作不可靠"));
            }
            else {
                past.add(new InspectionRecords.PastInspection(kind, last, InspectionResult.PASS, body, null));
            }
            inspections.importHistory(elevator.id(), past);
            count++;
        }
        return count;
    }

    private static Scope fieldScope(OrganizationId company, UserId maintainer) {
        return new Scope(maintainer, "demo", company, OrganizationType.MAINTENANCE_COMPANY, new RegionCode("330105"),
                Set.of(Role.MAINTAINER));
    }

    static byte[] photo(Color color) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.fillRect(8, 8, 20, 32);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
