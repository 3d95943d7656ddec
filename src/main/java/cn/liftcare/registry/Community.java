package cn.liftcare.registry;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

import cn.liftcare.identity.OrganizationId;

/** 小区: a residential community (or other site), with its use unit and owners' committee. */
@Table("community")
public class Community extends AbstractAggregateRoot<Community> {

    @Id
    private final CommunityId id;
    private final StreetId streetId;
    private final DistrictId districtId;
    private String name;
    private String address;
    private Integer builtYear;
    private OrganizationId useUnitId;
    private OrganizationId ownersCommitteeId;
    private final Instant createdAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Community(CommunityId id, StreetId streetId, DistrictId districtId, String name, String address,
            Integer builtYear, OrganizationId useUnitId, OrganizationId ownersCommitteeId, Instant createdAt,
            Integer version) {
        this.id = id;
        this.streetId = streetId;
        this.districtId = districtId;
        this.name = name;
        this.address = address;
        this.builtYear = builtYear;
        this.useUnitId = useUnitId;
        this.ownersCommitteeId = ownersCommitteeId;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Community create(CommunityId id, Street street, String name, String address, Integer builtYear,
            OrganizationId useUnitId, OrganizationId ownersCommitteeId, Instant now) {
        Community community = new Community(id, street.id(), street.districtId(), name, address, builtYear, useUnitId,
                ownersCommitteeId, now, null);
        community.registerEvent(new LocationChanged("community", id.value(), null, community.view()));
        return community;
    }

    /** A new property company or owners' committee takes over. */
    Community assignParties(OrganizationId useUnitId, OrganizationId ownersCommitteeId) {
        CommunityView before = view();
        this.useUnitId = useUnitId;
        this.ownersCommitteeId = ownersCommitteeId;
        registerEvent(new LocationChanged("community", id.value(), before, view()));
        return this;
    }

    public CommunityView view() {
        return new CommunityView(id, streetId, districtId, name, address, builtYear, useUnitId, ownersCommitteeId);
    }

    public CommunityId id() {
        return id;
    }

    public DistrictId districtId() {
        return districtId;
    }

    public OrganizationId useUnitId() {
        return useUnitId;
    }

    public String name() {
        return name;
    }

    public record CommunityView(CommunityId id, StreetId streetId, DistrictId districtId, String name, String address,
            Integer builtYear, OrganizationId useUnitId, OrganizationId ownersCommitteeId) {
    }
}
