package cn.liftcare.registry.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liftcare.audit.AuditTrail;
import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.AgeBand;
import cn.liftcare.registry.CommunityQueries;
import cn.liftcare.registry.ElevatorChanged;
import cn.liftcare.registry.ElevatorFilter;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorImport;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.ElevatorSpreadsheet;
import cn.liftcare.registry.ElevatorStatus;
import cn.liftcare.registry.ElevatorType;
import cn.liftcare.registry.ElevatorView;
import cn.liftcare.registry.ImportRejectedException;
import cn.liftcare.registry.PublicLinks;
import cn.liftcare.registry.QrCodes;
import cn.liftcare.registry.UseCategory;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.web.FormErrors;

@Controller
@RequestMapping("/elevators")
class ElevatorPageController {

    private final ElevatorQueries queries;
    private final ElevatorRegistry registry;
    private final ElevatorImport importer;
    private final CommunityQueries communities;
    private final OrganizationDirectory organizations;
    private final AuditTrail audit;
    private final PublicLinks links;
    private final ElevatorSpreadsheet spreadsheet;
    private final QrCodes qrCodes;
    private final HistoryLabels historyLabels;

    ElevatorPageController(ElevatorQueries queries, ElevatorRegistry registry, ElevatorImport importer,
            CommunityQueries communities, OrganizationDirectory organizations, AuditTrail audit, PublicLinks links,
            ElevatorSpreadsheet spreadsheet, QrCodes qrCodes, HistoryLabels historyLabels) {
        this.historyLabels = historyLabels;
        this.spreadsheet = spreadsheet;
        this.qrCodes = qrCodes;
        this.queries = queries;
        this.registry = registry;
        this.importer = importer;
        this.communities = communities;
        this.organizations = organizations;
        this.audit = audit;
        this.links = links;
    }

    @GetMapping
    String list(Scope scope, @RequestParam(required = false) String community,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String ageBand, @RequestParam(required = false) Integer minAge,
            @RequestParam(required = false) Long maintenanceCompany, @RequestParam(required = false) ElevatorStatus status,
            @RequestParam(required = false) ElevatorType type, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        ElevatorFilter filter = ElevatorApiController.filter(community, brand, ageBand, minAge, maintenanceCompany, status, type, q);
        model.addAttribute("filter", filter);
        model.addAttribute("result", queries.list(scope, filter, page, size));
        model.addAttribute("pageSize", size);
        if (htmx != null) {
            return "elevators/list :: results";
        }
        model.addAttribute("communities", communities.all(scope));
        model.addAttribute("brands", queries.brands(scope));
        model.addAttribute("companies", organizations.ofType(scope, OrganizationType.MAINTENANCE_COMPANY));
        model.addAttribute("ageBands", AgeBand.values());
        model.addAttribute("statuses", ElevatorStatus.values());
        model.addAttribute("types", ElevatorType.values());
        model.addAttribute("canEdit", scope.hasAny(ElevatorRegistry.EDITORS));
        model.addAttribute("canImport", scope.hasAny(ElevatorImport.IMPORTERS));
        return "elevators/list";
    }

    @GetMapping("/export.xlsx")
    void export(Scope scope, @RequestParam(required = false) String community,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String ageBand, @RequestParam(required = false) Integer minAge,
            @RequestParam(required = false) Long maintenanceCompany, @RequestParam(required = false) ElevatorStatus status,
            @RequestParam(required = false) ElevatorType type, @RequestParam(required = false) String q,
            HttpServletResponse response) throws IOException {
        ElevatorApiController.attachment(response, "elevators.xlsx");
        spreadsheet.writeExport(scope, ElevatorApiController.filter(community, brand, ageBand, minAge,
                maintenanceCompany, status, type, q), response.getOutputStream());
    }

    @GetMapping(value = "/{id}/qr.svg", produces = "image/svg+xml")
    @org.springframework.web.bind.annotation.ResponseBody
    String qr(Scope scope, @PathVariable long id) {
        ElevatorView elevator = queries.find(scope, new ElevatorId(id)).orElseThrow(() -> new NotFoundException("elevator", id));
        return qrCodes.svg(links.elevatorPage(elevator.registrationCode()));
    }

    @GetMapping("/{id}")
    String detail(Scope scope, @PathVariable long id, Model model) {
        ElevatorView elevator = queries.find(scope, new ElevatorId(id)).orElseThrow(() -> new NotFoundException("elevator", id));
        model.addAttribute("elevator", elevator);
        model.addAttribute("history", historyLabels.label(audit.forEntity(ElevatorChanged.ENTITY, String.valueOf(id))
                .stream().map(HistoryEntry::of).toList()));
        model.addAttribute("publicUrl", links.elevatorPage(elevator.registrationCode()));
        model.addAttribute("canEdit", scope.hasAny(ElevatorRegistry.EDITORS));
        return "elevators/detail";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('ADMIN','REGULATOR','PROPERTY_MANAGER')")
    String create(Scope scope, Model model) {
        return form(scope, model, new ElevatorForm(), null);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAnyRole('ADMIN','REGULATOR','PROPERTY_MANAGER')")
    String create(Scope scope, @ModelAttribute("form") ElevatorForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(scope, model, form, null);
        }
        try {
            var created = registry.register(scope, form.toDetails());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/elevators/" + created.id().value();
        }
        catch (ValidationFailedException e) {
            FormErrors.apply(result, e);
            return form(scope, model, form, null);
        }
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAnyRole('ADMIN','REGULATOR','PROPERTY_MANAGER')")
    String edit(Scope scope, @PathVariable long id, Model model) {
        ElevatorView elevator = queries.find(scope, new ElevatorId(id)).orElseThrow(() -> new NotFoundException("elevator", id));
        return form(scope, model, ElevatorForm.of(elevator), id);
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("hasAnyRole('ADMIN','REGULATOR','PROPERTY_MANAGER')")
    String edit(Scope scope, @PathVariable long id, @ModelAttribute("form") ElevatorForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!registry.inScope(scope, new ElevatorId(id))) {
            throw new NotFoundException("elevator", id);
        }
        if (result.hasErrors()) {
            return form(scope, model, form, id);
        }
        try {
            registry.amend(scope, new ElevatorId(id), form.toDetails());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/elevators/" + id;
        }
        catch (ValidationFailedException e) {
            FormErrors.apply(result, e);
            return form(scope, model, form, id);
        }
    }

    @GetMapping("/import")
    @PreAuthorize("hasAnyRole('ADMIN','REGULATOR')")
    String importPage() {
        return "elevators/import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasAnyRole('ADMIN','REGULATOR')")
    String importFile(Scope scope, @RequestParam("file") MultipartFile file, Locale locale, Model model)
            throws IOException {
        try {
            model.addAttribute("report", importer.importFile(scope, file.getOriginalFilename(), file.getInputStream(), locale));
        }
        catch (ImportRejectedException e) {
            model.addAttribute("report", e.report());
        }
        catch (ValidationFailedException e) {
            model.addAttribute("fileError", e.violations().get(0));
        }
        model.addAttribute("filename", file.getOriginalFilename());
        return "elevators/import";
    }

    @GetMapping("/import/template.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN','REGULATOR')")
    void template(HttpServletResponse response) throws IOException {
        ElevatorApiController.attachment(response, "elevator-import-template.xlsx");
        spreadsheet.writeTemplate(response.getOutputStream());
    }

    private String form(Scope scope, Model model, ElevatorForm form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("elevatorId", id);
        model.addAttribute("communities", communities.all(scope));
        model.addAttribute("companies", organizations.ofType(scope, OrganizationType.MAINTENANCE_COMPANY));
        model.addAttribute("useUnits", organizations.ofType(scope, OrganizationType.USE_UNIT));
        model.addAttribute("types", ElevatorType.values());
        model.addAttribute("uses", UseCategory.values());
        model.addAttribute("statuses", ElevatorStatus.values());
        return "elevators/form";
    }
}
