package cn.liftcare.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** 街道: a sub-district. */
@Table("street")
public class Street extends AbstractAggregateRoot<Street> {

    @Id
    private final StreetId id;
    private final DistrictId districtId;
    private final String name;
    @Version
    private Integer version;

    @PersistenceCreator
    Street(StreetId id, DistrictId districtId, String name, Integer version) {
        this.id = id;
        this.districtId = districtId;
        this.name = name;
        this.version = version;
    }

    static Street create(StreetId id, DistrictId districtId, String name) {
        Street street = new Street(id, districtId, name, null);
        street.registerEvent(new LocationChanged("street", id.value(), null, street.view()));
        return street;
    }

    public StreetView view() {
        return new StreetView(id, districtId, name);
    }

    public StreetId id() {
        return id;
    }

    public DistrictId districtId() {
        return districtId;
    }

    public record StreetView(StreetId id, DistrictId districtId, String name) {
    }
}
