package cn.liftcare.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.demo.DemoCatalogue.Brand;
import cn.liftcare.demo.DemoCatalogue.Company;
import cn.liftcare.demo.DemoCatalogue.Kind;
import cn.liftcare.demo.DemoCatalogue.Site;
import cn.liftcare.identity.CreditCode;
import cn.liftcare.identity.NewUser;
import cn.liftcare.identity.OrganizationDetails;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationManagement;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserManagement;
import cn.liftcare.registry.Community.CommunityView;
import cn.liftcare.registry.District.DistrictView;
import cn.liftcare.registry.ElevatorDetails;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.ElevatorStatus;
import cn.liftcare.registry.ElevatorType;
import cn.liftcare.registry.LocationManagement;
import cn.liftcare.registry.UseCategory;
import cn.liftcare.shared.LiftCareTime;

/**
 * Generates 拱墅区 from a fixed seed: the parties of the model, 17 communities and about 1,000 elevators.
 * Dates are relative to today, so ages stay true whenever the demo starts.
 */
@Component
class DemoDistrict {

    static final String SEED = "district-2017";
    static final String PASSWORD = "liftcare";
    static final String DISTRICT_CODE = "330105";
    private static final Logger log = LoggerFactory.getLogger(DemoDistrict.class);

    private final OrganizationManagement organizations;
    private final UserManagement users;
    private final LocationManagement locations;
    private final ElevatorRegistry registry;
    private final LiftCareTime time;
    private final DemoSeeds seeds;

    DemoDistrict(OrganizationManagement organizations, UserManagement users, LocationManagement locations,
            ElevatorRegistry registry, LiftCareTime time, DemoSeeds seeds) {
        this.seeds = seeds;
        this.organizations = organizations;
        this.users = users;
        this.locations = locations;
        this.registry = registry;
        this.time = time;
    }

    /** Seeds the district unless it was seeded before; all of it in one transaction, or none. */
    @Transactional
    boolean seedOnce() {
        return seeds.runOnce(SEED, null, this::seed);
    }

    private void seed() {
        SplittableRandom random = new SplittableRandom(2017);
        LocalDate today = time.today();
        CreditCodes codes = new CreditCodes(random);

        OrganizationView platform = org(OrganizationType.PLATFORM, "LiftCare 平台运营", "LiftCare", null, null, "330100",
                "0571-96333");
        OrganizationView regulator = org(OrganizationType.REGULATOR, "杭州市拱墅区市场监督管理局", "拱墅区市场监管局",
                codes.next("11", DISTRICT_CODE), null, DISTRICT_CODE, "0571-88259231");
        OrganizationView zheshang = org(OrganizationType.INSURER, "浙商财产保险股份有限公司杭州中心支公司", "浙商财险",
                codes.next("91", "330100"), null, "330100", "0571-95344");
        org(OrganizationType.INSURER, "中国人民财产保险股份有限公司杭州市分公司", "人保财险", codes.next("91", "330100"),
                null, "330100", "0571-95518");
        OrganizationView supervisor = org(OrganizationType.SUPERVISOR, "杭州杭钢特种设备技术服务有限公司", "杭钢技术监督",
                codes.next("91", "330100"), null, "330100", "0571-88132100");
        OrganizationView inspection = org(OrganizationType.INSPECTION_BODY, "杭州市特种设备检测研究院", "杭州特检院",
                codes.next("12", "330100"), null, "330100", "0571-86928900");
        List<OrganizationView> companies = new ArrayList<>();
        for (Company c : DemoCatalogue.COMPANIES) {
            companies.add(org(OrganizationType.MAINTENANCE_COMPANY, c.name(), c.shortName(),
                    codes.next("91", DISTRICT_CODE), c.licence(), DISTRICT_CODE,
                    "0571-8" + (1000000 + random.nextInt(8999999))));
        }

        DistrictView district = locations.ensureDistrict(DISTRICT_CODE, "拱墅区", "杭州市", true);
        Map<String, CommunityView> communities = new LinkedHashMap<>();
        Map<String, OrganizationView[]> parties = new LinkedHashMap<>();
        Serials serials = new Serials();
        int total = 0;
        for (Site site : DemoCatalogue.SITES) {
            OrganizationView useUnit = org(OrganizationType.USE_UNIT, "杭州" + site.name() + "物业管理有限公司",
                    site.name() + "物业", codes.next("91", DISTRICT_CODE), null, DISTRICT_CODE,
                    "0571-8" + (1000000 + random.nextInt(8999999)));
            OrganizationView owners = org(OrganizationType.OWNERS_COMMITTEE, site.name() + "业主委员会",
                    site.name() + "业委会", codes.next("Y1", DISTRICT_CODE), null, DISTRICT_CODE, null);
            CommunityView community = locations.registerCommunity(district.id(), site.street(), site.name(),
                    "杭州市拱墅区" + site.street() + site.name(), site.builtYear(), useUnit.id(), owners.id());
            communities.put(site.name(), community);
            parties.put(site.name(), new OrganizationView[] {useUnit, owners});
            List<ElevatorDetails> elevators = elevatorsOf(site, community, companies, random, serials, today);
            registry.registerAll(Scope.SYSTEM, elevators);
            total += elevators.size();
        }

        OrganizationView xiaoheUseUnit = parties.get(DemoCatalogue.XIAOHE)[0];
        OrganizationView xiaoheOwners = parties.get(DemoCatalogue.XIAOHE)[1];
        OrganizationView xiaoheCompany = companies.get(0);
        user(platform, "admin", "平台管理员", Role.ADMIN);
        user(regulator, "regulator", "王监管", Role.REGULATOR);
        user(regulator, "callcentre", "96333 坐席", Role.CALL_CENTRE);
        user(zheshang, "insurer", "李核保", Role.UNDERWRITER, Role.ADJUSTER);
        user(supervisor, "supervisor", "赵工（技术监督）", Role.SUPERVISOR);
        user(inspection, "inspector", "孙检验员", Role.INSPECTOR);
        user(xiaoheCompany, "maintainer", "陈师傅", Role.MAINTAINER);
        user(xiaoheCompany, "mcmanager", "周经理", Role.MAINTENANCE_MANAGER);
        user(companies.get(1), "maintainer2", "刘师傅", Role.MAINTAINER);
        user(xiaoheUseUnit, "property", "吴物业", Role.PROPERTY_MANAGER, Role.SAFETY_MANAGER);
        user(xiaoheOwners, "owners", "郑主任（业委会）", Role.OWNERS_REP);
        log.info("Demo district seeded: {} communities, {} elevators", communities.size(), total);
    }

    private List<ElevatorDetails> elevatorsOf(Site site, CommunityView community, List<OrganizationView> companies,
            SplittableRandom random, Serials serials, LocalDate today) {
        boolean xiaohe = site.name().equals(DemoCatalogue.XIAOHE);
        List<Brand> brands = pick(DemoCatalogue.BRANDS, xiaohe ? 8 : 2 + random.nextInt(3), random);
        List<OrganizationView> maintainers = xiaohe ? companies.subList(0, 5)
                : pick(companies, 1 + random.nextInt(3), random);
        int perUnit = site.kind() == Kind.RETROFIT ? 1 : 2;
        int unitsPerBuilding = site.kind() == Kind.RESIDENTIAL ? 2 : 3;
        List<ElevatorDetails> result = new ArrayList<>();
        for (int i = 0; i < site.elevators(); i++) {
            int slot = i / perUnit;
            int buildingNo = slot / unitsPerBuilding + 1;
            int unitNo = slot % unitsPerBuilding + 1;
            int brandIndex = (buildingNo - 1) % brands.size();
            Brand brand = brands.get(brandIndex);
            OrganizationView maintainer = maintainers.get(brandIndex % maintainers.size());
            ElevatorType type = site.kind() == Kind.COMMERCIAL && i < 24 ? ElevatorType.ESCALATOR : ElevatorType.TRACTION;
            LocalDate commissioned = commissioning(site, random, today, xiaohe);
            LocalDate manufactured = commissioned.minusDays(60 + random.nextInt(180));
            result.add(new ElevatorDetails(serials.registrationCode(type, commissioned.getYear()),
                    serials.emergencyCode(), type, brand.name(), brand.model(), manufactured, commissioned,
                    type == ElevatorType.ESCALATOR ? 2 : site.floors() + random.nextInt(2), load(site, type, random),
                    speed(site, type, random), site.kind() == Kind.COMMERCIAL ? UseCategory.SHOPPING : UseCategory.RESIDENTIAL,
                    community.id(), type == ElevatorType.ESCALATOR ? "商场" : buildingNo + "幢",
                    type == ElevatorType.ESCALATOR ? "扶梯区" : unitNo + "单元", null, maintainer.id(),
                    status(commissioned, today, random, xiaohe), null, null));
        }
        return withInspections(result, random, today);
    }

    private static LocalDate commissioning(Site site, SplittableRandom random, LocalDate today, boolean xiaohe) {
        if (site.kind() == Kind.RETROFIT) {
            return LocalDate.of(2018 + random.nextInt(7), 1 + random.nextInt(12), 1 + random.nextInt(28));
        }
        LocalDate original = LocalDate.of(site.builtYear(), 3 + random.nextInt(10), 1 + random.nextInt(28));
        boolean old = original.isBefore(today.minusYears(15));
        // about one in twelve elevators of an old estate has already been renewed (整梯更新)
        if (!xiaohe && old && random.nextInt(12) == 0) {
            return today.minusDays(200 + random.nextInt(5 * 365));
        }
        return original.isAfter(today) ? today.minusDays(30) : original;
    }

    private static Integer load(Site site, ElevatorType type, SplittableRandom random) {
        if (type == ElevatorType.ESCALATOR) {
            return null;
        }
        int[] choices = switch (site.kind()) {
            case RETROFIT -> new int[] {450, 630};
            case COMMERCIAL -> new int[] {1350, 1600};
            case RESIDENTIAL -> new int[] {800, 1000, 1050};
        };
        return choices[random.nextInt(choices.length)];
    }

    private static BigDecimal speed(Site site, ElevatorType type, SplittableRandom random) {
        if (type == ElevatorType.ESCALATOR) {
            return new BigDecimal("0.50");
        }
        String[] choices = site.floors() <= 12 ? new String[] {"1.00", "1.50"}
                : site.floors() <= 20 ? new String[] {"1.75", "2.00"} : new String[] {"2.00", "2.50"};
        return new BigDecimal(choices[random.nextInt(choices.length)]);
    }

    /** A few elevators out of use; none scrapped in 小河佳苑, whose 94 the reports show all insured. */
    private static ElevatorStatus status(LocalDate commissioned, LocalDate today, SplittableRandom random,
            boolean xiaohe) {
        int roll = random.nextInt(1000);
        if (!xiaohe && commissioned.isBefore(today.minusYears(20)) && roll < 4) {
            return ElevatorStatus.SCRAPPED;
        }
        return roll < 12 ? ElevatorStatus.SUSPENDED : ElevatorStatus.IN_SERVICE;
    }

    /** The last periodic inspection within the past year, a few overdue; next due a year after it. */
    private static List<ElevatorDetails> withInspections(List<ElevatorDetails> list, SplittableRandom random,
            LocalDate today) {
        List<ElevatorDetails> result = new ArrayList<>(list.size());
        for (ElevatorDetails d : list) {
            LocalDate last = random.nextInt(100) < 2 ? today.minusDays(366 + random.nextInt(60))
                    : today.minusDays(5 + random.nextInt(355));
            if (last.isBefore(d.commissioningDate())) {
                last = d.commissioningDate();
            }
            result.add(new ElevatorDetails(d.registrationCode(), d.emergencyCode(), d.type(), d.brand(), d.model(),
                    d.manufactureDate(), d.commissioningDate(), d.stops(), d.ratedLoadKg(), d.ratedSpeed(),
                    d.useCategory(), d.communityId(), d.building(), d.unit(), d.useUnitId(), d.maintenanceCompanyId(),
                    d.status(), last, last.plusYears(1)));
        }
        return result;
    }

    private static <T> List<T> pick(List<T> from, int count, SplittableRandom random) {
        List<T> pool = new ArrayList<>(from);
        List<T> picked = new ArrayList<>();
        for (int i = 0; i < count && !pool.isEmpty(); i++) {
            picked.add(pool.remove(random.nextInt(pool.size())));
        }
        return picked;
    }

    private OrganizationView org(OrganizationType type, String name, String shortName, String creditCode,
            String licence, String region, String phone) {
        return organizations.register(new OrganizationDetails(type, name, shortName, creditCode, licence, region, phone,
                "杭州市" + (region.equals(DISTRICT_CODE) ? "拱墅区" : "")));
    }

    private void user(OrganizationView org, String username, String displayName, Role... roles) {
        users.open(new NewUser(org.id(), username, displayName, PASSWORD, null, Set.copyOf(EnumSet.of(roles[0], roles))));
    }

    /** Credit codes with a correct GB 32100 check character, deterministic from the seed. */
    private static final class CreditCodes {
        private static final String BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        private final SplittableRandom random;

        CreditCodes(SplittableRandom random) {
            this.random = random;
        }

        String next(String authorityAndCategory, String region) {
            StringBuilder code = new StringBuilder(authorityAndCategory).append(region).append("MA2");
            for (int i = 0; i < 6; i++) {
                code.append(BODY.charAt(random.nextInt(BODY.length())));
            }
            return code.append(CreditCode.checkCharacter(code.toString())).toString();
        }
    }

    /** 20-digit registration codes (category, division, year, serial) and 5-digit 96333 codes. */
    private static final class Serials {
        private int registration = 1;
        private int emergency = 31001;

        String registrationCode(ElevatorType type, int year) {
            String category = type == ElevatorType.ESCALATOR ? "3310" : "3110";
            return category + DISTRICT_CODE + year + String.format("%06d", registration++);
        }

        String emergencyCode() {
            return String.valueOf(emergency++);
        }
    }
}
