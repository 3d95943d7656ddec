package cn.liftcare.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import cn.liftcare.identity.UserId;
import cn.liftcare.incidents.FaultLocation;
import cn.liftcare.incidents.Part;
import cn.liftcare.incidents.PastIncident;
import cn.liftcare.incidents.RepairPart;
import cn.liftcare.incidents.RepairWork;
import cn.liftcare.incidents.Symptom;

/**
 * The repairs a year of faults needed: parts of the category the symptom points to (door faults, doors),
 * cheap wearing parts far more often than machines; priced at or a little below the guide price, a few
 * orders well above it; labour near the parts' norm.
 */
final class DemoRepairs {

    private static final String[] DEFECTS = {"磨损严重", "老化失效", "损坏", "接触不良", "性能下降"};

    private final Map<String, List<Part>> byCategory;
    private final Random random;

    DemoRepairs(List<Part> catalogue, Random random) {
        this.byCategory = catalogue.stream().collect(Collectors.groupingBy(Part::category));
        this.random = random;
    }

    /** The repair of a fault whose rescuer arrived at {@code arrivedAt} and had it running at {@code restoredAt}. */
    PastIncident.PastRepair repair(Symptom symptom, boolean escalator, String brand, Instant arrivedAt,
            Instant restoredAt, UserId by) {
        String category = escalator ? "ESCALATOR" : category(symptom);
        List<Part> candidates = byCategory.getOrDefault(category, List.of()).stream().filter(p -> p.fits(brand)).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        int lines = random.nextInt(100) < 75 ? 1 : random.nextInt(100) < 88 ? 2 : 3;
        boolean overpriced = random.nextInt(100) < 5;
        List<Part> chosen = new ArrayList<>();
        for (int i = 0; i < lines && chosen.size() < candidates.size(); i++) {
            Part part = cheapFirst(candidates);
            if (!chosen.contains(part)) {
                chosen.add(part);
            }
        }
        List<RepairWork.PartLine> partLines = new ArrayList<>();
        double norm = 0;
        for (Part part : chosen) {
            boolean repair = random.nextInt(100) < 10;
            BigDecimal guide = part.guidePrice().amount();
            double factor = repair ? 0.35 + 0.2 * random.nextDouble()
                    : overpriced && partLines.isEmpty() ? 1.4 + 0.6 * random.nextDouble()
                    : random.nextInt(100) < 60 ? 1.0 : 0.85 + 0.14 * random.nextDouble();
            BigDecimal price = guide.multiply(BigDecimal.valueOf(factor)).setScale(0, RoundingMode.HALF_UP).setScale(2);
            int quantity = guide.compareTo(BigDecimal.valueOf(200)) < 0 ? 1 + random.nextInt(4)
                    : "ROPE".equals(part.code()) ? 4 + random.nextInt(3) : 1;
            partLines.add(new RepairWork.PartLine(part.id().value(),
                    repair ? RepairPart.Action.REPAIR : RepairPart.Action.REPLACE, quantity, price));
            norm += part.labourHours().doubleValue();
        }
        double hours = Math.max(0.5, Math.round(norm * (0.8 + 0.5 * random.nextDouble()) * 2) / 2.0);
        Part first = chosen.get(0);
        String action = partLines.get(0).action() == RepairPart.Action.REPAIR ? "维修" : "更换";
        String diagnosis = "检查发现" + first.nameZh() + DEFECTS[random.nextInt(DEFECTS.length)] + "，已" + action
                + (chosen.size() > 1 ? "，并处理" + chosen.get(1).nameZh() : "") + "，试运行正常。";
        Instant openedAt = arrivedAt.plusSeconds(300 + random.nextInt(1200));
        Instant completedAt = restoredAt.isAfter(openedAt) ? restoredAt : openedAt.plusSeconds(1200);
        return new PastIncident.PastRepair(null, openedAt, diagnosis, location(first.category()),
                BigDecimal.valueOf(hours).setScale(1, RoundingMode.HALF_UP), partLines, completedAt, by);
    }

    private String category(Symptom symptom) {
        int roll = random.nextInt(100);
        return switch (symptom) {
            case TRAPPED -> roll < 50 ? "DOORS" : roll < 75 ? "CONTROLLER" : roll < 90 ? "SHAFT" : "MACHINE";
            case DOOR_FAULT -> roll < 85 ? "DOORS" : roll < 95 ? "LANDING" : "CAR";
            case STOPPED, ALARM -> roll < 35 ? "CONTROLLER" : roll < 55 ? "MACHINE" : roll < 75 ? "DOORS"
                    : roll < 90 ? "SHAFT" : roll < 95 ? "GOVERNOR" : "SUSPENSION";
            case NOISE -> roll < 40 ? "CAR" : roll < 65 ? "MACHINE" : roll < 85 ? "DOORS" : "SUSPENSION";
            case OTHER -> roll < 50 ? "CAR" : roll < 90 ? "LANDING" : "PIT";
        };
    }

    /** A part drawn with odds falling with its price: sliders and rollers wear out, machines seldom do. */
    private Part cheapFirst(List<Part> candidates) {
        double[] weights = candidates.stream().mapToDouble(p -> Math.pow(p.guidePrice().amount().doubleValue(), -0.8))
                .toArray();
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double roll = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll <= 0) {
                return candidates.get(i);
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    static FaultLocation location(String category) {
        return switch (category) {
            case "DOORS" -> FaultLocation.DOORS;
            case "CAR" -> FaultLocation.CAR;
            case "PIT" -> FaultLocation.PIT;
            case "LANDING" -> FaultLocation.LANDING_FIXTURES;
            case "CONTROLLER" -> FaultLocation.CONTROLLER;
            case "MACHINE", "GOVERNOR" -> FaultLocation.MACHINE_GOVERNOR;
            case "SHAFT", "SUSPENSION" -> FaultLocation.SHAFT;
            default -> FaultLocation.OTHER;
        };
    }
}
