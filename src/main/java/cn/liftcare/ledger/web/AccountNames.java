package cn.liftcare.ledger.web;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.ledger.AccountKind;
import cn.liftcare.ledger.AccountRef;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.ElevatorSnapshot;

/**
 * What people call an account, instead of its code: what it is for, whom or what it is about and the
 * qualifier (say 应收保费 · 小河佳苑物业 · 住房维修资金), and whose books hold it. Organisations are named
 * through the identity module and elevators through the registry, both only for accounts the caller may see.
 */
@Component
class AccountNames {

    static final String SEPARATOR = " · ";

    private final OrganizationDirectory organizations;
    private final ElevatorRegistry elevators;
    private final MessageSource messages;

    AccountNames(OrganizationDirectory organizations, ElevatorRegistry elevators, MessageSource messages) {
        this.organizations = organizations;
        this.elevators = elevators;
        this.messages = messages;
    }

    /** An account's name: the label, and its parts. Owner and party are null when the account has none. */
    record AccountName(String code, String label, String purpose, String owner, String party, String qualifier) {
    }

    AccountName of(AccountRef account, Locale locale) {
        return of(List.of(account), locale).get(account.code());
    }

    /** The names of many accounts, by code, with one look-up of organisations and one of elevators. */
    Map<String, AccountName> of(Collection<AccountRef> accounts, Locale locale) {
        Set<OrganizationId> orgs = new HashSet<>();
        Set<ElevatorId> lifts = new HashSet<>();
        for (AccountRef a : accounts) {
            if (a.ownerId() != null) {
                orgs.add(new OrganizationId(a.ownerId()));
            }
            if (a.partyId() != null) {
                if (a.purpose().aboutAnElevator()) {
                    lifts.add(new ElevatorId(a.partyId()));
                }
                else {
                    orgs.add(new OrganizationId(a.partyId()));
                }
            }
        }
        Map<OrganizationId, OrganizationView> orgNames = organizations.byIds(orgs);
        Map<ElevatorId, ElevatorSnapshot> liftNames = lifts.isEmpty() ? Map.of() : elevators.snapshots(lifts);
        Map<String, AccountName> names = new LinkedHashMap<>();
        for (AccountRef a : accounts) {
            String purpose = text("enum.AccountPurpose." + a.purpose().name(), a.purpose().name(), locale);
            String owner = a.ownerId() == null ? null : organisation(orgNames, a.ownerId(), locale);
            String party = null;
            if (a.partyId() != null) {
                if (a.purpose().aboutAnElevator()) {
                    ElevatorSnapshot lift = liftNames.get(new ElevatorId(a.partyId()));
                    party = text("ledger.party.elevator", null, locale,
                            lift == null ? "#" + a.partyId() : lift.registrationCode());
                }
                else {
                    party = organisation(orgNames, a.partyId(), locale);
                }
            }
            String qualifier = a.qualifier() == null ? null
                    : text("ledger.qualifier." + a.qualifier(), a.qualifier(), locale);
            StringBuilder label = new StringBuilder(purpose);
            if (party != null) {
                label.append(SEPARATOR).append(party);
            }
            if (qualifier != null) {
                label.append(SEPARATOR).append(qualifier);
            }
            names.put(a.code(), new AccountName(a.code(), label.toString(), purpose, owner, party, qualifier));
        }
        return names;
    }

    String kind(AccountKind kind, Locale locale) {
        return text("enum.AccountKind." + kind.name(), kind.name(), locale);
    }

    private String organisation(Map<OrganizationId, OrganizationView> names, long id, Locale locale) {
        OrganizationView org = names.get(new OrganizationId(id));
        return org != null ? org.displayName() : text("ledger.party.unknown", null, locale, String.valueOf(id));
    }

    private String text(String key, String fallback, Locale locale, Object... args) {
        return messages.getMessage(key, args, fallback == null ? key : fallback, locale);
    }
}
