package cn.liftcare.maintenance;

import org.springframework.data.repository.ListCrudRepository;

import cn.liftcare.identity.UserId;

interface MaintainerCertificates extends ListCrudRepository<MaintainerCertificate, UserId> {
}
