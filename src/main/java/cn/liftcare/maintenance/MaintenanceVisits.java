package cn.liftcare.maintenance;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface MaintenanceVisits extends ListCrudRepository<MaintenanceVisit, VisitId> {

    Optional<MaintenanceVisit> findBySubmissionKey(String submissionKey);
}
