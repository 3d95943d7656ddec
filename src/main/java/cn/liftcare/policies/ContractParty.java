package cn.liftcare.policies;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.UserId;

/** A party to the contract, and its acceptance of the terms whose hash it records, once it has accepted. */
@Table("policy_party")
public record ContractParty(PartyRole role, OrganizationId orgId, UserId acceptedBy, Instant acceptedAt,
        String termsHash) {

    public boolean accepted() {
        return acceptedAt != null;
    }
}
