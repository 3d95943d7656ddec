package cn.liftcare.registry;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Buildings extends ListCrudRepository<Building, BuildingId> {

    Optional<Building> findByCommunityIdAndName(CommunityId communityId, String name);
}
