package cn.liftcare.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserDirectory;
import cn.liftcare.incidents.Channel;
import cn.liftcare.incidents.IncidentHistory;
import cn.liftcare.incidents.Parts;
import cn.liftcare.incidents.PastIncident;
import cn.liftcare.incidents.PastIncident.Actor;
import cn.liftcare.incidents.PastIncident.PastStep;
import cn.liftcare.incidents.Step;
import cn.liftcare.incidents.Symptom;
import cn.liftcare.registry.ElevatorFilter;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorStatus;
import cn.liftcare.registry.ElevatorType;
import cn.liftcare.registry.ElevatorView;
import cn.liftcare.shared.LiftCareTime;

/**
 * A year of faults and entrapments in the demo district, imported through the incidents module's history
 * API like a 96333 platform's work orders: about 0.9 faults and 0.08 entrapments per elevator-year, more
 * on older elevators; repairs with catalogue parts for about 40%; 北辰电梯 slower to respond. A few
 * incidents are open now, in various states, so the boards are live.
 */
@Component
class DemoIncidents {

    static final String SEED = "incidents-2025";
    private static final double FAULTS_PER_ELEVATOR_YEAR = 0.9;
    private static final Duration YEAR = Duration.ofDays(365);
    private static final Logger log = LoggerFactory.getLogger(DemoIncidents.class);

    private final ElevatorQueries elevators;
    private final OrganizationDirectory organizations;
    private final UserDirectory users;
    private final Parts parts;
    private final IncidentHistory history;
    private final LiftCareTime time;
    private final DemoSeeds seeds;
    private final cn.liftcare.maintenance.Photos photos;

    DemoIncidents(ElevatorQueries elevators, OrganizationDirectory organizations, UserDirectory users, Parts parts,
            IncidentHistory history, LiftCareTime time, DemoSeeds seeds, cn.liftcare.maintenance.Photos photos) {
        this.photos = photos;
        this.elevators = elevators;
        this.organizations = organizations;
        this.users = users;
        this.parts = parts;
        this.history = history;
        this.time = time;
        this.seeds = seeds;
    }

    @Transactional
    boolean seedOnce() {
        return seeds.runOnce(SEED, DemoMaintenance.SEED, this::seed);
    }

    private void seed() {
        Random random = new Random(96333);
        Instant now = time.now();
        IncidentYear.People people = people();
        List<ElevatorView> all = new ArrayList<>();
        elevators.forEachView(Scope.SYSTEM, ElevatorFilter.NONE, e -> {
            if (e.maintenanceCompanyId() != null && people.crews().containsKey(e.maintenanceCompanyId())) {
                all.add(e);
            }
        });
        all.sort(Comparator.comparing(e -> e.id().value()));
        List<PastIncident> openNow = openNow(all, people, now);
        Set<Long> busyNow = new HashSet<>(openNow.stream().map(p -> p.elevatorId().value()).toList());
        double weighted = 0;
        double years = 0;
        for (ElevatorView e : all) {
            weighted += weight(e) * exposure(e, now);
            years += exposure(e, now);
        }
        double base = FAULTS_PER_ELEVATOR_YEAR / (weighted / years);
        IncidentYear year = new IncidentYear(random, people, new DemoRepairs(parts.search(null, null, null), random));
        List<PastIncident> past = new ArrayList<>();
        for (ElevatorView e : all) {
            double exposure = exposure(e, now);
            if (exposure > 0) {
                Instant settledBy = now.minus(busyNow.contains(e.id().value()) ? Duration.ofDays(2) : Duration.ofHours(1));
                past.addAll(year.of(e, from(e, now), to(e, now), base * weight(e) * exposure, settledBy));
            }
        }
        past.addAll(openNow);
        past = withPhotos(past, random);
        history.importAll(past);
        log.info("Demo incidents seeded: {} incidents ({} open now), {} repair orders", past.size(), openNow.size(),
                past.stream().filter(p -> p.repair() != null).count());
    }

    /**
     * Before and after photos, uploaded by the company that did the repair: most repairs have both, a few lack
     * the after photo and a few have none, as field records do.
     */
    private List<PastIncident> withPhotos(List<PastIncident> past, java.util.Random random) {
        Map<Long, cn.liftcare.identity.OrganizationId> companyOf = new java.util.HashMap<>();
        users.list(cn.liftcare.identity.Scope.SYSTEM).forEach(u -> companyOf.put(u.id().value(), u.organizationId()));
        List<PastIncident> result = new ArrayList<>();
        for (PastIncident p : past) {
            PastIncident.PastRepair r = p.repair();
            cn.liftcare.identity.OrganizationId company = r == null || r.completedAt() == null ? null
                    : companyOf.get(r.completedBy().value());
            int roll = random.nextInt(100);
            if (company == null || roll >= 96) {
                result.add(p);
                continue;
            }
            cn.liftcare.identity.Scope field = new cn.liftcare.identity.Scope(r.completedBy(), "demo", company,
                    cn.liftcare.identity.OrganizationType.MAINTENANCE_COMPANY, new cn.liftcare.shared.RegionCode("330105"),
                    Set.of(cn.liftcare.identity.Role.MAINTAINER));
            Long before = photos.upload(field, DemoMaintenance.photo(java.awt.Color.DARK_GRAY));
            Long after = roll < 90 ? photos.upload(field, DemoMaintenance.photo(new java.awt.Color(40, 120, 70))) : null;
            result.add(new PastIncident(p.elevatorId(), p.channel(), p.symptom(), p.type(), p.description(),
                    p.reportedAt(), p.reporter(), p.steps(), r.withPhotos(before, after)));
        }
        return result;
    }

    /**
     * Open now: an entrapment just dispatched, one at risk at 北辰电梯 (accepted, nobody there after 22
     * minutes), a door fault accepted, a stopped elevator under repair, a noise waiting for tomorrow's visit.
     */
    private List<PastIncident> openNow(List<ElevatorView> all, IncidentYear.People people, Instant now) {
        List<ElevatorView> candidates = all.stream().filter(e -> e.status() == ElevatorStatus.IN_SERVICE
                && e.type() == ElevatorType.TRACTION && !DemoCatalogue.XIAOHE.equals(e.community()))
                .sorted(Comparator.comparing((ElevatorView e) -> e.id().value()).reversed()).toList();
        ElevatorView atRisk = candidates.stream().filter(e -> e.maintenanceCompanyId().equals(people.sloppy()))
                .findFirst().orElse(candidates.get(0));
        List<ElevatorView> others = candidates.stream().filter(e -> !e.maintenanceCompanyId().equals(people.sloppy()))
                .limit(40).toList();
        List<PastIncident> open = new ArrayList<>();
        Instant reported = now.minus(Duration.ofMinutes(22));
        open.add(open(atRisk, Channel.CALL_CENTRE, Symptom.TRAPPED, "电梯困人，轿厢内 2 人，老人情绪紧张", reported,
                people.callCentre(), List.of(PastStep.of(Step.ACCEPTED, reported.plusSeconds(150), rescuer(atRisk, people))), null));
        ElevatorView trapped = others.get(0);
        open.add(open(trapped, Channel.CALL_CENTRE, Symptom.TRAPPED, "电梯困人，轿厢内 1 人", now.minusSeconds(120),
                people.callCentre(), List.of(), null));
        ElevatorView door = others.get(13);
        reported = now.minus(Duration.ofMinutes(40));
        open.add(open(door, Channel.RESIDENT, Symptom.DOOR_FAULT, "电梯门关不上，反复开关", reported, null,
                List.of(PastStep.of(Step.ACCEPTED, reported.plusSeconds(130), rescuer(door, people))), null));
        ElevatorView stopped = others.get(26);
        reported = now.minus(Duration.ofMinutes(95));
        Actor crew = rescuer(stopped, people);
        open.add(open(stopped, Channel.USE_UNIT, Symptom.STOPPED, "电梯停梯，显示屏有故障代码", reported,
                people.safetyManagers().get(stopped.useUnitId()), List.of(
                        PastStep.of(Step.ACCEPTED, reported.plusSeconds(190), crew),
                        PastStep.of(Step.ARRIVED, reported.plus(Duration.ofMinutes(48)), crew)),
                new PastIncident.PastRepair("停梯：控制柜报故障，检修中", reported.plus(Duration.ofMinutes(60)), null, null,
                        null, List.of(), null, null)));
        ElevatorView noise = others.get(39);
        reported = now.minus(Duration.ofHours(20));
        open.add(open(noise, Channel.RESIDENT, Symptom.NOISE, "电梯运行时有异响", reported, null,
                List.of(PastStep.of(Step.ACCEPTED, reported.plusSeconds(200), rescuer(noise, people))), null));
        return open;
    }

    private static PastIncident open(ElevatorView e, Channel channel, Symptom symptom, String text, Instant reported,
            Actor reporter, List<PastStep> steps, PastIncident.PastRepair repair) {
        return new PastIncident(e.id(), channel, symptom, symptom.type(), DemoTexts.where(e) + text,
                reported, reporter, steps, repair);
    }

    private static Actor rescuer(ElevatorView e, IncidentYear.People people) {
        return people.crews().get(e.maintenanceCompanyId()).get(0);
    }

    /** 96333, each company's certified maintainers, each use unit's safety manager (小河佳苑's is 'property'). */
    private IncidentYear.People people() {
        Map<OrganizationId, List<Actor>> crews = new HashMap<>();
        Map<OrganizationId, Actor> managers = new HashMap<>();
        Actor callCentre = Actor.named("96333");
        for (UserDirectory.UserRow u : users.list(Scope.SYSTEM)) {
            Actor actor = new Actor(u.id(), u.username(), u.organizationId());
            if (u.roles().contains(Role.MAINTAINER)) {
                crews.computeIfAbsent(u.organizationId(), o -> new ArrayList<>()).add(actor);
            }
            if (u.roles().contains(Role.SAFETY_MANAGER)) {
                managers.putIfAbsent(u.organizationId(), actor);
            }
            if (u.roles().contains(Role.CALL_CENTRE)) {
                callCentre = actor;
            }
        }
        OrganizationId sloppy = organizations.ofType(Scope.SYSTEM, OrganizationType.MAINTENANCE_COMPANY).stream()
                .filter(o -> DemoMaintenance.SLOPPY_COMPANY.equals(o.shortName())).findFirst().map(OrganizationView::id)
                .orElse(null);
        return new IncidentYear.People(callCentre, crews, managers, sloppy);
    }

    /** Older elevators fail more: twice as often at ten years as when new. */
    private static double weight(ElevatorView e) {
        return 1 + e.ageYears() / 10.0;
    }

    private static Instant from(ElevatorView e, Instant now) {
        Instant commissioned = e.commissioningDate().atStartOfDay(LiftCareTime.ZONE).toInstant();
        return commissioned.isAfter(now.minus(YEAR)) ? commissioned : now.minus(YEAR);
    }

    /** Until yesterday; an elevator out of use now stopped some months ago. */
    private static Instant to(ElevatorView e, Instant now) {
        return now.minus(e.status() == ElevatorStatus.IN_SERVICE ? Duration.ofDays(1) : Duration.ofDays(100));
    }

    private static double exposure(ElevatorView e, Instant now) {
        return Math.max(0, Duration.between(from(e, now), to(e, now)).toMinutes() / (double) YEAR.toMinutes());
    }
}
