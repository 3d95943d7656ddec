package cn.liftcare.policies.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.policies.Cover;
import cn.liftcare.policies.PolicyWork;
import cn.liftcare.policies.Quoting;
import cn.liftcare.registry.CommunityId;
import cn.liftcare.registry.CommunityQueries;
import cn.liftcare.registry.ElevatorFilter;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorStatus;
import cn.liftcare.registry.ElevatorSummary;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.RegionCode;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * The quote page (投保): a community's elevators to tick, the term, instalments and payers, and for a use
 * unit the insurer. "Price it" shows each elevator's calculation; "submit" quotes the policy and opens it.
 */
@Controller
@PreAuthorize("hasAnyRole('UNDERWRITER','PROPERTY_MANAGER','OWNERS_REP')")
class QuotePageController {

    static final Set<String> FIELDS = Set.of("elevatorIds", "termStart", "instalments", "insurerId", "payers");
    static final List<Integer> INSTALMENTS = List.of(1, 2, 4, 12);

    private final PolicyWork work;
    private final Quoting quoting;
    private final CommunityQueries communities;
    private final ElevatorQueries elevators;
    private final Cover cover;
    private final OrganizationDirectory organizations;
    private final LiftCareTime time;
    private final PolicyPageMessages messages;

    QuotePageController(PolicyWork work, Quoting quoting, CommunityQueries communities, ElevatorQueries elevators,
            Cover cover, OrganizationDirectory organizations, LiftCareTime time, PolicyPageMessages messages) {
        this.work = work;
        this.quoting = quoting;
        this.communities = communities;
        this.elevators = elevators;
        this.cover = cover;
        this.organizations = organizations;
        this.time = time;
        this.messages = messages;
    }

    static boolean canQuote(Scope scope) {
        return scope.hasAny(Role.UNDERWRITER, Role.PROPERTY_MANAGER, Role.OWNERS_REP);
    }

    @GetMapping("/policies/new")
    String form(Scope scope, @RequestParam MultiValueMap<String, String> params, Model model) {
        return page(scope, QuoteForm.of(params, defaultStart()), Map.of(), List.of(), model);
    }

    /** The community's elevators with their checkboxes, for htmx when the community or the term changes. */
    @GetMapping("/policies/new/elevators")
    String elevators(Scope scope, @RequestParam MultiValueMap<String, String> params, Model model) {
        QuoteForm form = QuoteForm.of(params, defaultStart());
        model.addAttribute("form", form);
        elevatorsOf(scope, form, model);
        return "policies/new :: elevators";
    }

    /** The breakdown of the ticked elevators, rated for the term's start (the subsidy comes with the policy). */
    @PostMapping("/policies/new/price")
    String price(Scope scope, @RequestParam MultiValueMap<String, String> params, Model model) {
        QuoteForm form = QuoteForm.of(params, null);
        LocalDate start = form.start() == null || outsideWindow(form.start()) ? time.today() : form.start();
        try {
            model.addAttribute("quotation", quoting.quote(scope, form.elevatorIdValues(), start));
        }
        catch (ValidationFailedException e) {
            model.addAttribute("priceProblems", e.violations().stream().map(messages::text).toList());
        }
        return "policies/new :: breakdown";
    }

    @PostMapping("/policies/new")
    String create(Scope scope, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        QuoteForm form = QuoteForm.of(params, null);
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (form.startUnreadable()) {
            errors.put("termStart", messages.text("validation.date"));
        }
        else if (form.start() != null && outsideWindow(form.start())) {
            errors.put("termStart", messages.text("policy.termStartWindow", PolicyApiController.PAST_DAYS,
                    PolicyApiController.AHEAD_DAYS));
        }
        if (errors.isEmpty()) {
            try {
                long id = work.quote(scope, form.command()).id();
                redirect.addFlashAttribute("done", "quote");
                return "redirect:/policies/" + id;
            }
            catch (ValidationFailedException e) {
                for (Violation v : e.violations()) {
                    String field = form.field(v.field());
                    if (FIELDS.contains(field) || field.startsWith("payer_")) {
                        errors.putIfAbsent(field, messages.text(v));
                    }
                    else {
                        problems.add(messages.text(v));
                    }
                }
            }
            catch (RuleViolationException e) {
                problems.add(messages.text(e));
            }
        }
        return page(scope, form, errors, problems, model);
    }

    private String page(Scope scope, QuoteForm form, Map<String, String> errors, List<String> problems, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        model.addAttribute("communities", communities.all(scope));
        model.addAttribute("insurers", insurers(scope));
        model.addAttribute("payerSources", QuoteForm.PAYERS);
        model.addAttribute("instalmentOptions", INSTALMENTS);
        elevatorsOf(scope, form, model);
        return "policies/new";
    }

    /** A community's elevators in the caller's scope (a use unit's are its own), and which are insured then. */
    private void elevatorsOf(Scope scope, QuoteForm form, Model model) {
        Long community = form.communityId();
        List<ElevatorSummary> rows = community != null && communities.find(scope, new CommunityId(community)).isPresent()
                ? notScrapped(elevators, scope, community) : List.of();
        LocalDate on = form.start() == null ? defaultStart() : form.start();
        model.addAttribute("elevatorRows", rows);
        model.addAttribute("insured", cover.insuredOn(rows.stream().map(ElevatorSummary::id).toList(), on).stream()
                .map(ElevatorId::value).collect(Collectors.toSet()));
        model.addAttribute("insuredOn", on);
        model.addAttribute("communityChosen", community != null);
    }

    /** The community's elevators in the caller's scope, all pages of them, but those scrapped. */
    static List<ElevatorSummary> notScrapped(ElevatorQueries elevators, Scope scope, long community) {
        ElevatorFilter filter = new ElevatorFilter(String.valueOf(community), null, null, null, null, null, null, null);
        List<ElevatorSummary> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result = elevators.list(scope, filter, page, ElevatorQueries.MAX_PAGE_SIZE);
            result.items().stream().filter(e -> e.status() != ElevatorStatus.SCRAPPED).forEach(rows::add);
            if (!result.hasNext()) {
                return rows;
            }
        }
    }

    /** An insurer quotes for itself; a use unit chooses among the insurers whose region covers its own. */
    private List<OrganizationView> insurers(Scope scope) {
        if (scope.organizationType() == OrganizationType.INSURER) {
            return List.of();
        }
        return organizations.ofType(Scope.SYSTEM, OrganizationType.INSURER).stream()
                .filter(o -> RegionCode.isValid(o.regionCode()) && new RegionCode(o.regionCode())
                        .covers(scope.region().value()))
                .toList();
    }

    private boolean outsideWindow(LocalDate start) {
        LocalDate today = time.today();
        return start.isBefore(today.minusDays(PolicyApiController.PAST_DAYS))
                || start.isAfter(today.plusDays(PolicyApiController.AHEAD_DAYS));
    }

    private LocalDate defaultStart() {
        return time.today().withDayOfMonth(1).plusMonths(1);
    }
}
