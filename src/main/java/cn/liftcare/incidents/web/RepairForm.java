package cn.liftcare.incidents.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.MultiValueMap;

import cn.liftcare.incidents.FaultLocation;
import cn.liftcare.incidents.RepairPart;
import cn.liftcare.incidents.RepairWork;

/**
 * The repair completion form as typed: kept as text so it can be shown again beside its errors. Part lines
 * come as parallel lists (partId, action, quantity, unitPrice), one entry per line. What does not parse is
 * passed on as missing, and the rule names it.
 */
record RepairForm(String diagnosis, String faultLocation, String labourHours, String beforePhotoId,
        String afterPhotoId, List<Line> lines) {

    record Line(String partId, String action, String quantity, String unitPrice) {
    }

    static RepairForm empty() {
        return new RepairForm("", "", "", "", "", List.of());
    }

    static RepairForm of(MultiValueMap<String, String> form) {
        List<String> ids = form.getOrDefault("partId", List.of());
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            lines.add(new Line(ids.get(i), at(form, "action", i), at(form, "quantity", i), at(form, "unitPrice", i)));
        }
        return new RepairForm(form.getFirst("diagnosis"), form.getFirst("faultLocation"), form.getFirst("labourHours"),
                form.getFirst("photo_before"), form.getFirst("photo_after"), lines);
    }

    RepairWork.CompleteRepair command() {
        return new RepairWork.CompleteRepair(diagnosis, parse(faultLocation, FaultLocation.class),
                decimal(labourHours), integer(beforePhotoId), integer(afterPhotoId), null, null,
                lines.stream().map(l -> new RepairWork.PartLine(integer(l.partId()),
                        parse(l.action(), RepairPart.Action.class), quantity(l.quantity()), decimal(l.unitPrice())))
                        .toList());
    }

    private static String at(MultiValueMap<String, String> form, String name, int i) {
        List<String> values = form.getOrDefault(name, List.of());
        return i < values.size() ? values.get(i) : null;
    }

    private static <E extends Enum<E>> E parse(String text, Class<E> type) {
        try {
            return text == null || text.isBlank() ? null : Enum.valueOf(type, text.strip());
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long integer(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer quantity(String text) {
        Long value = integer(text);
        return value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? null : value.intValue();
    }
}
