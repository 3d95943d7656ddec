package cn.liftcare.registry.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.registry.CommunityId;
import cn.liftcare.registry.ElevatorDetails;
import cn.liftcare.registry.ElevatorStatus;
import cn.liftcare.registry.ElevatorType;
import cn.liftcare.registry.ElevatorView;
import cn.liftcare.registry.UseCategory;

/** The elevator form's backing bean. */
public class ElevatorForm {

    private String registrationCode;
    private String emergencyCode;
    private ElevatorType type = ElevatorType.TRACTION;
    private String brand;
    private String model;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate manufactureDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate commissioningDate;
    private Integer stops;
    private Integer ratedLoadKg;
    private BigDecimal ratedSpeed;
    private UseCategory useCategory = UseCategory.RESIDENTIAL;
    private Long communityId;
    private String building;
    private String unit;
    private Long useUnitId;
    private Long maintenanceCompanyId;
    private ElevatorStatus status = ElevatorStatus.IN_SERVICE;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate lastInspectionDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate nextInspectionDue;

    static ElevatorForm of(ElevatorView v) {
        ElevatorForm f = new ElevatorForm();
        f.registrationCode = v.registrationCode();
        f.emergencyCode = v.emergencyCode();
        f.type = v.type();
        f.brand = v.brand();
        f.model = v.model();
        f.manufactureDate = v.manufactureDate();
        f.commissioningDate = v.commissioningDate();
        f.stops = v.stops();
        f.ratedLoadKg = v.ratedLoadKg();
        f.ratedSpeed = v.ratedSpeed();
        f.useCategory = v.useCategory();
        f.communityId = v.communityId().value();
        f.building = v.building();
        f.unit = v.unit();
        f.useUnitId = v.useUnitId().value();
        f.maintenanceCompanyId = v.maintenanceCompanyId() == null ? null : v.maintenanceCompanyId().value();
        f.status = v.status();
        f.lastInspectionDate = v.lastInspectionDate();
        f.nextInspectionDue = v.nextInspectionDue();
        return f;
    }

    ElevatorDetails toDetails() {
        return new ElevatorDetails(registrationCode, emergencyCode, type, brand, model, manufactureDate,
                commissioningDate, stops, ratedLoadKg, ratedSpeed, useCategory,
                communityId == null ? null : new CommunityId(communityId), building, unit,
                useUnitId == null ? null : new OrganizationId(useUnitId),
                maintenanceCompanyId == null ? null : new OrganizationId(maintenanceCompanyId), status,
                lastInspectionDate, nextInspectionDue);
    }

    public String getRegistrationCode() { return registrationCode; }
    public void setRegistrationCode(String v) { registrationCode = v; }
    public String getEmergencyCode() { return emergencyCode; }
    public void setEmergencyCode(String v) { emergencyCode = v; }
    public ElevatorType getType() { return type; }
    public void setType(ElevatorType v) { type = v; }
    public String getBrand() { return brand; }
    public void setBrand(String v) { brand = v; }
    public String getModel() { return model; }
    public void setModel(String v) { model = v; }
    public LocalDate getManufactureDate() { return manufactureDate; }
    public void setManufactureDate(LocalDate v) { manufactureDate = v; }
    public LocalDate getCommissioningDate() { return commissioningDate; }
    public void setCommissioningDate(LocalDate v) { commissioningDate = v; }
    public Integer getStops() { return stops; }
    public void setStops(Integer v) { stops = v; }
    public Integer getRatedLoadKg() { return ratedLoadKg; }
    public void setRatedLoadKg(Integer v) { ratedLoadKg = v; }
    public BigDecimal getRatedSpeed() { return ratedSpeed; }
    public void setRatedSpeed(BigDecimal v) { ratedSpeed = v; }
    public UseCategory getUseCategory() { return useCategory; }
    public void setUseCategory(UseCategory v) { useCategory = v; }
    public Long getCommunityId() { return communityId; }
    public void setCommunityId(Long v) { communityId = v; }
    public String getBuilding() { return building; }
    public void setBuilding(String v) { building = v; }
    public String getUnit() { return unit; }
    public void setUnit(String v) { unit = v; }
    public Long getUseUnitId() { return useUnitId; }
    public void setUseUnitId(Long v) { useUnitId = v; }
    public Long getMaintenanceCompanyId() { return maintenanceCompanyId; }
    public void setMaintenanceCompanyId(Long v) { maintenanceCompanyId = v; }
    public ElevatorStatus getStatus() { return status; }
    public void setStatus(ElevatorStatus v) { status = v; }
    public LocalDate getLastInspectionDate() { return lastInspectionDate; }
    public void setLastInspectionDate(LocalDate v) { lastInspectionDate = v; }
    public LocalDate getNextInspectionDue() { return nextInspectionDue; }
    public void setNextInspectionDue(LocalDate v) { nextInspectionDue = v; }
}
