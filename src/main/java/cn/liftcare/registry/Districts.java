package cn.liftcare.registry;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Districts extends ListCrudRepository<District, DistrictId> {

    Optional<District> findByCode(String code);
}
