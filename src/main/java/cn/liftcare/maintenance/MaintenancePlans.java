package cn.liftcare.maintenance;

import org.springframework.data.repository.ListCrudRepository;

import cn.liftcare.registry.ElevatorId;

interface MaintenancePlans extends ListCrudRepository<MaintenancePlan, ElevatorId> {
}
