package cn.liftcare.policies.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.policies.PolicyQueries;
import cn.liftcare.policies.SurveyId;
import cn.liftcare.policies.SurveyItem;
import cn.liftcare.policies.SurveyOutcome;
import cn.liftcare.policies.SurveyView;
import cn.liftcare.policies.SurveyWork;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;

/**
 * Risk surveys (风险查勘): the queue of elevators on quoted policies still waiting for one, the supervisor's
 * phone form with its photos, one survey, and the supervisor's confirmation that a rectification was done.
 */
@Controller
class SurveyPageController {

    static final String READERS = "hasAnyRole('SUPERVISOR','UNDERWRITER','REGULATOR','ADMIN','PROPERTY_MANAGER',"
            + "'SAFETY_MANAGER','OWNERS_REP')";
    private static final Pattern FORM_FIELDS = Pattern.compile(
            "items(\\[\\d+](\\.note)?)?|outcome|rectification|note|photoIds|surveyedOn");
    private static final Predicate<String> SHOWN = field -> FORM_FIELDS.matcher(field).matches();

    private final SurveyWork surveys;
    private final PolicyQueries queries;
    private final ElevatorRegistry registry;
    private final ElevatorQueries elevators;
    private final OrganizationDirectory organizations;
    private final LiftCareTime time;
    private final FieldMessages messages;

    SurveyPageController(SurveyWork surveys, PolicyQueries queries, ElevatorRegistry registry, ElevatorQueries elevators,
            OrganizationDirectory organizations, LiftCareTime time, FieldMessages messages) {
        this.surveys = surveys;
        this.queries = queries;
        this.registry = registry;
        this.elevators = elevators;
        this.organizations = organizations;
        this.time = time;
        this.messages = messages;
    }

    /** The elevators of one community waiting for a survey. */
    record CommunityQueue(long communityId, String communityName, List<PolicyQueries.SurveyDue> elevators) {
    }

    @GetMapping("/surveys")
    @PreAuthorize(READERS)
    String queue(Scope scope, Model model) {
        Map<Long, CommunityQueue> byCommunity = new LinkedHashMap<>();
        queries.surveysDue(scope).stream()
                .sorted(Comparator.comparing(d -> d.communityName() == null ? "" : d.communityName()))
                .forEach(d -> byCommunity.computeIfAbsent(d.communityId(),
                        c -> new CommunityQueue(c, d.communityName(), new ArrayList<>())).elevators().add(d));
        List<SurveyView> recent = surveys.recent(scope, 30);
        model.addAttribute("queue", byCommunity.values());
        model.addAttribute("recent", recent);
        model.addAttribute("codes", codes(recent.stream().map(SurveyView::elevatorId).toList()));
        model.addAttribute("communities", elevators.communityNames(recent.stream().map(SurveyView::communityId)
                .distinct().toList()));
        model.addAttribute("canRecord", scope.has(Role.SUPERVISOR));
        return "surveys/queue";
    }

    @GetMapping("/surveys/new")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String form(Scope scope, @RequestParam long elevator, Model model) {
        return form(scope, SurveyForm.empty(elevator, time.today()), Map.of(), List.of(), model);
    }

    @PostMapping("/surveys/new")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String record(Scope scope, @RequestParam long elevator, @RequestParam MultiValueMap<String, String> params,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model) throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Long> uploaded = new ArrayList<>();
        for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
            if (photo.isEmpty()) {
                continue;
            }
            try {
                uploaded.add(surveys.uploadPhoto(scope, photo.getBytes()));
            }
            catch (ValidationFailedException e) {
                errors.putIfAbsent("photoIds", messages.text(e.violations().get(0)));
            }
        }
        SurveyForm form = SurveyForm.of(elevator, params).withPhotos(uploaded);
        if (form.badDate()) {
            errors.put("surveyedOn", messages.text("validation.date"));
        }
        List<String> problems = List.of();
        if (errors.isEmpty()) {
            try {
                return "redirect:/surveys/" + surveys.record(scope, form.command()).id();
            }
            catch (ValidationFailedException e) {
                errors.putAll(messages.byField(e, SHOWN));
                problems = messages.others(e, SHOWN);
            }
        }
        return form(scope, form, errors, problems, model);
    }

    private String form(Scope scope, SurveyForm form, Map<String, String> errors, List<String> problems, Model model) {
        ElevatorSnapshot elevator = registry.find(scope, new ElevatorId(form.elevatorId()))
                .orElseThrow(() -> new NotFoundException("elevator", form.elevatorId()));
        model.addAttribute("elevator", elevator);
        model.addAttribute("communityName", elevators.communityNames(List.of(elevator.communityId().value()))
                .get(elevator.communityId().value()));
        model.addAttribute("latest", surveys.latest(List.of(form.elevatorId())).get(form.elevatorId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        model.addAttribute("items", SurveyItem.values());
        model.addAttribute("results", SurveyItem.Result.values());
        model.addAttribute("outcomes", SurveyOutcome.values());
        model.addAttribute("today", time.today());
        return "surveys/form";
    }

    @GetMapping("/surveys/{id}")
    @PreAuthorize(READERS)
    String survey(Scope scope, @PathVariable long id, Model model) {
        return survey(scope, surveys.find(scope, new SurveyId(id)), time.today().toString(), Map.of(), List.of(), model);
    }

    @PostMapping("/surveys/{id}/rectification")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String rectified(Scope scope, @PathVariable long id, @RequestParam(required = false) String rectifiedOn, Model model,
            RedirectAttributes redirect) {
        SurveyView survey = surveys.find(scope, new SurveyId(id));
        LocalDate on;
        try {
            on = rectifiedOn == null || rectifiedOn.isBlank() ? null : LocalDate.parse(rectifiedOn.strip());
        }
        catch (DateTimeParseException e) {
            return survey(scope, survey, rectifiedOn, Map.of("rectifiedOn", messages.text("validation.date")), List.of(),
                    model);
        }
        try {
            surveys.confirmRectified(scope, new SurveyId(id), on);
            redirect.addFlashAttribute("rectified", true);
            return "redirect:/surveys/" + id;
        }
        catch (ValidationFailedException e) {
            return survey(scope, survey, rectifiedOn, messages.byField(e, "rectifiedOn"::equals),
                    messages.others(e, "rectifiedOn"::equals), model);
        }
        catch (RuleViolationException e) {
            return "rectifiedOn".equals(e.properties().get("field"))
                    ? survey(scope, survey, rectifiedOn, Map.of("rectifiedOn", messages.text(e)), List.of(), model)
                    : survey(scope, survey, rectifiedOn, Map.of(), List.of(messages.text(e)), model);
        }
    }

    private String survey(Scope scope, SurveyView survey, String rectifiedOn, Map<String, String> errors,
            List<String> problems, Model model) {
        OrganizationView supervisor = organizations.byIds(List.of(new OrganizationId(survey.supervisorId())))
                .get(new OrganizationId(survey.supervisorId()));
        model.addAttribute("s", survey);
        model.addAttribute("code", codes(List.of(survey.elevatorId())).get(survey.elevatorId()));
        model.addAttribute("communityName", elevators.communityNames(List.of(survey.communityId()))
                .get(survey.communityId()));
        model.addAttribute("supervisorName", supervisor == null ? null : supervisor.displayName());
        model.addAttribute("canRectify", scope.has(Role.SUPERVISOR) && survey.outcome() == SurveyOutcome.RECTIFY
                && survey.rectifiedOn() == null);
        model.addAttribute("rectifiedOn", rectifiedOn);
        model.addAttribute("today", time.today());
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        return "surveys/detail";
    }

    @GetMapping("/surveys/photos/{id}")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> photo(Scope scope, @PathVariable long id) {
        var photo = surveys.photo(scope, id);
        return ResponseEntity.ok().header("Content-Type", photo.contentType())
                .header("Cache-Control", "private, max-age=3600").body(photo.bytes());
    }

    private Map<Long, String> codes(List<Long> elevatorIds) {
        Map<Long, String> codes = new HashMap<>();
        registry.snapshots(elevatorIds.stream().distinct().map(ElevatorId::new).toList())
                .forEach((id, e) -> codes.put(id.value(), e.registrationCode()));
        return codes;
    }
}
