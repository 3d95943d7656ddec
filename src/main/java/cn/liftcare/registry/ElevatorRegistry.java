package cn.liftcare.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.shared.IdSequences;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Registers elevators and amends their facts, within the caller's scope. Whatever the channel (form,
 * API, spreadsheet), an elevator passes the same {@link ElevatorRules} and the same checks here.
 */
@Service
public class ElevatorRegistry {

    /** Roles that may register and amend elevators; the scope still decides which ones. */
    public static final Role[] EDITORS = {Role.ADMIN, Role.REGULATOR, Role.PROPERTY_MANAGER};

    private final Elevators elevators;
    private final LocationManagement locations;
    private final OrganizationDirectory organizations;
    private final JdbcClient jdbc;
    private final RegistryScope scopes;
    private final ElevatorBulkInsert bulk;
    private final IdSequences ids;
    private final LiftCareTime time;

    ElevatorRegistry(Elevators elevators, LocationManagement locations, OrganizationDirectory organizations,
            JdbcClient jdbc, IdSequences ids, LiftCareTime time, RegistryScope scopes, ElevatorBulkInsert bulk) {
        this.scopes = scopes;
        this.bulk = bulk;
        this.elevators = elevators;
        this.locations = locations;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.ids = ids;
        this.time = time;
    }

    @Transactional
    public ElevatorSnapshot register(Scope scope, ElevatorDetails input) {
        return registerAll(scope, List.of(input)).get(0);
    }

    @Transactional
    public ElevatorSnapshot amend(Scope scope, ElevatorId id, ElevatorDetails input) {
        requireEditor(scope);
        Elevator elevator = findInScope(scope, id);
        ElevatorDetails details = input.normalised();
        Checker checker = new Checker(scope, List.of(details));
        List<Violation> violations = checker.check(details, id);
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        elevator.amend(details, checker.place(details), checker.useUnitOf(details), time.now());
        return elevators.save(elevator).snapshot();
    }

    /**
     * Checks many elevators at once, as an import does: every violation of every entry, by its index,
     * including codes repeated within the batch. Empty when all may be registered.
     */
    public Map<Integer, List<Violation>> checkAll(Scope scope, List<ElevatorDetails> inputs) {
        return checkAll(scope, inputs, i -> i + 1);
    }

    /** As {@link #checkAll(Scope, List)}, naming an entry repeated within the batch by {@code label} (a row number). */
    public Map<Integer, List<Violation>> checkAll(Scope scope, List<ElevatorDetails> inputs, IntUnaryOperator label) {
        requireEditor(scope);
        List<ElevatorDetails> details = inputs.stream().map(ElevatorDetails::normalised).toList();
        Checker checker = new Checker(scope, details);
        Map<Integer, List<Violation>> problems = new LinkedHashMap<>();
        Map<String, Integer> firstRegistration = new HashMap<>();
        Map<String, Integer> firstEmergency = new HashMap<>();
        for (int i = 0; i < details.size(); i++) {
            ElevatorDetails d = details.get(i);
            List<Violation> violations = new ArrayList<>(checker.check(d, null));
            repeated(violations, firstRegistration, d.registrationCode(), i, label, "registrationCode");
            repeated(violations, firstEmergency, d.emergencyCode(), i, label, "emergencyCode");
            if (!violations.isEmpty()) {
                problems.put(i, violations);
            }
        }
        return problems;
    }

    /** Registers many elevators in one transaction: all of them, or (on any violation) none. */
    @Transactional
    public List<ElevatorSnapshot> registerAll(Scope scope, List<ElevatorDetails> inputs) {
        Map<Integer, List<Violation>> problems = checkAll(scope, inputs);
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems.values().iterator().next());
        }
        List<ElevatorDetails> details = inputs.stream().map(ElevatorDetails::normalised).toList();
        Checker checker = new Checker(scope, details);
        checker.placeAll(details);
        List<Long> newIds = ids.next("elevator", details.size());
        java.time.Instant now = time.now();
        List<Elevator> batch = new ArrayList<>(details.size());
        for (int i = 0; i < details.size(); i++) {
            ElevatorDetails d = details.get(i);
            batch.add(Elevator.register(new ElevatorId(newIds.get(i)), d, checker.place(d), checker.useUnitOf(d), now));
        }
        bulk.insert(batch);
        return batch.stream().map(Elevator::snapshot).toList();
    }

    /** Records an inspection's outcome on the elevator (the maintenance module decides the next due date). */
    @Transactional
    public ElevatorSnapshot recordInspection(ElevatorId id, LocalDate on, LocalDate nextDue, boolean passed) {
        Elevator elevator = elevators.findById(id).orElseThrow(() -> new NotFoundException("elevator", id.value()));
        return elevators.save(elevator.inspected(on, nextDue, passed, time.now())).snapshot();
    }

    /**
     * Records a whole-elevator renewal completed on a day (the pension module, when a renewal case completes):
     * the elevator's age then counts from that day.
     */
    @Transactional
    public ElevatorSnapshot recordRenewal(ElevatorId id, LocalDate on) {
        Elevator elevator = elevators.findById(id).orElseThrow(() -> new NotFoundException("elevator", id.value()));
        return elevators.save(elevator.renewed(on, time.now())).snapshot();
    }

    /** Many elevators' facts by id, without scope: for modules that already hold the ids from their own scoped data. */
    public Map<ElevatorId, ElevatorSnapshot> snapshots(java.util.Collection<ElevatorId> ids) {
        Map<ElevatorId, ElevatorSnapshot> found = new HashMap<>();
        elevators.findAllById(ids).forEach(e -> found.put(e.id(), e.snapshot()));
        return found;
    }

    public Optional<ElevatorSnapshot> find(Scope scope, ElevatorId id) {
        // one statement, mapped by hand: this is on the path of every claim and visit
        RegistryScope.Predicate predicate = scopes.elevators(scope);
        return jdbc.sql("SELECT e.* FROM elevator e WHERE e.id = :id AND " + predicate.sql())
                .params(predicate.params()).param("id", id.value())
                .query((rs, i) -> new ElevatorSnapshot(new ElevatorId(rs.getLong("id")), rs.getString("registration_code"),
                        rs.getString("emergency_code"), ElevatorType.valueOf(rs.getString("type")), rs.getString("brand"),
                        rs.getString("model"), rs.getObject("manufacture_date", LocalDate.class),
                        rs.getObject("commissioning_date", LocalDate.class), rs.getInt("stops"),
                        rs.getObject("rated_load_kg", Integer.class), rs.getBigDecimal("rated_speed"),
                        UseCategory.valueOf(rs.getString("use_category")), new UnitId(rs.getLong("unit_id")),
                        new CommunityId(rs.getLong("community_id")), new DistrictId(rs.getLong("district_id")),
                        new OrganizationId(rs.getLong("use_unit_id")),
                        rs.getObject("maintenance_company_id", Long.class) == null ? null
                                : new OrganizationId(rs.getLong("maintenance_company_id")),
                        ElevatorStatus.valueOf(rs.getString("status")), rs.getObject("last_inspection_date", LocalDate.class),
                        rs.getObject("next_inspection_due", LocalDate.class), rs.getBoolean("inspection_failed"),
                        rs.getObject("renewed_on", LocalDate.class)))
                .optional();
    }

    /** Whether the elevator exists and the caller may see it: the SQL scope predicate decides. */
    public boolean inScope(Scope scope, ElevatorId id) {
        RegistryScope.Predicate predicate = scopes.elevators(scope);
        return jdbc.sql("SELECT count(*) > 0 FROM elevator e WHERE e.id = :id AND " + predicate.sql())
                .params(predicate.params()).param("id", id.value())
                .query(Boolean.class).single();
    }

    private Elevator findInScope(Scope scope, ElevatorId id) {
        if (!inScope(scope, id)) {
            throw new NotFoundException("elevator", id.value());
        }
        return elevators.findById(id).orElseThrow(() -> new NotFoundException("elevator", id.value()));
    }

    private static void requireEditor(Scope scope) {
        if (!scope.hasAny(EDITORS)) {
            throw new org.springframework.security.access.AccessDeniedException("may not edit the registry");
        }
    }

    private static void repeated(List<Violation> violations, Map<String, Integer> first, String code, int index,
            IntUnaryOperator label, String field) {
        if (code == null) {
            return;
        }
        Integer earlier = first.putIfAbsent(code, index);
        if (earlier != null) {
            violations.add(Violation.of(field, "elevator.code.repeated", code, label.applyAsInt(earlier)));
        }
    }

    /**
     * Checks one operation's elevators, remembering what it looked up: a 10,000-row import asks the
     * database about each community, party and code once, not once per row.
     */
    private final class Checker {

        private final Scope scope;
        private final Map<CommunityId, Optional<Community>> communities = new HashMap<>();
        private final Map<OrganizationId, OrganizationView> parties;
        private final Set<String> takenRegistrationCodes;
        private final Set<String> takenEmergencyCodes;
        private final Map<LocationManagement.UnitAddress, Placement> placements = new HashMap<>();

        Checker(Scope scope, List<ElevatorDetails> batch) {
            this.scope = scope;
            Set<OrganizationId> partyIds = new HashSet<>();
            Set<String> registrationCodes = new HashSet<>();
            Set<String> emergencyCodes = new HashSet<>();
            for (ElevatorDetails d : batch) {
                if (d.useUnitId() != null) {
                    partyIds.add(d.useUnitId());
                }
                if (d.maintenanceCompanyId() != null) {
                    partyIds.add(d.maintenanceCompanyId());
                }
                if (d.communityId() != null) {
                    community(d.communityId()).map(Community::useUnitId).ifPresent(partyIds::add);
                }
                if (d.registrationCode() != null) {
                    registrationCodes.add(d.registrationCode());
                }
                if (d.emergencyCode() != null) {
                    emergencyCodes.add(d.emergencyCode());
                }
            }
            this.parties = organizations.byIds(partyIds);
            this.takenRegistrationCodes = taken("registration_code", registrationCodes);
            this.takenEmergencyCodes = taken("emergency_code", emergencyCodes);
        }

        List<Violation> check(ElevatorDetails d, ElevatorId self) {
            List<Violation> violations = new ArrayList<>(ElevatorRules.check(d, time.today()));
            if (d.communityId() != null && community(d.communityId()).isEmpty()) {
                violations.add(Violation.of("communityId", "elevator.community.unknown"));
            }
            OrganizationId useUnit = useUnitOf(d);
            if (useUnit == null) {
                violations.add(Violation.of("useUnitId", "validation.required"));
            }
            else if (!isOfType(parties.get(useUnit), OrganizationType.USE_UNIT)) {
                violations.add(Violation.of("useUnitId", "organization.wrongType", Violation.label(OrganizationType.USE_UNIT)));
            }
            if (d.maintenanceCompanyId() != null
                    && !isOfType(parties.get(d.maintenanceCompanyId()), OrganizationType.MAINTENANCE_COMPANY)) {
                violations.add(Violation.of("maintenanceCompanyId", "organization.wrongType",
                        Violation.label(OrganizationType.MAINTENANCE_COMPANY)));
            }
            if (d.registrationCode() != null && takenRegistrationCodes.contains(d.registrationCode())
                    && (self == null || elevators.registrationCodeTakenByOther(d.registrationCode(), self.value()))) {
                violations.add(Violation.of("registrationCode", "elevator.registrationCode.taken", d.registrationCode()));
            }
            if (d.emergencyCode() != null && takenEmergencyCodes.contains(d.emergencyCode())
                    && (self == null || elevators.emergencyCodeTakenByOther(d.emergencyCode(), self.value()))) {
                violations.add(Violation.of("emergencyCode", "elevator.emergencyCode.taken", d.emergencyCode()));
            }
            return violations;
        }

        OrganizationId useUnitOf(ElevatorDetails d) {
            if (d.useUnitId() != null) {
                return d.useUnitId();
            }
            return d.communityId() == null ? null : community(d.communityId()).map(Community::useUnitId).orElse(null);
        }

        Placement place(ElevatorDetails d) {
            return placements.computeIfAbsent(new LocationManagement.UnitAddress(d.communityId(), d.building(), d.unit()),
                    k -> locations.place(d.communityId(), d.building(), d.unit()));
        }

        /** Finds or creates every unit of the batch in a few round trips, not one per elevator. */
        void placeAll(List<ElevatorDetails> batch) {
            placements.putAll(locations.placeAll(batch.stream()
                    .map(d -> new LocationManagement.UnitAddress(d.communityId(), d.building(), d.unit()))
                    .collect(java.util.stream.Collectors.toSet())));
        }

        private Optional<Community> community(CommunityId id) {
            return communities.computeIfAbsent(id,
                    k -> locations.community(k).filter(c -> communityInScope(scope, c)));
        }

        private Set<String> taken(String column, Set<String> codes) {
            if (codes.isEmpty()) {
                return Set.of();
            }
            Set<String> taken = new HashSet<>();
            List<String> all = new ArrayList<>(codes);
            for (int from = 0; from < all.size(); from += 5_000) {
                taken.addAll(jdbc.sql("SELECT " + column + " FROM elevator WHERE " + column + " IN (:codes)")
                        .param("codes", all.subList(from, Math.min(all.size(), from + 5_000)))
                        .query(String.class).list());
            }
            return taken;
        }
    }

    private boolean communityInScope(Scope scope, Community community) {
        RegistryScope.Predicate predicate = scopes.communities(scope);
        return jdbc.sql("SELECT count(*) > 0 FROM community c WHERE c.id = :id AND " + predicate.sql())
                .params(predicate.params()).param("id", community.id().value())
                .query(Boolean.class).single();
    }

    private static boolean isOfType(OrganizationView org, OrganizationType type) {
        return org != null && org.type() == type;
    }
}
