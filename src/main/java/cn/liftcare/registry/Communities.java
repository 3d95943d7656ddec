package cn.liftcare.registry;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Communities extends ListCrudRepository<Community, CommunityId> {

    Optional<Community> findByDistrictIdAndName(DistrictId districtId, String name);
}
