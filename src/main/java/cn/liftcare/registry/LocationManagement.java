package cn.liftcare.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.registry.Community.CommunityView;
import cn.liftcare.registry.District.DistrictView;
import cn.liftcare.shared.IdSequences;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RegionCode;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * The location hierarchy: districts, streets and communities are registered; buildings and units are
 * created the first time an elevator is placed in them.
 */
@Service
public class LocationManagement {

    private final Districts districts;
    private final Streets streets;
    private final Communities communities;
    private final Buildings buildings;
    private final Units units;
    private final OrganizationDirectory organizations;
    private final IdSequences ids;
    private final LiftCareTime time;
    private final JdbcClient jdbc;

    LocationManagement(Districts districts, Streets streets, Communities communities, Buildings buildings, Units units,
            OrganizationDirectory organizations, IdSequences ids, LiftCareTime time, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.districts = districts;
        this.streets = streets;
        this.communities = communities;
        this.buildings = buildings;
        this.units = units;
        this.organizations = organizations;
        this.ids = ids;
        this.time = time;
    }

    @Transactional
    public DistrictView ensureDistrict(String code, String name, String cityName, boolean urban) {
        if (!RegionCode.isValid(code)) {
            throw new ValidationFailedException(Violation.of("code", "region.invalid"));
        }
        return districts.findByCode(code)
                .orElseGet(() -> districts.save(District.create(new DistrictId(ids.next("district")), code, name,
                        cityName, urban)))
                .view();
    }

    public Optional<DistrictView> districtByCode(String code) {
        return districts.findByCode(code).map(District::view);
    }

    public Optional<DistrictView> district(DistrictId id) {
        return districts.findById(id).map(District::view);
    }

    /** Registers a community; its use unit and owners' committee must be organisations of those types. */
    @Transactional
    public CommunityView registerCommunity(DistrictId districtId, String streetName, String name, String address,
            Integer builtYear, OrganizationId useUnitId, OrganizationId ownersCommitteeId) {
        List<Violation> violations = new ArrayList<>();
        if (districtId == null || districts.findById(districtId).isEmpty()) {
            violations.add(Violation.of("districtId", "community.district.unknown"));
        }
        if (streetName == null || streetName.isBlank()) {
            violations.add(Violation.of("street", "validation.required"));
        }
        if (name == null || name.isBlank()) {
            violations.add(Violation.of("name", "validation.required"));
        }
        else if (districtId != null && communities.findByDistrictIdAndName(districtId, name.strip()).isPresent()) {
            violations.add(Violation.of("name", "community.name.taken", name.strip()));
        }
        if (builtYear != null && (builtYear < 1900 || builtYear > time.today().getYear())) {
            violations.add(Violation.of("builtYear", "validation.range", 1900, time.today().getYear()));
        }
        checkParty(violations, "useUnitId", useUnitId, OrganizationType.USE_UNIT);
        checkParty(violations, "ownersCommitteeId", ownersCommitteeId, OrganizationType.OWNERS_COMMITTEE);
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        Street street = ensureStreet(districtId, streetName.strip());
        Community community = Community.create(new CommunityId(ids.next("community")), street, name.strip(),
                blankToNull(address), builtYear, useUnitId, ownersCommitteeId, time.now());
        return communities.save(community).view();
    }

    /** The unit, creating its building and the unit itself when this is the first elevator there. */
    @Transactional
    public Placement place(CommunityId communityId, String buildingName, String unitName) {
        Community community = communities.findById(communityId)
                .orElseThrow(() -> new NotFoundException("community", communityId.value()));
        Building building = buildings.findByCommunityIdAndName(communityId, buildingName)
                .orElseGet(() -> buildings.save(Building.create(new BuildingId(ids.next("building")), communityId,
                        buildingName)));
        BuildingUnit unit = units.findByBuildingIdAndName(building.id(), unitName)
                .orElseGet(() -> units.save(BuildingUnit.create(new UnitId(ids.next("building_unit")), building.id(),
                        communityId, unitName)));
        return new Placement(unit.id(), communityId, community.districtId());
    }

    /** Where an elevator stands, as named in a form or a spreadsheet row. */
    public record UnitAddress(CommunityId communityId, String building, String unit) {
    }

    /**
     * {@link #place} for many units at once: the existing buildings and units of the communities involved
     * are read in two queries, and only the missing ones are created.
     */
    @Transactional
    public Map<UnitAddress, Placement> placeAll(Set<UnitAddress> addresses) {
        Map<UnitAddress, Placement> placed = new HashMap<>();
        if (addresses.isEmpty()) {
            return placed;
        }
        List<Long> communityIds = addresses.stream().map(a -> a.communityId().value()).distinct().toList();
        Map<CommunityId, DistrictId> districtOf = new HashMap<>();
        communities.findAllById(communityIds.stream().map(CommunityId::new).toList())
                .forEach(c -> districtOf.put(c.id(), c.districtId()));
        Map<String, BuildingId> buildingIds = new HashMap<>();
        jdbc.sql("SELECT id, community_id, name FROM building WHERE community_id IN (:ids)").param("ids", communityIds)
                .query((rs, i) -> buildingIds.put(rs.getLong(2) + "/" + rs.getString(3), new BuildingId(rs.getLong(1))))
                .list();
        Map<String, UnitId> unitIds = new HashMap<>();
        jdbc.sql("SELECT id, building_id, name FROM building_unit WHERE community_id IN (:ids)").param("ids", communityIds)
                .query((rs, i) -> unitIds.put(rs.getLong(2) + "/" + rs.getString(3), new UnitId(rs.getLong(1)))).list();
        for (UnitAddress a : addresses) {
            DistrictId district = districtOf.get(a.communityId());
            if (district == null) {
                throw new NotFoundException("community", a.communityId().value());
            }
            BuildingId building = buildingIds.computeIfAbsent(a.communityId().value() + "/" + a.building(),
                    k -> buildings.save(Building.create(new BuildingId(ids.next("building")), a.communityId(), a.building()))
                            .id());
            UnitId unit = unitIds.computeIfAbsent(building.value() + "/" + a.unit(),
                    k -> units.save(BuildingUnit.create(new UnitId(ids.next("building_unit")), building, a.communityId(),
                            a.unit())).id());
            placed.put(a, new Placement(unit, a.communityId(), district));
        }
        return placed;
    }

    Optional<Community> community(CommunityId id) {
        return communities.findById(id);
    }

    Optional<Community> communityByName(DistrictId districtId, String name) {
        return communities.findByDistrictIdAndName(districtId, name);
    }

    private Street ensureStreet(DistrictId districtId, String name) {
        return streets.findByDistrictIdAndName(districtId, name)
                .orElseGet(() -> streets.save(Street.create(new StreetId(ids.next("street")), districtId, name)));
    }

    private void checkParty(List<Violation> violations, String field, OrganizationId id, OrganizationType type) {
        if (id == null) {
            return;
        }
        OrganizationView org = organizations.byIds(List.of(id)).get(id);
        if (org == null || org.type() != type) {
            violations.add(Violation.of(field, "organization.wrongType", Violation.label(type)));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
