package cn.liftcare.maintenance.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserDirectory;
import cn.liftcare.identity.UserId;
import cn.liftcare.maintenance.CheckInTokens;
import cn.liftcare.maintenance.ChecklistEntry;
import cn.liftcare.maintenance.InspectionKind;
import cn.liftcare.maintenance.InspectionRecords;
import cn.liftcare.maintenance.InspectionResult;
import cn.liftcare.maintenance.ItemResult;
import cn.liftcare.maintenance.MaintenanceClass;
import cn.liftcare.maintenance.MaintenanceQueries;
import cn.liftcare.maintenance.MaintenanceWork;
import cn.liftcare.maintenance.Photos;
import cn.liftcare.maintenance.VisitFlag;
import cn.liftcare.maintenance.VisitId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.PublicLinks;
import cn.liftcare.registry.QrCodes;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/** The pages of maintenance: the maintainer's phone, the company's board, the use unit's queue, supervision. */
@Controller
class MaintenancePageController {

    private final MaintenanceWork work;
    private final MaintenanceQueries queries;
    private final InspectionRecords inspections;
    private final Photos photos;
    private final CheckInTokens tokens;
    private final OrganizationDirectory organizations;
    private final UserDirectory users;
    private final QrCodes qr;
    private final PublicLinks links;
    private final MessageSource messages;
    private final LiftCareTime time;

    MaintenancePageController(MaintenanceWork work, MaintenanceQueries queries, InspectionRecords inspections,
            Photos photos, CheckInTokens tokens, OrganizationDirectory organizations, UserDirectory users, QrCodes qr,
            PublicLinks links, MessageSource messages, LiftCareTime time) {
        this.work = work;
        this.queries = queries;
        this.inspections = inspections;
        this.photos = photos;
        this.tokens = tokens;
        this.organizations = organizations;
        this.users = users;
        this.qr = qr;
        this.links = links;
        this.messages = messages;
        this.time = time;
    }

    // ---- the maintainer, on a phone

    @GetMapping("/m")
    @PreAuthorize("hasAnyRole('MAINTAINER','MAINTENANCE_MANAGER')")
    String mine(Scope scope, Model model) {
        model.addAttribute("visits", queries.myVisits(scope));
        model.addAttribute("today", time.today());
        return "maintenance/mine";
    }

    @GetMapping("/m/check-in")
    @PreAuthorize("hasAnyRole('MAINTAINER','MAINTENANCE_MANAGER')")
    String checkInPage(Scope scope, @RequestParam("e") String code, @RequestParam(value = "t", required = false) String token,
            Model model) {
        var elevator = elevatorByCode(scope, code);
        model.addAttribute("code", code);
        model.addAttribute("token", token);
        model.addAttribute("elevatorId", elevator.value());
        return "maintenance/check-in";
    }

    @PostMapping("/m/check-in")
    @PreAuthorize("hasAnyRole('MAINTAINER','MAINTENANCE_MANAGER')")
    String checkIn(Scope scope, @RequestParam("e") String code, @RequestParam(value = "t", required = false) String token,
            @RequestParam(required = false) BigDecimal latitude, @RequestParam(required = false) BigDecimal longitude,
            RedirectAttributes redirect) {
        var result = work.checkIn(scope, elevatorByCode(scope, code), token, latitude, longitude);
        redirect.addFlashAttribute("verdict", result.verdict().name());
        return "redirect:/m/visits/" + result.visit().id().value();
    }

    @GetMapping("/m/visits/{id}")
    @PreAuthorize("hasAnyRole('MAINTAINER','MAINTENANCE_MANAGER')")
    String checklist(Scope scope, @PathVariable long id, Model model) {
        var visit = queries.visit(scope, new VisitId(id)).orElseThrow(() -> new NotFoundException("visit", id));
        model.addAttribute("visit", visit);
        model.addAttribute("items", visit.dueItems().stream().map(c -> queries.catalogue().find(c).orElseThrow()).toList());
        model.addAttribute("results", ItemResult.values());
        model.addAttribute("startedAt", visit.checkInAt() != null ? visit.checkInAt() : time.now());
        model.addAttribute("submissionKey", UUID.randomUUID().toString());
        return "maintenance/checklist";
    }

    @PostMapping("/m/visits/{id}")
    @PreAuthorize("hasAnyRole('MAINTAINER','MAINTENANCE_MANAGER')")
    String record(Scope scope, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var visit = queries.visit(scope, new VisitId(id)).orElseThrow(() -> new NotFoundException("visit", id));
        List<ChecklistEntry> entries = new ArrayList<>();
        for (String code : visit.dueItems()) {
            String result = form.get("result_" + code);
            String value = form.get("value_" + code);
            String photo = form.get("photo_" + code);
            entries.add(new ChecklistEntry(code, result == null || result.isBlank() ? null : ItemResult.valueOf(result),
                    value == null || value.isBlank() ? null : decimal(value), blank(form.get("note_" + code)),
                    photo == null || photo.isBlank() ? null : Long.valueOf(photo)));
        }
        try {
            work.record(scope, new VisitId(id), entries, Instant.parse(form.get("startedAt")), time.now(),
                    form.get("submissionKey"));
            redirect.addFlashAttribute("recorded", visit.registrationCode());
            return "redirect:/m";
        }
        catch (ValidationFailedException | RuleViolationException e) {
            model.addAttribute("problems", problems(e));
            model.addAttribute("entered", form);
            model.addAttribute("visit", visit);
            model.addAttribute("items", visit.dueItems().stream().map(c -> queries.catalogue().find(c).orElseThrow()).toList());
            model.addAttribute("results", ItemResult.values());
            model.addAttribute("startedAt", form.get("startedAt"));
            model.addAttribute("submissionKey", form.get("submissionKey"));
            return "maintenance/checklist";
        }
    }

    @PostMapping("/m/photos")
    @PreAuthorize("hasAnyRole('MAINTAINER','MAINTENANCE_MANAGER')")
    String photo(Scope scope, @RequestParam("code") String code, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        model.addAttribute("photoCode", code);
        try {
            model.addAttribute("photoId", photos.upload(scope, file.getBytes()));
        }
        catch (ValidationFailedException e) {
            model.addAttribute("photoError", problems(e).get(0));
        }
        return "maintenance/photo :: photo";
    }

    @GetMapping("/maintenance/photos/{id}")
    ResponseEntity<byte[]> showPhoto(Scope scope, @PathVariable long id) {
        var photo = photos.find(id).filter(p -> scope.reach() != Scope.Reach.MAINTAINED_ELEVATORS
                        || p.companyId().equals(scope.organizationId()))
                .orElseThrow(() -> new NotFoundException("photo", id));
        return ResponseEntity.ok().header("Content-Type", photo.contentType()).body(photo.bytes());
    }

    // ---- the company's planning board

    @GetMapping("/maintenance/board")
    @PreAuthorize("hasRole('MAINTENANCE_MANAGER')")
    String board(Scope scope, Model model) {
        model.addAttribute("board", queries.board(scope));
        model.addAttribute("maintainers", users.list(scope).stream().filter(u -> u.roles().contains(Role.MAINTAINER)).toList());
        model.addAttribute("today", time.today());
        return "maintenance/board";
    }

    @PostMapping("/maintenance/board/plan")
    @PreAuthorize("hasRole('MAINTENANCE_MANAGER')")
    String plan(Scope scope, @RequestParam long elevatorId, @RequestParam LocalDate plannedOn,
            @RequestParam(required = false) Long maintainerId, RedirectAttributes redirect) {
        try {
            work.plan(scope, new ElevatorId(elevatorId), plannedOn, maintainerId == null ? null : new UserId(maintainerId));
            redirect.addFlashAttribute("planned", true);
        }
        catch (ValidationFailedException | RuleViolationException e) {
            redirect.addFlashAttribute("problems", problems(e));
        }
        return "redirect:/maintenance/board";
    }

    // ---- the use unit's confirmations

    @GetMapping("/maintenance/confirmations")
    @PreAuthorize("hasAnyRole('SAFETY_MANAGER','PROPERTY_MANAGER','MAINTENANCE_MANAGER')")
    String confirmations(Scope scope, Model model) {
        model.addAttribute("visits", queries.awaitingConfirmation(scope));
        return "maintenance/confirmations";
    }

    @PostMapping("/maintenance/visits/{id}/confirm")
    @PreAuthorize("hasAnyRole('SAFETY_MANAGER','PROPERTY_MANAGER','MAINTENANCE_MANAGER')")
    String confirm(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
        try {
            work.confirm(scope, new VisitId(id));
            redirect.addFlashAttribute("confirmed", id);
        }
        catch (RuleViolationException e) {
            redirect.addFlashAttribute("problems", problems(e));
        }
        return "redirect:/maintenance/confirmations";
    }

    @GetMapping("/maintenance/visits/{id}")
    String visit(Scope scope, @PathVariable long id, Model model) {
        var visit = queries.visit(scope, new VisitId(id)).orElseThrow(() -> new NotFoundException("visit", id));
        model.addAttribute("visit", visit);
        Map<String, String> itemNames = new java.util.HashMap<>();
        visit.dueItems().forEach(c -> queries.catalogue().find(c).ifPresent(i -> itemNames.put(c, i.item())));
        model.addAttribute("itemNames", itemNames);
        model.addAttribute("flags", queries.flags(scope, visit.plannedOn().minusDays(1), time.today()).stream()
                .filter(f -> f.visitId().equals(visit.id())).map(this::evidence).toList());
        model.addAttribute("canConfirm", visit.status().name().equals("SUBMITTED")
                && scope.hasAny(Role.SAFETY_MANAGER, Role.PROPERTY_MANAGER, Role.MAINTENANCE_MANAGER));
        return "maintenance/visit";
    }

    // ---- supervision by the regulator and the supervisor

    @GetMapping("/maintenance/supervision")
    @PreAuthorize("hasAnyRole('REGULATOR','SUPERVISOR','ADMIN','MAINTENANCE_MANAGER')")
    String supervision(Scope scope, @RequestParam(required = false) String month, Model model) {
        YearMonth m = month == null || month.isBlank() ? YearMonth.from(time.today()) : cn.liftcare.shared.Months.parse(month);
        var overdue = queries.overdue(scope);
        var rates = queries.onTimeRate(scope, m);
        var flags = queries.flags(scope, time.today().minusDays(30), time.today());
        List<OrganizationId> orgIds = new ArrayList<>();
        overdue.forEach(o -> orgIds.add(o.companyId()));
        rates.forEach(r -> orgIds.add(r.companyId()));
        flags.forEach(f -> orgIds.add(f.companyId()));
        model.addAttribute("names", names(orgIds));
        model.addAttribute("month", m);
        model.addAttribute("overdue", overdue);
        model.addAttribute("rates", rates);
        model.addAttribute("flags", flags.stream().limit(200).map(this::evidence).toList());
        model.addAttribute("flagCount", flags.size());
        model.addAttribute("inspectionsOverdue", queries.inspectionsOverdue(scope));
        return "maintenance/supervision";
    }

    // ---- on the elevator's page, and in the car

    @GetMapping("/maintenance/elevators/{id}")
    String elevatorFragment(Scope scope, @PathVariable long id, Model model) {
        ElevatorId elevator = new ElevatorId(id);
        var plan = queries.plan(scope, elevator).orElseThrow(() -> new NotFoundException("elevator", id));
        var schedule = queries.schedule(scope, elevator).orElseThrow();
        model.addAttribute("elevatorId", id);
        model.addAttribute("plan", plan);
        model.addAttribute("lastVisit", schedule.lastVisit().orElse(null));
        model.addAttribute("nextDue", schedule.nextVisitDue());
        model.addAttribute("overdue", schedule.isOverdue(time.today()));
        model.addAttribute("classDue", schedule.classFor(time.today()));
        model.addAttribute("visits", queries.history(scope, elevator, 24));
        model.addAttribute("inspections", queries.inspections(scope, elevator));
        model.addAttribute("kindDue", cn.liftcare.maintenance.InspectionRules.kindDue(plan.commissioningDate(), time.today()));
        model.addAttribute("canInspect", scope.has(Role.INSPECTOR)
                || scope.has(Role.MAINTENANCE_MANAGER) && scope.organizationId().equals(plan.companyId()));
        model.addAttribute("canShowCode", scope.hasAny(Role.SAFETY_MANAGER, Role.PROPERTY_MANAGER, Role.ADMIN));
        model.addAttribute("results", InspectionResult.values());
        model.addAttribute("today", time.today());
        return "maintenance/elevator :: maintenance";
    }

    @PostMapping("/maintenance/elevators/{id}/inspections")
    @PreAuthorize("hasAnyRole('INSPECTOR','MAINTENANCE_MANAGER')")
    String inspect(Scope scope, @PathVariable long id, @RequestParam LocalDate inspectedOn,
            @RequestParam InspectionResult result, @RequestParam(required = false) String rectification, Model model) {
        InspectionKind kind = scope.has(Role.INSPECTOR) ? InspectionKind.PERIODIC : InspectionKind.SELF_TEST;
        try {
            inspections.record(scope, new ElevatorId(id), kind, inspectedOn, result, blank(rectification));
        }
        catch (ValidationFailedException | RuleViolationException e) {
            model.addAttribute("inspectionProblems", problems(e));
        }
        return elevatorFragment(scope, id, model);
    }

    @GetMapping("/elevators/{id}/check-in-code")
    @PreAuthorize("hasAnyRole('SAFETY_MANAGER','PROPERTY_MANAGER','ADMIN')")
    String checkInCode(Scope scope, @PathVariable long id, Model model) {
        ElevatorId elevator = new ElevatorId(id);
        var plan = queries.plan(scope, elevator).orElseThrow(() -> new NotFoundException("elevator", id));
        String url = links.absolute("/m/check-in?e=" + plan.registrationCode() + "&t=" + tokens.current(elevator));
        model.addAttribute("code", plan.registrationCode());
        model.addAttribute("url", url);
        model.addAttribute("svg", qr.svg(url));
        return "maintenance/check-in-code";
    }

    @GetMapping("/p/{code}/maintenance")
    String publicMaintenance(@PathVariable String code, Model model) {
        model.addAttribute("lastVisit", queries.lastVisitOf(code).orElse(null));
        return "maintenance/public :: last";
    }

    @GetMapping(value = "/m/catalogue.json")
    @ResponseBody
    Object catalogue(@RequestParam char annex, @RequestParam MaintenanceClass visitClass) {
        return queries.catalogue().cumulative(annex, visitClass);
    }

    private ElevatorId elevatorByCode(Scope scope, String code) {
        return queries.board(scope).stream().filter(r -> r.elevator().registrationCode().equals(code)).findFirst()
                .map(r -> r.elevator().elevatorId())
                .orElseThrow(() -> new NotFoundException("elevator", code));
    }

    private Map<OrganizationId, String> names(List<OrganizationId> ids) {
        Map<OrganizationId, String> names = new java.util.HashMap<>();
        organizations.byIds(ids.stream().filter(java.util.Objects::nonNull).distinct().toList())
                .forEach((id, org) -> names.put(id, org.displayName()));
        return names;
    }

    /** A flag with its evidence in the reader's language. */
    FlagLine evidence(MaintenanceQueries.FlagRow row) {
        List<Object> args = new ArrayList<>();
        String key = "flag.evidence." + row.flag().name();
        if (row.flag() == VisitFlag.NO_VALID_CHECK_IN) {
            key += "." + row.evidence().get(0);
        }
        for (String arg : row.evidence()) {
            args.add(isClass(arg) ? new DefaultMessageSourceResolvable("enum.MaintenanceClass." + arg) : arg);
        }
        return new FlagLine(row, messages.getMessage(key, args.toArray(), key, LocaleContextHolder.getLocale()));
    }

    record FlagLine(MaintenanceQueries.FlagRow row, String evidence) {
    }

    private List<String> problems(RuntimeException e) {
        var locale = LocaleContextHolder.getLocale();
        if (e instanceof ValidationFailedException v) {
            return v.violations().stream().map(x -> messages.getMessage(x.messageKey(), x.argsArray(), x.messageKey(), locale))
                    .toList();
        }
        RuleViolationException r = (RuleViolationException) e;
        return List.of(messages.getMessage(r.messageKey(), r.args(), r.messageKey(), locale));
    }

    private static boolean isClass(String s) {
        for (MaintenanceClass c : MaintenanceClass.values()) {
            if (c.name().equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip());
        }
        catch (NumberFormatException e) {
            throw new ValidationFailedException(Violation.of("value", "import.number.decimal", text));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
