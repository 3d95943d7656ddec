package cn.liftcare.policies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.incidents.FaultHistory;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Quotes elevators the caller may see, with the rate table in force today and each elevator's fault
 * history. An elevator outside the caller's scope is "not found", like anything else.
 */
@Service
public class Quoting {

    static final int MAX_ELEVATORS = 500;

    private final ElevatorRegistry registry;
    private final FaultHistory faults;
    private final RateTables rates;
    private final QualityGrades grades;
    private final LiftCareTime time;

    Quoting(ElevatorRegistry registry, FaultHistory faults, RateTables rates, QualityGrades grades, LiftCareTime time) {
        this.registry = registry;
        this.faults = faults;
        this.rates = rates;
        this.grades = grades;
        this.time = time;
    }

    public record ElevatorQuote(long elevatorId, String registrationCode, RatingFacts facts, Quote quote) {
    }

    public record Quotation(String rateVersion, LocalDate quotedOn, List<ElevatorQuote> elevators, Money total) {
    }

    /**
     * Prices elevators for a term starting on a day, by their age then, their fault history before it and their
     * maintenance company's grade in the latest quarter closed by then.
     */
    List<ElevatorQuote> rate(java.util.Collection<ElevatorSnapshot> elevators, LocalDate on, RateTable table) {
        Map<ElevatorId, LocalDate> commissioned = new LinkedHashMap<>();
        elevators.forEach(e -> commissioned.put(e.id(), e.ageBasis()));
        Map<ElevatorId, BigDecimal> history = faults.faultsPerYear(commissioned, on);
        Map<Long, String> graded = grades.latestClosedGrade(elevators.stream().map(ElevatorSnapshot::maintenanceCompanyId)
                .filter(Objects::nonNull).map(OrganizationId::value).distinct().toList(), on);
        List<ElevatorQuote> quotes = new ArrayList<>();
        for (ElevatorSnapshot e : elevators) {
            String grade = e.maintenanceCompanyId() == null ? null : graded.get(e.maintenanceCompanyId().value());
            RatingFacts facts = new RatingFacts(e.type(), Math.max(0, Period.between(e.ageBasis(), on).getYears()),
                    e.brand(), e.stops(), e.useCategory(), history.get(e.id()), grade);
            quotes.add(new ElevatorQuote(e.id().value(), e.registrationCode(), facts, Rating.quote(table, facts)));
        }
        return quotes;
    }

    public Quotation quote(Scope scope, List<Long> elevatorIds) {
        return quote(scope, elevatorIds, time.today());
    }

    /** The same for a term starting on a day: the rate table in force then, ages and fault history as of then. */
    public Quotation quote(Scope scope, List<Long> elevatorIds, LocalDate on) {
        if (!scope.hasAny(Role.UNDERWRITER, Role.PROPERTY_MANAGER, Role.SAFETY_MANAGER, Role.OWNERS_REP,
                Role.REGULATOR, Role.ADMIN)) {
            throw new AccessDeniedException("role");
        }
        if (elevatorIds == null || elevatorIds.isEmpty() || elevatorIds.size() > MAX_ELEVATORS) {
            throw new ValidationFailedException(Violation.of("elevatorIds", "quote.elevators", MAX_ELEVATORS));
        }
        Map<ElevatorId, ElevatorSnapshot> elevators = new LinkedHashMap<>();
        for (Long id : elevatorIds.stream().distinct().toList()) {
            ElevatorId elevator = new ElevatorId(id == null ? -1 : id);
            elevators.put(elevator, registry.find(scope, elevator)
                    .orElseThrow(() -> new NotFoundException("elevator", elevator.value())));
        }
        RateTable table = rates.inForceOn(on);
        List<ElevatorQuote> quotes = rate(elevators.values(), on, table);
        Money total = quotes.stream().map(q -> q.quote().total()).reduce(Money.ZERO, Money::plus);
        return new Quotation(table.version(), on, quotes, total);
    }
}
