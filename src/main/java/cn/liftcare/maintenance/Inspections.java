package cn.liftcare.maintenance;

import org.springframework.data.repository.ListCrudRepository;

interface Inspections extends ListCrudRepository<Inspection, InspectionId> {
}
