package cn.liftcare.claims.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.util.MultiValueMap;

import cn.liftcare.claims.Cause;
import cn.liftcare.claims.ClaimDesk;
import cn.liftcare.incidents.RepairPart;

/**
 * The claim form as typed, kept as text so it can be shown again beside its errors. Part lines come as parallel
 * lists (partId, action, quantity, unitPrice), one entry per line, as the repair form sends them. What is typed
 * but does not parse is named by {@link #typos()}; what is missing is passed on as missing, and the rule names it.
 */
record ClaimForm(String elevator, String section, String lossDate, String cause, String labourHours, String incidentId,
        String description, String idempotencyKey, List<Line> lines) {

    record Line(String partId, String action, String quantity, String unitPrice) {
    }

    static ClaimForm empty(String elevator, LocalDate today) {
        return new ClaimForm(elevator == null ? "" : elevator, "PARTS", today.toString(), "WEAR", "", "", "",
                UUID.randomUUID().toString(), List.of());
    }

    static ClaimForm of(MultiValueMap<String, String> form) {
        List<String> ids = form.getOrDefault("partId", List.of());
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            lines.add(new Line(ids.get(i), at(form, "action", i), at(form, "quantity", i), at(form, "unitPrice", i)));
        }
        String key = form.getFirst("idempotencyKey");
        return new ClaimForm(form.getFirst("elevator"), form.getFirst("section"), form.getFirst("lossDate"),
                form.getFirst("cause"), form.getFirst("labourHours"), form.getFirst("incidentId"),
                form.getFirst("description"), key == null || key.isBlank() ? UUID.randomUUID().toString() : key, lines);
    }

    /** Fields typed in a form that does not parse, with the message key to show beside each. */
    Map<String, String> typos() {
        Map<String, String> typos = new LinkedHashMap<>();
        if (!blank(lossDate) && date(lossDate) == null) {
            typos.put("lossDate", "validation.date");
        }
        if (!blank(labourHours) && decimal(labourHours) == null) {
            typos.put("labourHours", "claim.hours");
        }
        if (!blank(incidentId) && integer(incidentId) == null) {
            typos.put("incidentId", "claim.incident");
        }
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (!blank(l.quantity()) && integer(l.quantity()) == null) {
                typos.put("lines[" + i + "].quantity", "claim.quantity");
            }
            if (!blank(l.unitPrice()) && ClaimPageController.money(l.unitPrice()) == null) {
                typos.put("lines[" + i + "].unitPrice", "claim.page.amountFormat");
            }
        }
        return typos;
    }

    ClaimDesk.NewClaim command(Long elevatorId) {
        return new ClaimDesk.NewClaim(elevatorId, blank(section) ? null : section.strip(), date(lossDate),
                parse(cause, Cause.class), lines.stream().map(l -> new ClaimDesk.NewLine(integer(l.partId()),
                        parse(l.action(), RepairPart.Action.class), quantity(l.quantity()),
                        blank(l.unitPrice()) ? null : ClaimPageController.money(l.unitPrice()))).toList(),
                decimal(labourHours), integer(incidentId), blank(description) ? null : description.strip(), idempotencyKey);
    }

    private static String at(MultiValueMap<String, String> form, String name, int i) {
        List<String> values = form.getOrDefault(name, List.of());
        return i < values.size() ? values.get(i) : null;
    }

    private static <E extends Enum<E>> E parse(String text, Class<E> type) {
        try {
            return blank(text) ? null : Enum.valueOf(type, text.strip());
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        try {
            return blank(text) ? null : LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return blank(text) ? null : new BigDecimal(text.strip());
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long integer(String text) {
        return text != null && text.strip().matches("\\d{1,18}") ? Long.valueOf(text.strip()) : null;
    }

    private static Integer quantity(String text) {
        Long value = integer(text);
        return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
