package cn.liftcare.maintenance;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the box-ticking flags, configurable per district practice.
 *
 * @param minimumMinutes the shortest credible visit per class (defaults 30 / 45 / 60 / 120)
 * @param minimumSecondsPerItem below this average, an all-normal checklist is implausibly fast (default 20)
 */
@ConfigurationProperties("liftcare.maintenance")
public record MaintenanceSettings(Map<MaintenanceClass, Integer> minimumMinutes, Integer minimumSecondsPerItem) {

    public MaintenanceSettings {
        Map<MaintenanceClass, Integer> minutes = new EnumMap<>(MaintenanceClass.class);
        for (MaintenanceClass c : MaintenanceClass.values()) {
            minutes.put(c, c.defaultMinimumMinutes());
        }
        if (minimumMinutes != null) {
            minutes.putAll(minimumMinutes);
        }
        minimumMinutes = Map.copyOf(minutes);
        minimumSecondsPerItem = minimumSecondsPerItem == null ? 20 : minimumSecondsPerItem;
    }

    public int minimumMinutes(MaintenanceClass c) {
        return minimumMinutes.get(c);
    }
}
