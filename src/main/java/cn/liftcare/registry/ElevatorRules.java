package cn.liftcare.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.liftcare.shared.Violation;

/**
 * The rules an elevator's facts must meet on their own: code formats, dates in order and not in the
 * future, ratings within physical ranges for the type. Uniqueness and references need the database and
 * are checked by {@link ElevatorRegistry}.
 */
public final class ElevatorRules {

    static final Pattern REGISTRATION_CODE = Pattern.compile("\\d{20}");
    static final Pattern EMERGENCY_CODE = Pattern.compile("\\d{5,8}");
    static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    private ElevatorRules() {
    }

    public static List<Violation> check(ElevatorDetails d, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        checkRegistrationCode(v, d);
        if (d.emergencyCode() != null && !EMERGENCY_CODE.matcher(d.emergencyCode()).matches()) {
            v.add(Violation.of("emergencyCode", "elevator.emergencyCode.format"));
        }
        required(v, "type", d.type());
        requiredText(v, "brand", d.brand(), 60);
        if (d.model() != null && d.model().length() > 60) {
            v.add(Violation.of("model", "validation.tooLong", 60));
        }
        checkDates(v, d, today);
        checkRatings(v, d);
        required(v, "useCategory", d.useCategory());
        required(v, "communityId", d.communityId());
        requiredText(v, "building", d.building(), 40);
        requiredText(v, "unit", d.unit(), 40);
        return v;
    }

    private static void checkRegistrationCode(List<Violation> v, ElevatorDetails d) {
        String code = d.registrationCode();
        if (code == null) {
            v.add(Violation.of("registrationCode", "validation.required"));
        }
        else if (!REGISTRATION_CODE.matcher(code).matches()) {
            v.add(Violation.of("registrationCode", "elevator.registrationCode.format", code.length()));
        }
        else {
            String category = code.substring(0, 4);
            ElevatorType byCode = ElevatorType.forCategory(category);
            if (byCode == null) {
                v.add(Violation.of("registrationCode", "elevator.registrationCode.category", category));
            }
            else if (d.type() != null && !d.type().acceptsCategory(category)) {
                v.add(Violation.of("registrationCode", "elevator.registrationCode.typeMismatch", category,
                        Violation.label(byCode), Violation.label(d.type())));
            }
        }
    }

    private static void checkDates(List<Violation> v, ElevatorDetails d, LocalDate today) {
        pastDate(v, "manufactureDate", d.manufactureDate(), today, true);
        pastDate(v, "commissioningDate", d.commissioningDate(), today, true);
        if (d.manufactureDate() != null && d.commissioningDate() != null
                && d.commissioningDate().isBefore(d.manufactureDate())) {
            v.add(Violation.of("commissioningDate", "elevator.commissioning.beforeManufacture"));
        }
        pastDate(v, "lastInspectionDate", d.lastInspectionDate(), today, false);
        if (d.lastInspectionDate() != null && d.commissioningDate() != null
                && d.lastInspectionDate().isBefore(d.commissioningDate().minusMonths(1))) {
            v.add(Violation.of("lastInspectionDate", "elevator.inspection.beforeCommissioning"));
        }
        if (d.nextInspectionDue() != null) {
            if (d.lastInspectionDate() != null && !d.nextInspectionDue().isAfter(d.lastInspectionDate())) {
                v.add(Violation.of("nextInspectionDue", "elevator.inspection.dueNotAfterLast"));
            }
            else if (d.nextInspectionDue().isAfter(today.plusYears(3))) {
                v.add(Violation.of("nextInspectionDue", "elevator.inspection.dueTooFar"));
            }
        }
    }

    private static void pastDate(List<Violation> v, String field, LocalDate date, LocalDate today, boolean required) {
        if (date == null) {
            if (required) {
                v.add(Violation.of(field, "validation.required"));
            }
        }
        else if (date.isAfter(today)) {
            v.add(Violation.of(field, "validation.date.future"));
        }
        else if (date.isBefore(EARLIEST)) {
            v.add(Violation.of(field, "validation.date.tooEarly", EARLIEST.getYear()));
        }
    }

    private static void checkRatings(List<Violation> v, ElevatorDetails d) {
        ElevatorType type = d.type();
        if (d.stops() == null) {
            v.add(Violation.of("stops", "validation.required"));
        }
        else if (d.stops() < 2 || d.stops() > 200) {
            v.add(Violation.of("stops", "validation.range", 2, 200));
        }
        if (type != null && !type.isEscalatorOrWalk()) {
            int max = type == ElevatorType.DUMBWAITER ? 300 : 20_000;
            int min = type == ElevatorType.DUMBWAITER ? 50 : 100;
            if (d.ratedLoadKg() == null) {
                v.add(Violation.of("ratedLoadKg", "validation.required"));
            }
            else if (d.ratedLoadKg() < min || d.ratedLoadKg() > max) {
                v.add(Violation.of("ratedLoadKg", "elevator.ratedLoad.range", min, max, Violation.label(type)));
            }
        }
        else if (d.ratedLoadKg() != null && (d.ratedLoadKg() < 50 || d.ratedLoadKg() > 20_000)) {
            v.add(Violation.of("ratedLoadKg", "elevator.ratedLoad.range", 50, 20_000, type == null ? "" : Violation.label(type)));
        }
        if (d.ratedSpeed() == null) {
            v.add(Violation.of("ratedSpeed", "validation.required"));
        }
        else if (type != null) {
            BigDecimal max = maxSpeed(type);
            if (d.ratedSpeed().signum() <= 0 || d.ratedSpeed().compareTo(max) > 0) {
                v.add(Violation.of("ratedSpeed", "elevator.ratedSpeed.range", max.toPlainString(), Violation.label(type)));
            }
            else if (d.ratedSpeed().scale() > 2) {
                v.add(Violation.of("ratedSpeed", "elevator.ratedSpeed.precision"));
            }
        }
    }

    /** Physical ceilings: the fastest lifts run at 21 m/s; GB 16899 caps escalators at 0.75 and walks at 0.9. */
    static BigDecimal maxSpeed(ElevatorType type) {
        return switch (type) {
            case TRACTION -> new BigDecimal("21.00");
            case POSITIVE_DRIVE -> new BigDecimal("0.63");
            case HYDRAULIC, DUMBWAITER -> new BigDecimal("1.00");
            case ESCALATOR -> new BigDecimal("0.75");
            case MOVING_WALK -> new BigDecimal("0.90");
        };
    }

    private static void required(List<Violation> v, String field, Object value) {
        if (value == null) {
            v.add(Violation.of(field, "validation.required"));
        }
    }

    private static void requiredText(List<Violation> v, String field, String value, int max) {
        if (value == null) {
            v.add(Violation.of(field, "validation.required"));
        }
        else if (value.length() > max) {
            v.add(Violation.of(field, "validation.tooLong", max));
        }
    }
}
