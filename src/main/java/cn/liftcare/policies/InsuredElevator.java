package cn.liftcare.policies;

import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Table;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.Money;

/**
 * A line of the schedule: one elevator, its annual premium with the calculation behind it (JSON), the
 * pension contribution within it, the subsidy towards it, and the days it is covered, [coverFrom, coverTo).
 */
@Table("policy_elevator")
public record InsuredElevator(ElevatorId elevatorId, String registrationCode, OrganizationId maintenanceCompanyId,
        Money annualPremium, Money pensionContribution, Money subsidy, String calculation, LocalDate coverFrom,
        LocalDate coverTo) {

    public boolean coveredOn(LocalDate day) {
        return !day.isBefore(coverFrom) && day.isBefore(coverTo);
    }

    InsuredElevator endingOn(LocalDate day) {
        LocalDate to = day.isBefore(coverTo) ? (day.isBefore(coverFrom) ? coverFrom : day) : coverTo;
        return new InsuredElevator(elevatorId, registrationCode, maintenanceCompanyId, annualPremium,
                pensionContribution, subsidy, calculation, coverFrom, to);
    }
}
