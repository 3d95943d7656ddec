package cn.liftcare.claims;

import org.springframework.data.repository.ListCrudRepository;

interface Claims extends ListCrudRepository<Claim, ClaimId> {
}
