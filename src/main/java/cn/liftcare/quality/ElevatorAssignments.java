package cn.liftcare.quality;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.registry.ElevatorChanged;
import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.shared.LiftCareTime;

/**
 * Quality's own record of the elevators and of which company maintained each when, kept from the registry's
 * {@link ElevatorChanged} in the same transaction: a registered elevator is its company's from commissioning; a
 * change of company ends one assignment and starts the next today. Exposure (elevator-days) per company is
 * figured from these, so an elevator that changed company mid-period counts for each its share of days.
 */
@Component
class ElevatorAssignments {

    private final JdbcClient jdbc;
    private final LiftCareTime time;

    ElevatorAssignments(JdbcClient jdbc, LiftCareTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @EventListener
    void on(ElevatorChanged event) {
        ElevatorSnapshot s = event.after();
        Long company = s.maintenanceCompanyId() == null ? null : s.maintenanceCompanyId().value();
        jdbc.sql("""
                INSERT INTO quality_elevator (elevator_id, registration_code, district_id, community_id, use_unit_id,
                    maintenance_company_id, commissioning_date, in_service)
                VALUES (:id, :code, :district, :community, :useUnit, :company, :commissioned, :inService)
                ON CONFLICT (elevator_id) DO UPDATE SET registration_code = excluded.registration_code,
                    district_id = excluded.district_id, community_id = excluded.community_id,
                    use_unit_id = excluded.use_unit_id, maintenance_company_id = excluded.maintenance_company_id,
                    commissioning_date = excluded.commissioning_date, in_service = excluded.in_service""")
                .param("id", s.id().value()).param("code", s.registrationCode()).param("district", s.districtId().value())
                .param("community", s.communityId().value()).param("useUnit", s.useUnitId().value())
                .param("company", company).param("commissioned", Date.valueOf(s.commissioningDate()))
                .param("inService", s.status().name().equals("IN_SERVICE")).update();
        if (!event.maintenanceCompanyChanged()) {
            return;
        }
        LocalDate from = event.before() == null ? s.commissioningDate() : time.today();
        changeCompany(s.id().value(), company, from);
    }

    /** Ends the elevator's open assignment on a day and, with a company, opens the next from that day. */
    void changeCompany(long elevator, Long company, LocalDate from) {
        jdbc.sql("DELETE FROM quality_assignment WHERE elevator_id = :e AND from_day >= :from")
                .param("e", elevator).param("from", Date.valueOf(from)).update();
        jdbc.sql("UPDATE quality_assignment SET to_day = :from WHERE elevator_id = :e AND (to_day IS NULL OR to_day > :from)")
                .param("e", elevator).param("from", Date.valueOf(from)).update();
        if (company != null) {
            jdbc.sql("INSERT INTO quality_assignment (elevator_id, company_id, from_day) VALUES (:e, :c, :from)")
                    .param("e", elevator).param("c", company).param("from", Date.valueOf(from)).update();
        }
    }
}
