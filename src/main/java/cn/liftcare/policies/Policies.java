package cn.liftcare.policies;

import org.springframework.data.repository.ListCrudRepository;

interface Policies extends ListCrudRepository<Policy, PolicyId> {
}
