package cn.liftcare.policies.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.util.MultiValueMap;

import cn.liftcare.policies.PayerShare;
import cn.liftcare.policies.PayerSource;
import cn.liftcare.policies.PolicyWork;

/**
 * The quote page's form as typed, kept as text so it can be shown again beside its errors. Each payer has
 * a percentage field ({@code payer_MAINTENANCE_FUND}, …); a blank or zero one is not a payer. A fresh form
 * has the maintenance fund pay everything.
 */
record QuoteForm(String community, List<String> elevatorIds, String termStart, String instalments,
        Map<PayerSource, String> percents, String insurerId) {

    static final List<PayerSource> PAYERS = List.of(PayerSource.MAINTENANCE_FUND, PayerSource.COMMON_INCOME,
            PayerSource.PROPERTY_COMPANY);

    static QuoteForm of(MultiValueMap<String, String> params, LocalDate defaultStart) {
        Map<PayerSource, String> percents = new LinkedHashMap<>();
        boolean fresh = PAYERS.stream().noneMatch(p -> params.containsKey("payer_" + p));
        PAYERS.forEach(p -> percents.put(p, fresh ? (p == PayerSource.MAINTENANCE_FUND ? "100" : "")
                : Objects.requireNonNullElse(params.getFirst("payer_" + p), "")));
        String start = params.getFirst("termStart");
        return new QuoteForm(params.getFirst("community"), params.getOrDefault("elevatorIds", List.of()),
                start == null && defaultStart != null ? defaultStart.toString() : start,
                Objects.requireNonNullElse(params.getFirst("instalments"), "1"), percents, params.getFirst("insurerId"));
    }

    Long communityId() {
        return number(community);
    }

    public boolean checked(long elevatorId) {
        return elevatorIds.contains(String.valueOf(elevatorId));
    }

    List<Long> elevatorIdValues() {
        return elevatorIds.stream().map(QuoteForm::number).filter(Objects::nonNull).distinct().toList();
    }

    /** The term's first day, or null when blank or not a date. */
    LocalDate start() {
        return date(termStart);
    }

    /** A day as a date input sends it (yyyy-MM-dd), or null when blank or not a date. */
    static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    boolean startUnreadable() {
        return termStart != null && !termStart.isBlank() && start() == null;
    }

    /** The payers in the order they are sent, those with a share other than blank or zero. */
    List<PayerSource> payerOrder() {
        return PAYERS.stream().filter(p -> {
            String text = percents.get(p);
            BigDecimal value = decimal(text);
            return text != null && !text.isBlank() && (value == null || value.signum() != 0);
        }).toList();
    }

    /** The form field a violation belongs to: {@code payers[1].percent} is the second payer's percentage. */
    String field(String violationField) {
        if (violationField != null && violationField.startsWith("payers[")) {
            int i = Integer.parseInt(violationField.substring(7, violationField.indexOf(']')));
            List<PayerSource> order = payerOrder();
            return i < order.size() ? "payer_" + order.get(i) : "payers";
        }
        return violationField;
    }

    PolicyWork.NewPolicy command() {
        List<PayerShare> payers = new ArrayList<>();
        payerOrder().forEach(p -> payers.add(new PayerShare(p, decimal(percents.get(p)))));
        Long count = number(instalments);
        // what is not a small number is sent as one the rule refuses, so the message names the field
        Integer instalmentCount = count != null && count > 0 && count <= 12 ? Integer.valueOf(count.intValue())
                : instalments == null || instalments.isBlank() ? null : -1;
        return new PolicyWork.NewPolicy(elevatorIdValues(), start(), instalmentCount, payers, number(insurerId));
    }

    private static Long number(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        }
        catch (NumberFormatException e) {
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
}
