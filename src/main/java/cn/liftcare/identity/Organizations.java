package cn.liftcare.identity;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Organizations extends ListCrudRepository<Organization, OrganizationId> {

    Optional<Organization> findByCreditCode(String creditCode);

    boolean existsByType(OrganizationType type);
}
