package cn.liftcare.incidents;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface RepairOrders extends ListCrudRepository<RepairOrder, RepairOrderId> {

    Optional<RepairOrder> findByIncidentId(IncidentId incidentId);

    Optional<RepairOrder> findByRepairNeedId(Long repairNeedId);
}
