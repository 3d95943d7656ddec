package cn.liftcare.identity;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** A party of the insurance model. Created by {@link OrganizationManagement}, which validates it. */
@Table("organization")
public class Organization extends AbstractAggregateRoot<Organization> {

    @Id
    private final OrganizationId id;
    private final OrganizationType type;
    private String name;
    private String shortName;
    private final String creditCode;
    private String licenceNo;
    private final String regionCode;
    private String phone;
    private String address;
    private final Instant createdAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Organization(OrganizationId id, OrganizationType type, String name, String shortName, String creditCode,
            String licenceNo, String regionCode, String phone, String address, Instant createdAt, Integer version) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.shortName = shortName;
        this.creditCode = creditCode;
        this.licenceNo = licenceNo;
        this.regionCode = regionCode;
        this.phone = phone;
        this.address = address;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Organization register(OrganizationId id, OrganizationDetails details, Instant now) {
        Organization organization = new Organization(id, details.type(), details.name(), details.shortName(),
                CreditCode.normalise(details.creditCode()), details.licenceNo(), details.regionCode(),
                details.phone(), details.address(), now, null);
        organization.registerEvent(new OrganizationChanged(organization, null));
        return organization;
    }

    /** Updates the contact details and names; type, credit code and region identify the party and stay. */
    Organization amend(String name, String shortName, String licenceNo, String phone, String address) {
        OrganizationView before = view();
        this.name = name;
        this.shortName = shortName;
        this.licenceNo = licenceNo;
        this.phone = phone;
        this.address = address;
        registerEvent(new OrganizationChanged(this, before));
        return this;
    }

    public OrganizationView view() {
        return new OrganizationView(id, type, name, shortName, creditCode, licenceNo, regionCode, phone, address);
    }

    public OrganizationId id() {
        return id;
    }

    public OrganizationType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String regionCode() {
        return regionCode;
    }
}
