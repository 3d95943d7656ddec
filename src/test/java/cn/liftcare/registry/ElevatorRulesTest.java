package cn.liftcare.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.liftcare.shared.Violation;

import static org.assertj.core.api.Assertions.assertThat;

class ElevatorRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    static ElevatorDetails valid() {
        return new ElevatorDetails("31103301052008000123", "31999", ElevatorType.TRACTION, "奥的斯", "GeN2",
                LocalDate.of(2007, 10, 8), LocalDate.of(2008, 3, 15), 18, 1000, new BigDecimal("1.75"),
                UseCategory.RESIDENTIAL, new CommunityId(1), "3幢", "1单元", null, null, ElevatorStatus.IN_SERVICE,
                LocalDate.of(2026, 4, 10), LocalDate.of(2027, 4, 10));
    }

    static List<String> violations(UnaryOperator<Builder> change) {
        return ElevatorRules.check(change.apply(new Builder(valid())).build(), TODAY).stream()
                .map(v -> v.field() + ":" + v.messageKey()).toList();
    }

    @Test
    void aCompleteElevatorPasses() {
        assertThat(ElevatorRules.check(valid(), TODAY)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "3110330105200800012, elevator.registrationCode.format",
            "311033010520080001234, elevator.registrationCode.format",
            "3110330105200800012A, elevator.registrationCode.format",
            "9990330105200800012A, elevator.registrationCode.format",
            "99903301052008000123, elevator.registrationCode.category",
            "33103301052008000123, elevator.registrationCode.typeMismatch"})
    void registrationCodeFormatAndCategory(String code, String key) {
        assertThat(violations(b -> b.registrationCode(code))).containsExactly("registrationCode:" + key);
    }

    @Test
    void escalatorCodesNeedTheEscalatorType() {
        assertThat(violations(b -> b.registrationCode("33103301052008000123").type(ElevatorType.ESCALATOR)
                .ratedSpeed("0.50").ratedLoad(null).stops(2))).isEmpty();
        assertThat(violations(b -> b.registrationCode("33103301052008000123").type(ElevatorType.ESCALATOR)
                .ratedSpeed("0.80").ratedLoad(null).stops(2))).containsExactly("ratedSpeed:elevator.ratedSpeed.range");
    }

    @Test
    void datesAreNotInTheFutureAndInOrder() {
        assertThat(violations(b -> b.commissioned(TODAY))).isEmpty();
        assertThat(violations(b -> b.commissioned(TODAY.plusDays(1))))
                .containsExactly("commissioningDate:validation.date.future");
        assertThat(violations(b -> b.manufactured(LocalDate.of(2008, 3, 16))))
                .containsExactly("commissioningDate:elevator.commissioning.beforeManufacture");
        assertThat(violations(b -> b.manufactured(LocalDate.of(2008, 3, 15)))).isEmpty();
        assertThat(violations(b -> b.manufactured(LocalDate.of(1949, 12, 31))))
                .containsExactly("manufactureDate:validation.date.tooEarly");
        assertThat(violations(b -> b.lastInspection(TODAY.plusDays(1)).nextDue(TODAY.plusYears(1))))
                .containsExactly("lastInspectionDate:validation.date.future");
        assertThat(violations(b -> b.nextDue(LocalDate.of(2026, 4, 10))))
                .containsExactly("nextInspectionDue:elevator.inspection.dueNotAfterLast");
    }

    @ParameterizedTest
    @CsvSource({"1, stops:validation.range", "2, ''", "200, ''", "201, stops:validation.range"})
    void stopsWithinPhysicalRange(int stops, String expected) {
        assertThat(violations(b -> b.stops(stops))).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @ParameterizedTest
    @CsvSource({
            "TRACTION, 99, ratedLoadKg:elevator.ratedLoad.range",
            "TRACTION, 100, ''",
            "TRACTION, 20000, ''",
            "TRACTION, 20001, ratedLoadKg:elevator.ratedLoad.range",
            "DUMBWAITER, 300, ''",
            "DUMBWAITER, 301, ratedLoadKg:elevator.ratedLoad.range"})
    void ratedLoadWithinRangeForTheType(ElevatorType type, int load, String expected) {
        String code = type == ElevatorType.DUMBWAITER ? "34303301052008000123" : "31103301052008000123";
        List<String> found = violations(b -> b.type(type).registrationCode(code).ratedLoad(load).ratedSpeed("0.50"));
        assertThat(found).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @ParameterizedTest
    @CsvSource({"0.00, ratedSpeed:elevator.ratedSpeed.range", "21.00, ''", "21.01, ratedSpeed:elevator.ratedSpeed.range",
            "1.755, ratedSpeed:elevator.ratedSpeed.precision"})
    void ratedSpeedWithinRange(String speed, String expected) {
        assertThat(violations(b -> b.ratedSpeed(speed))).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @Test
    void missingFactsAreEachReported() {
        ElevatorDetails empty = new ElevatorDetails(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
        assertThat(ElevatorRules.check(empty.normalised(), TODAY)).extracting(Violation::field)
                .contains("registrationCode", "type", "brand", "manufactureDate", "commissioningDate", "stops",
                        "ratedSpeed", "useCategory", "communityId", "building", "unit");
    }

    /** Changes one fact of a valid elevator at a time. */
    record Builder(ElevatorDetails d) {
        Builder registrationCode(String v) { return new Builder(new ElevatorDetails(v, d.emergencyCode(), d.type(), d.brand(), d.model(), d.manufactureDate(), d.commissioningDate(), d.stops(), d.ratedLoadKg(), d.ratedSpeed(), d.useCategory(), d.communityId(), d.building(), d.unit(), d.useUnitId(), d.maintenanceCompanyId(), d.status(), d.lastInspectionDate(), d.nextInspectionDue())); }
        Builder type(ElevatorType v) { return new Builder(new ElevatorDetails(d.registrationCode(), d.emergencyCode(), v, d.brand(), d.model(), d.manufactureDate(), d.commissioningDate(), d.stops(), d.ratedLoadKg(), d.ratedSpeed(), d.useCategory(), d.communityId(), d.building(), d.unit(), d.useUnitId(), d.maintenanceCompanyId(), d.status(), d.lastInspectionDate(), d.nextInspectionDue())); }
        Builder manufactured(LocalDate v) { return new Builder(new ElevatorDetails(d.registrationCode(), d.emergencyCode(), d.type(), d.brand(), d.model(), v, d.commissioningDate(), d.stops(), d.ratedLoadKg(), d.ratedSpeed(), d.useCategory(), d.communityId(), d.building(), d.unit(), d.useUnitId(), d.maintenanceCompanyId(), d.status(), d.lastInspectionDate(), d.nextInspectionDue())); }
        Builder commissioned(LocalDate v) { return new Builder(new ElevatorDetails(d.registrationCode(), d.emergencyCode(), d.type(), d.brand(), d.model(), d.manufactureDate(), v, d.stops(), d.ratedLoadKg(), d.ratedSpeed(), d.useCategory(), d.communityId(), d.building(), d.unit(), d.useUnitId(), d.maintenanceCompanyId(), d.status(), v.isAfter(d.lastInspectionDate()) ? (v.isAfter(TODAY) ? TODAY : v) : d.lastInspectionDate(), d.nextInspectionDue())); }
        Builder stops(Integer v) { return new Builder(new ElevatorDetails(d.registrationCode(), d.emergencyCode(), d.type(), d.brand(), d.model(), d.manufactureDate(), d.commissioningDate(), v, d.ratedLoadKg(), d.ratedSpeed(), d.useCategory(), d.communityId(), d.building(), d.unit(), d.useUnitId(), d.maintenanceCompanyId(), d.status(), d.lastInspectionDate(), d.nextInspectionDue())); }
        Builder ratedLoad(Integer v) { return new Builder(new ElevatorDetails(d.registrationCode(), d.emergencyCode(), d.type(), d.brand(), d.model(), d.manufactureDate(), d.commissioningDate(), d.stops(), v, d.ratedSpeed(), d.useCategory(), d.communityId(), d.building(), d.unit(), d.useUnitId(), d.maintenanceCompanyId(), d.status(), d.lastInspectionDate(), d.nextInspectionDue())); }
        Builder ratedSpeed(String v) { return new Builder(new ElevatorDetails(d.registrationCode(), d.emergencyCode(), d.type(), d.brand(), d.model(), d.manufactureDate(), d.commissioningDate(), d.stops(), d.ratedLoadKg(), new BigDecimal(v), d.useCategory(), d.communityId(), d.building(), d.unit(), d.useUnitId(), d.maintenanceCompanyId(), d.status(), d.lastInspectionDate(), d.nextInspectionDue())); }
        Builder lastInspection(LocalDate v) { return new Builder(new ElevatorDetails(d.registrationCode(), d.emergencyCode(), d.type(), d.brand(), d.model(), d.manufactureDate(), d.commissioningDate(), d.stops(), d.ratedLoadKg(), d.ratedSpeed(), d.useCategory(), d.communityId(), d.building(), d.unit(), d.useUnitId(), d.maintenanceCompanyId(), d.status(), v, d.nextInspectionDue())); }
        Builder nextDue(LocalDate v) { return new Builder(new ElevatorDetails(d.registrationCode(), d.emergencyCode(), d.type(), d.brand(), d.model(), d.manufactureDate(), d.commissioningDate(), d.stops(), d.ratedLoadKg(), d.ratedSpeed(), d.useCategory(), d.communityId(), d.building(), d.unit(), d.useUnitId(), d.maintenanceCompanyId(), d.status(), d.lastInspectionDate(), v)); }
        ElevatorDetails build() { return d; }
    }
}
