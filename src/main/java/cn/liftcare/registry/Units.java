package cn.liftcare.registry;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Units extends ListCrudRepository<BuildingUnit, UnitId> {

    Optional<BuildingUnit> findByBuildingIdAndName(BuildingId buildingId, String name);
}
