package cn.liftcare.policies;

import java.time.LocalDate;
import java.util.List;

import cn.liftcare.shared.Money;

/** A policy as the audit log keeps it. */
public record PolicyView(long id, String number, PolicyStatus status, long insurerId, long useUnitId, long communityId,
        String productVersion, String rateVersion, LocalDate termStart, LocalDate termEnd, int instalments,
        int graceDays, Long renewalOf, LocalDate endedOn, String endReason, LocalDate issuedOn, List<Line> elevators,
        List<Party> parties, List<String> payers) {

    public record Line(long elevatorId, String registrationCode, long maintenanceCompanyId, Money annualPremium,
            Money subsidy, LocalDate coverFrom, LocalDate coverTo) {
    }

    public record Party(PartyRole role, long orgId, boolean accepted) {
    }
}
