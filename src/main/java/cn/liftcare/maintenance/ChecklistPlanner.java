package cn.liftcare.maintenance;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Which items a visit must do: the cumulative tables of its class for the elevator's annex; the governor
 * speed calibration when its cycle is up (every 2 years up to 15 years of age, yearly after, for traction
 * elevators); and a seasonal item in its window before the season, until done.
 */
@Component
public class ChecklistPlanner {

    /** A cycle is met by a visit up to this many days early, so an annual visit a little early still counts. */
    static final int EARLY_DAYS = 30;

    private final MaintenanceCatalogue catalogue;

    ChecklistPlanner(MaintenanceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param lastDone the date each item was last done (a governor calibration and the seasonal items are
     *     the ones consulted)
     */
    public List<MaintenanceItem> dueItems(char annex, MaintenanceClass visitClass, LocalDate on,
            LocalDate commissioned, Map<String, LocalDate> lastDone) {
        List<MaintenanceItem> due = new ArrayList<>(catalogue.cumulative(annex, visitClass));
        if (visitClass == MaintenanceClass.YEAR) {
            catalogue.calibration(annex).filter(c -> calibrationDue(c, on, commissioned, lastDone.get(c.code())))
                    .ifPresent(due::add);
        }
        for (MaintenanceItem seasonal : catalogue.seasonal()) {
            if (seasonal.annex() != annex || due.contains(seasonal)) {
                continue;
            }
            Optional<LocalDate> windowStart = Season.of(seasonal).flatMap(s -> s.windowContaining(on));
            LocalDate done = lastDone.get(seasonal.code());
            if (windowStart.isPresent() && (done == null || done.isBefore(windowStart.get()))) {
                due.add(seasonal);
            }
        }
        return due;
    }

    /** The items whose last date decides whether they are due: the calibration and the seasonal items. */
    public List<String> cyclicalItems(char annex) {
        List<String> codes = new ArrayList<>();
        catalogue.calibration(annex).ifPresent(c -> codes.add(c.code()));
        catalogue.seasonal().stream().filter(i -> i.annex() == annex).forEach(i -> codes.add(i.code()));
        return codes;
    }

    static boolean calibrationDue(MaintenanceItem calibration, LocalDate on, LocalDate commissioned, LocalDate last) {
        if (last == null) {
            return true;
        }
        int age = Period.between(commissioned, on).getYears();
        int months = MaintenanceCatalogue.calibrationMonths(calibration, age);
        return !on.isBefore(last.plusMonths(months).minusDays(EARLY_DAYS));
    }
}
