package cn.liftcare.registry;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface Elevators extends ListCrudRepository<Elevator, ElevatorId> {

    @Query("SELECT count(*) > 0 FROM elevator WHERE registration_code = :code AND id <> :id")
    boolean registrationCodeTakenByOther(@Param("code") String code, @Param("id") long id);

    @Query("SELECT count(*) > 0 FROM elevator WHERE emergency_code = :code AND id <> :id")
    boolean emergencyCodeTakenByOther(@Param("code") String code, @Param("id") long id);
}
