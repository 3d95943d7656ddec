package cn.liftcare.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** 区: a district, identified by its GB/T 2260 code. Urban districts have the 30-minute rescue limit. */
@Table("district")
public class District extends AbstractAggregateRoot<District> {

    @Id
    private final DistrictId id;
    private final String code;
    private final String name;
    private final String cityName;
    private final boolean urban;
    @Version
    private Integer version;

    @PersistenceCreator
    District(DistrictId id, String code, String name, String cityName, boolean urban, Integer version) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.cityName = cityName;
        this.urban = urban;
        this.version = version;
    }

    static District create(DistrictId id, String code, String name, String cityName, boolean urban) {
        District district = new District(id, code, name, cityName, urban, null);
        district.registerEvent(new LocationChanged("district", id.value(), null, district.view()));
        return district;
    }

    public DistrictView view() {
        return new DistrictView(id, code, name, cityName, urban);
    }

    public DistrictId id() {
        return id;
    }

    public record DistrictView(DistrictId id, String code, String name, String cityName, boolean urban) {
    }
}
