package cn.liftcare.maintenance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The 257 items of TSG T5002-2017 Annexes A–D, read once from the project's own copy of the regulation's
 * tables ({@code maintenance/tsg-t5002-2017-items.csv}), plus the governor speed calibrations that the notes
 * of A-4-06, B-4-04 and C-4-06 put on cycles of their own.
 */
@Component
public class MaintenanceCatalogue {

    static final String RESOURCE = "/maintenance/tsg-t5002-2017-items.csv";

    private final Map<String, MaintenanceItem> byCode;

    MaintenanceCatalogue() {
        Map<String, MaintenanceItem> items = new LinkedHashMap<>();
        for (MaintenanceItem item : read()) {
            items.put(item.code(), item);
            calibrationOf(item).ifPresent(c -> items.put(c.code(), c));
        }
        this.byCode = Collections.unmodifiableMap(items);
    }

    /** The regulation's own rows, without derived items. */
    public List<MaintenanceItem> regulationItems() {
        return byCode.values().stream().filter(i -> !isCalibration(i)).toList();
    }

    public Optional<MaintenanceItem> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Every item a visit of the class does on an elevator of the annex: its table and all lower ones. */
    public List<MaintenanceItem> cumulative(char annex, MaintenanceClass visitClass) {
        return byCode.values().stream()
                .filter(i -> i.annex() == annex && visitClass.covers(i.maintenanceClass()) && !isCalibration(i))
                .toList();
    }

    /** The governor speed calibration of the annex, if the annex has one. */
    public Optional<MaintenanceItem> calibration(char annex) {
        return byCode.values().stream().filter(i -> i.annex() == annex && isCalibration(i)).findFirst();
    }

    /** The seasonal items: escalator water-ingress protection before the rainy season, step heating before winter. */
    public List<MaintenanceItem> seasonal() {
        return byCode.values().stream().filter(i -> Season.of(i).isPresent()).toList();
    }

    static boolean isCalibration(MaintenanceItem item) {
        return item.code().endsWith("C");
    }

    /** The cycle, in months, of a governor calibration; for annex A it depends on the governor's age. */
    static int calibrationMonths(MaintenanceItem calibration, int elevatorAgeYears) {
        return switch (calibration.annex()) {
            case 'A' -> elevatorAgeYears > 15 ? 12 : 24;
            case 'B' -> 24;
            default -> 60;
        };
    }

    private static Optional<MaintenanceItem> calibrationOf(MaintenanceItem item) {
        if (item.maintenanceClass() != MaintenanceClass.YEAR || !item.item().startsWith("限速器安全钳联动试验")) {
            return Optional.empty();
        }
        return Optional.of(new MaintenanceItem(item.annex(), MaintenanceClass.YEAR, item.seq(), item.code() + "C",
                "限速器动作速度校验", "动作速度符合要求（" + item.note() + "）", MaintenanceItem.Judgement.QUALITATIVE, null,
                null, null, item.note()));
    }

    private static List<MaintenanceItem> read() {
        List<MaintenanceItem> items = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                MaintenanceCatalogue.class.getResourceAsStream(RESOURCE), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null || !header.startsWith("annex,interval,seq,code")) {
                throw new IllegalStateException("unexpected header in " + RESOURCE);
            }
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 11) {
                    throw new IllegalStateException("expected 11 columns in " + RESOURCE + ": " + line);
                }
                items.add(new MaintenanceItem(f[0].charAt(0), MaintenanceClass.valueOf(f[1]), Integer.parseInt(f[2]), f[3],
                        f[4], f[5], MaintenanceItem.Judgement.valueOf(f[6]), decimal(f[7]), decimal(f[8]),
                        f[9].isEmpty() ? null : f[9], f[10].isEmpty() ? null : f[10]));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    private static BigDecimal decimal(String s) {
        return s.isEmpty() ? null : new BigDecimal(s);
    }
}
