package cn.liftcare.incidents;

import org.springframework.data.repository.ListCrudRepository;

interface Incidents extends ListCrudRepository<Incident, IncidentId> {
}
