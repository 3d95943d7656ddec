package cn.liftcare.maintenance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * When an elevator is next due, and which class: the rules of TSG T5002 as pure functions of the dates of
 * its last completed visits. No more than {@code maxIntervalDays} (15, or more under approved on-demand
 * maintenance) may pass between visits; each class falls due its interval after the last visit that covered
 * it, and is done at the last visit before it would fall late.
 */
public final class MaintenanceSchedule {

    private final Map<MaintenanceClass, LocalDate> lastCovering;
    private final LocalDate lastVisit;
    private final LocalDate startsOn;
    private final int maxIntervalDays;

    /**
     * @param lastByClass the date of the last completed visit of each class (any class may be missing)
     * @param startsOn when the plan began, counted as the last visit while there has been none
     */
    public MaintenanceSchedule(Map<MaintenanceClass, LocalDate> lastByClass, LocalDate startsOn, int maxIntervalDays) {
        this.lastCovering = new EnumMap<>(MaintenanceClass.class);
        LocalDate latest = null;
        for (MaintenanceClass c : MaintenanceClass.values()) {
            LocalDate covering = null;
            for (Map.Entry<MaintenanceClass, LocalDate> e : lastByClass.entrySet()) {
                if (e.getKey().covers(c) && e.getValue() != null && (covering == null || e.getValue().isAfter(covering))) {
                    covering = e.getValue();
                }
            }
            if (covering != null) {
                lastCovering.put(c, covering);
            }
        }
        for (LocalDate d : lastByClass.values()) {
            if (d != null && (latest == null || d.isAfter(latest))) {
                latest = d;
            }
        }
        this.lastVisit = latest;
        this.startsOn = startsOn;
        this.maxIntervalDays = maxIntervalDays;
    }

    public Optional<LocalDate> lastVisit() {
        return Optional.ofNullable(lastVisit);
    }

    /** The latest day the next visit may happen without the elevator falling overdue. */
    public LocalDate nextVisitDue() {
        return (lastVisit != null ? lastVisit : startsOn).plusDays(maxIntervalDays);
    }

    /** 超期未保: more than the maximum interval has passed since the last completed visit. */
    public boolean isOverdue(LocalDate today) {
        return today.isAfter(nextVisitDue());
    }

    public long daysOverdue(LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(nextVisitDue(), today));
    }

    /** The day a class falls due: its interval after the last visit that covered it. */
    public LocalDate classDue(MaintenanceClass c) {
        return lastCovering.getOrDefault(c, startsOn).plusDays(c.intervalDays());
    }

    /**
     * The class a visit on {@code day} must be: the highest class that would be late by the following visit
     * (a half-monthly interval on), or half-monthly.
     */
    public MaintenanceClass classFor(LocalDate day) {
        MaintenanceClass due = MaintenanceClass.HALF_MONTH;
        for (MaintenanceClass c : MaintenanceClass.values()) {
            if (c != MaintenanceClass.HALF_MONTH
                    && day.plusDays(MaintenanceClass.HALF_MONTH.intervalDays()).isAfter(classDue(c))) {
                due = c;
            }
        }
        return due;
    }
}
