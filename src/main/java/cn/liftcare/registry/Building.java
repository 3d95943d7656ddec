package cn.liftcare.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** 幢: a building of a community. */
@Table("building")
public class Building extends AbstractAggregateRoot<Building> {

    @Id
    private final BuildingId id;
    private final CommunityId communityId;
    private final String name;
    @Version
    private Integer version;

    @PersistenceCreator
    Building(BuildingId id, CommunityId communityId, String name, Integer version) {
        this.id = id;
        this.communityId = communityId;
        this.name = name;
        this.version = version;
    }

    static Building create(BuildingId id, CommunityId communityId, String name) {
        Building building = new Building(id, communityId, name, null);
        building.registerEvent(new LocationChanged("building", id.value(), null,
                new BuildingView(id, communityId, name)));
        return building;
    }

    public BuildingId id() {
        return id;
    }

    public record BuildingView(BuildingId id, CommunityId communityId, String name) {
    }
}
