package cn.liftcare.registry.web;

import java.time.LocalDate;

import cn.liftcare.registry.ElevatorStatus;
import cn.liftcare.registry.ElevatorType;
import cn.liftcare.registry.ElevatorView;

/** What anyone may read about an elevator: no ids, no people, nothing but what the sticker would say. */
record PublicElevator(String registrationCode, String emergencyCode, ElevatorType type, String brand,
        String district, String community, String building, String unit, String maintenanceCompany,
        String maintenanceCompanyPhone, ElevatorStatus status, LocalDate lastInspectionDate,
        LocalDate nextInspectionDue) {

    static PublicElevator of(ElevatorView v) {
        return new PublicElevator(v.registrationCode(), v.emergencyCode(), v.type(), v.brand(), v.district(),
                v.community(), v.building(), v.unit(), v.maintenanceCompany(), v.maintenanceCompanyPhone(), v.status(),
                v.lastInspectionDate(), v.nextInspectionDue());
    }
}
