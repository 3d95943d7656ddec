package cn.liftcare.pension;

import org.springframework.data.repository.ListCrudRepository;

interface PensionCases extends ListCrudRepository<PensionCase, PensionCaseId> {
}
