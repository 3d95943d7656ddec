package cn.liftcare.registry;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Streets extends ListCrudRepository<Street, StreetId> {

    Optional<Street> findByDistrictIdAndName(DistrictId districtId, String name);
}
