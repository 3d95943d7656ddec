package cn.liftcare.policies.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.MultiValueMap;

import cn.liftcare.policies.SurveyFinding;
import cn.liftcare.policies.SurveyItem;
import cn.liftcare.policies.SurveyOutcome;
import cn.liftcare.policies.SurveyWork;

/**
 * The survey form as typed, kept as text so it can be shown again beside its errors: one result and note per
 * {@link SurveyItem}, in the enum's order ({@code items[i].result}, {@code items[i].note}), the outcome, and
 * the photos already uploaded. What does not parse is passed on as missing, and the rule names it.
 */
record SurveyForm(long elevatorId, String surveyedOn, String outcome, String note, String rectification,
        List<String> results, List<String> notes, List<Long> photoIds) {

    static SurveyForm empty(long elevatorId, LocalDate today) {
        int n = SurveyItem.values().length;
        return new SurveyForm(elevatorId, today.toString(), "", "", "", blanks(n), blanks(n), List.of());
    }

    static SurveyForm of(long elevatorId, MultiValueMap<String, String> form) {
        List<String> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < SurveyItem.values().length; i++) {
            results.add(form.getFirst("items[" + i + "].result"));
            notes.add(form.getFirst("items[" + i + "].note"));
        }
        List<Long> photos = form.getOrDefault("photoIds", List.of()).stream()
                .filter(s -> s != null && s.matches("\\d{1,18}")).map(Long::valueOf).distinct().toList();
        return new SurveyForm(elevatorId, form.getFirst("surveyedOn"), form.getFirst("outcome"), form.getFirst("note"),
                form.getFirst("rectification"), results, notes, photos);
    }

    SurveyForm withPhotos(List<Long> added) {
        List<Long> all = new ArrayList<>(photoIds);
        added.stream().filter(id -> !all.contains(id)).forEach(all::add);
        return new SurveyForm(elevatorId, surveyedOn, outcome, note, rectification, results, notes, all);
    }

    /** Whether the date was typed but is not a date (an empty one means today). */
    boolean badDate() {
        return !blank(surveyedOn) && date() == null;
    }

    SurveyWork.NewSurvey command() {
        List<SurveyFinding> items = new ArrayList<>();
        SurveyItem[] all = SurveyItem.values();
        for (int i = 0; i < all.length; i++) {
            items.add(new SurveyFinding(all[i], parse(results.get(i), SurveyItem.Result.class),
                    blank(notes.get(i)) ? null : notes.get(i).strip()));
        }
        return new SurveyWork.NewSurvey(elevatorId, date(), parse(outcome, SurveyOutcome.class), items, note,
                rectification, photoIds);
    }

    private LocalDate date() {
        try {
            return blank(surveyedOn) ? null : LocalDate.parse(surveyedOn.strip());
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(String text, Class<E> type) {
        try {
            return blank(text) ? null : Enum.valueOf(type, text.strip());
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static List<String> blanks(int n) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add("");
        }
        return list;
    }
}
