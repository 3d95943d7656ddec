package cn.liftcare.identity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationManagement;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.web.FormErrors;

@Controller
@RequestMapping("/organizations")
class OrganizationPageController {

    private final OrganizationDirectory directory;
    private final OrganizationManagement management;

    OrganizationPageController(OrganizationDirectory directory, OrganizationManagement management) {
        this.directory = directory;
        this.management = management;
    }

    @GetMapping
    String list(Scope scope, @RequestParam(required = false) OrganizationType type,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", directory.list(scope, type, q, Math.max(0, page), 50));
        model.addAttribute("type", type);
        model.addAttribute("q", q);
        model.addAttribute("types", OrganizationType.values());
        model.addAttribute("canCreate", scope.hasAny(Role.ADMIN, Role.REGULATOR));
        return "organizations/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('ADMIN','REGULATOR')")
    String create(Scope scope, Model model) {
        OrganizationRequest form = new OrganizationRequest();
        form.setRegionCode(scope.region().value());
        return form(model, form);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAnyRole('ADMIN','REGULATOR')")
    String create(Scope scope, @ModelAttribute("form") OrganizationRequest form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model, form);
        }
        try {
            OrganizationApiController.requireInJurisdiction(scope, form.getRegionCode());
            var created = management.register(form.toDetails());
            redirect.addFlashAttribute("created", created.name());
            return "redirect:/organizations";
        }
        catch (ValidationFailedException e) {
            FormErrors.apply(result, e);
            return form(model, form);
        }
    }

    private static String form(Model model, OrganizationRequest form) {
        model.addAttribute("form", form);
        model.addAttribute("types", java.util.Arrays.stream(OrganizationType.values())
                .filter(t -> t != OrganizationType.PLATFORM).toList());
        return "organizations/form";
    }
}
