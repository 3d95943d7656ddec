package cn.liftcare.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** 单元: a stairwell unit of a building, where its elevators stand. */
@Table("building_unit")
public class BuildingUnit extends AbstractAggregateRoot<BuildingUnit> {

    @Id
    private final UnitId id;
    private final BuildingId buildingId;
    private final CommunityId communityId;
    private final String name;
    @Version
    private Integer version;

    @PersistenceCreator
    BuildingUnit(UnitId id, BuildingId buildingId, CommunityId communityId, String name, Integer version) {
        this.id = id;
        this.buildingId = buildingId;
        this.communityId = communityId;
        this.name = name;
        this.version = version;
    }

    static BuildingUnit create(UnitId id, BuildingId buildingId, CommunityId communityId, String name) {
        BuildingUnit unit = new BuildingUnit(id, buildingId, communityId, name, null);
        unit.registerEvent(new LocationChanged("unit", id.value(), null,
                new UnitView(id, buildingId, communityId, name)));
        return unit;
    }

    public UnitId id() {
        return id;
    }

    public record UnitView(UnitId id, BuildingId buildingId, CommunityId communityId, String name) {
    }
}
