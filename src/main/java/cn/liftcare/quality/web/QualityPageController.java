package cn.liftcare.quality.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liftcare.identity.Scope;
import cn.liftcare.quality.Indicator;
import cn.liftcare.quality.Period;
import cn.liftcare.quality.PeriodClose;
import cn.liftcare.quality.QualityQueries;
import cn.liftcare.quality.QualityScoring;
import cn.liftcare.quality.SatisfactionVotes;
import cn.liftcare.quality.SpotChecks;
import cn.liftcare.quality.Standard;
import cn.liftcare.quality.StandardBook;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorView;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.TooManyRequestsException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Quality as pages: the ranking per level with the regulator's recompute and close, a company's scorecard with its
 * trend and drill-down, the supervisor's spot-check sample and form (phone), the standard editor, and the
 * residents' vote on the public page.
 */
@Controller
class QualityPageController {

    static final String CHECKERS = "hasRole('SUPERVISOR')";
    static final String PUBLISHERS = "hasAnyRole('ADMIN','REGULATOR','UNDERWRITER')";

    private final QualityQueries queries;
    private final QualityScoring scoring;
    private final PeriodClose closing;
    private final StandardBook standards;
    private final SpotChecks spotChecks;
    private final SatisfactionVotes votes;
    private final ElevatorQueries elevators;
    private final MessageSource messages;
    private final LiftCareTime time;

    QualityPageController(QualityQueries queries, QualityScoring scoring, PeriodClose closing, StandardBook standards,
            SpotChecks spotChecks, SatisfactionVotes votes, ElevatorQueries elevators, MessageSource messages,
            LiftCareTime time) {
        this.queries = queries;
        this.scoring = scoring;
        this.closing = closing;
        this.standards = standards;
        this.spotChecks = spotChecks;
        this.votes = votes;
        this.elevators = elevators;
        this.messages = messages;
        this.time = time;
    }

    @GetMapping("/quality")
    String ranking(Scope scope, @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "COMPANY") String level, Model model) {
        List<QualityQueries.PeriodRow> periods = queries.periods();
        String chosen = period != null ? Period.parse(period).code()
                : periods.stream().filter(p -> p.period().contains("Q") && p.closed()).map(QualityQueries.PeriodRow::period)
                        .findFirst().orElse(Period.quarterOf(time.today()).code());
        QualityQueries.Level lvl = QualityQueries.level(level);
        model.addAttribute("periods", periods);
        model.addAttribute("period", chosen);
        model.addAttribute("level", lvl);
        model.addAttribute("levels", QualityQueries.Level.values());
        model.addAttribute("rows", queries.scores(scope, chosen, lvl, 1_000));
        model.addAttribute("state", periods.stream().filter(p -> p.period().equals(chosen)).findFirst().orElse(null));
        model.addAttribute("ended", Period.parse(chosen).endedBy(time.today()));
        return "quality/ranking";
    }

    @PostMapping("/quality/periods/{period}/scores")
    @PreAuthorize("hasAnyRole('ADMIN','REGULATOR')")
    String compute(Scope scope, @PathVariable String period, RedirectAttributes redirect) {
        try {
            scoring.compute(scope, period);
            redirect.addFlashAttribute("notice", message("quality.page.computed", period));
        }
        catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", message(e.messageKey(), e.args()));
        }
        return "redirect:/quality?period=" + period;
    }

    @PostMapping("/quality/periods/{period}/close")
    @PreAuthorize("hasAnyRole('ADMIN','REGULATOR')")
    String close(Scope scope, @PathVariable String period, RedirectAttributes redirect) {
        try {
            PeriodClose.Closing c = closing.close(scope, period);
            redirect.addFlashAttribute("notice", message("quality.page.closed", period, c.payments(),
                    c.payable().amount().toPlainString(), c.warned().size()));
        }
        catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", message(e.messageKey(), e.args()));
        }
        return "redirect:/quality?period=" + period;
    }

    @GetMapping("/quality/companies/{company}/{period}")
    String scorecard(Scope scope, @PathVariable long company, @PathVariable String period, Model model) {
        QualityQueries.Breakdown b = queries.breakdown(scope, company, period);
        model.addAttribute("b", b);
        model.addAttribute("company", company);
        model.addAttribute("period", b.score().period());
        model.addAttribute("trendLabels", b.trend().stream().map(QualityQueries.ScoreRow::period).toList());
        model.addAttribute("trendScores", b.trend().stream().map(QualityQueries.ScoreRow::score).toList());
        return "quality/scorecard";
    }

    @GetMapping("/quality/companies/{company}/{period}/records")
    String records(Scope scope, @PathVariable long company, @PathVariable String period, @RequestParam Indicator indicator,
            Model model) {
        model.addAttribute("records", queries.records(scope, company, period, indicator));
        model.addAttribute("b", queries.breakdown(scope, company, period));
        model.addAttribute("company", company);
        model.addAttribute("period", Period.parse(period).code());
        model.addAttribute("indicator", indicator);
        return "quality/records";
    }

    @GetMapping("/quality/spot-checks")
    @PreAuthorize(CHECKERS)
    String spotChecks(Scope scope, @RequestParam(required = false) Long seed, Model model) {
        long s = seed == null ? time.today().toEpochDay() : seed;
        model.addAttribute("sample", spotChecks.sample(scope, 10, s));
        model.addAttribute("seed", s);
        model.addAttribute("recent", spotChecks.recent(scope, 30));
        return "quality/spot-checks";
    }

    @GetMapping("/quality/spot-checks/new")
    @PreAuthorize(CHECKERS)
    String spotCheckForm(Scope scope, @RequestParam long elevator, @RequestParam(defaultValue = "MANUAL") String as,
            Model model) {
        return spotCheckPage(model, spotChecks.checklist(scope, elevator), as, Map.of(), null, null, List.of());
    }

    @PostMapping("/quality/spot-checks")
    @PreAuthorize(CHECKERS)
    String recordSpotCheck(Scope scope, @RequestParam long elevatorId, @RequestParam(defaultValue = "MANUAL") String sampledAs,
            @RequestParam(required = false) Boolean recordMatches, @RequestParam(required = false) String note,
            @RequestParam String key, HttpServletRequest request, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        SpotChecks.Checklist list = spotChecks.checklist(scope, elevatorId);
        Map<String, Boolean> items = new LinkedHashMap<>();
        list.items().forEach(i -> {
            String v = request.getParameter("item." + i.code());
            if (v != null) {
                items.put(i.code(), "PASS".equals(v));
            }
        });
        try {
            SpotChecks.SpotCheckView view = spotChecks.record(scope, new SpotChecks.NewSpotCheck(elevatorId, sampledAs, items,
                    recordMatches, note, key));
            redirect.addFlashAttribute("notice", message("quality.page.spotCheckSaved", view.registrationCode(),
                    view.score().toPlainString()));
            return "redirect:/quality/spot-checks";
        }
        catch (ValidationFailedException e) {
            response.setStatus(400);
            return spotCheckPage(model, list, sampledAs, items, recordMatches, note, e.violations());
        }
    }

    private String spotCheckPage(Model model, SpotChecks.Checklist list, String as, Map<String, Boolean> items,
            Boolean recordMatches, String note, List<Violation> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.putIfAbsent(v.field(), message(v.messageKey(), v.args().toArray())));
        model.addAttribute("list", list);
        model.addAttribute("as", as);
        model.addAttribute("items", items);
        model.addAttribute("recordMatches", recordMatches);
        model.addAttribute("note", note);
        model.addAttribute("errors", errors);
        model.addAttribute("key", java.util.UUID.randomUUID().toString());
        return "quality/spot-check";
    }

    @GetMapping("/quality/standards")
    @PreAuthorize(PUBLISHERS)
    String standards(Model model) {
        Standard current = standards.inForceOn(time.today());
        return standardsPage(model, current.version() + "-new", time.today().plusDays(1), current, Map.of());
    }

    @PostMapping("/quality/standards")
    @PreAuthorize(PUBLISHERS)
    String publish(Scope scope, HttpServletRequest request, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Standard current = standards.inForceOn(time.today());
        Map<String, String> errors = new LinkedHashMap<>();
        String version = request.getParameter("version");
        LocalDate from = null;
        try {
            from = LocalDate.parse(request.getParameter("effectiveFrom"));
        }
        catch (RuntimeException e) {
            errors.put("effectiveFrom", message("quality.standard.effectiveFrom"));
        }
        List<Standard.Weighted> indicators = new ArrayList<>();
        for (Indicator i : Indicator.values()) {
            indicators.add(new Standard.Weighted(i, number(request, "weight." + i, errors), number(request, "best." + i, errors),
                    number(request, "worst." + i, errors)));
        }
        List<Standard.Threshold> grades = new ArrayList<>();
        Map<String, BigDecimal> factors = new LinkedHashMap<>();
        for (String g : List.of("A", "B", "C", "D")) {
            grades.add(new Standard.Threshold(g, number(request, "min." + g, errors)));
            factors.put(g, BigDecimal.valueOf(number(request, "factor." + g, errors)));
        }
        String[] vetoes = request.getParameterValues("vetoes");
        Standard draft = new Standard(version, from, request.getParameter("name"), current.basis(), indicators,
                vetoes == null ? List.of() : List.of(vetoes), grades, factors);
        if (errors.isEmpty()) {
            try {
                standards.publish(scope, draft);
                redirect.addFlashAttribute("notice", message("quality.page.published", version));
                return "redirect:/quality/standards";
            }
            catch (ValidationFailedException e) {
                e.violations().forEach(v -> errors.putIfAbsent(v.field(), message(v.messageKey(), v.args().toArray())));
            }
            catch (RuleViolationException e) {
                errors.put("version", message(e.messageKey(), e.args()));
            }
        }
        response.setStatus(400);
        return standardsPage(model, version, from, draft, errors);
    }

    private String standardsPage(Model model, String version, LocalDate from, Standard draft, Map<String, String> errors) {
        model.addAttribute("versions", standards.versions());
        model.addAttribute("version", version);
        model.addAttribute("effectiveFrom", from);
        model.addAttribute("draft", draft);
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("vetoKinds", List.of("LIABILITY_ACCIDENT", "FORGED_RECORDS", "UNCERTIFIED_STAFF"));
        model.addAttribute("errors", errors);
        return "quality/standards";
    }

    private static double number(HttpServletRequest request, String name, Map<String, String> errors) {
        try {
            return Double.parseDouble(request.getParameter(name));
        }
        catch (RuntimeException e) {
            errors.putIfAbsent(name, "?");
            return 0;
        }
    }

    @GetMapping("/p/{code}/rate")
    String voteForm(@PathVariable String code, Model model) {
        return votePage(model, elevator(code), null, null, Map.of());
    }

    @PostMapping("/p/{code}/rate")
    String vote(@PathVariable String code, @RequestParam(required = false) Integer cleanliness,
            @RequestParam(required = false) Integer running, @RequestParam(required = false) Integer response,
            HttpServletRequest request, HttpServletResponse servletResponse, Model model) {
        ElevatorView elevator = elevator(code);
        SatisfactionVotes.Vote vote = new SatisfactionVotes.Vote(cleanliness, running, response);
        try {
            votes.vote(code, VoterHash.of(request), vote);
            return votePage(model, elevator, vote, message("quality.vote.thanks"), Map.of());
        }
        catch (ValidationFailedException e) {
            servletResponse.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(v.field(), message(v.messageKey(), v.args().toArray())));
            return votePage(model, elevator, vote, null, errors);
        }
        catch (RuleViolationException e) {
            servletResponse.setStatus(409);
            return votePage(model, elevator, vote, message(e.messageKey(), e.args()), Map.of());
        }
        catch (TooManyRequestsException e) {
            servletResponse.setStatus(429);
            return votePage(model, elevator, vote, message(e.messageKey(), e.retryAfterSeconds() / 60 + 1), Map.of());
        }
    }

    private String votePage(Model model, ElevatorView elevator, SatisfactionVotes.Vote vote, String notice,
            Map<String, String> errors) {
        model.addAttribute("elevator", elevator);
        model.addAttribute("vote", vote == null ? new SatisfactionVotes.Vote(null, null, null) : vote);
        model.addAttribute("notice", notice);
        model.addAttribute("errors", errors);
        model.addAttribute("questions", List.of("cleanliness", "running", "response"));
        return "quality/vote";
    }

    private ElevatorView elevator(String code) {
        return elevators.findPublic(code).orElseThrow(() -> new NotFoundException("elevator", code));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
