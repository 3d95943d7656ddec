package cn.liftcare.identity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liftcare.identity.NewUser;
import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserDirectory;
import cn.liftcare.identity.UserId;
import cn.liftcare.identity.UserManagement;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.web.FormErrors;

/** The platform administrator's user management. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserPageController {

    private final UserDirectory directory;
    private final UserManagement management;
    private final OrganizationDirectory organizations;

    UserPageController(UserDirectory directory, UserManagement management, OrganizationDirectory organizations) {
        this.directory = directory;
        this.management = management;
        this.organizations = organizations;
    }

    @GetMapping
    String list(Scope scope, Model model) {
        model.addAttribute("users", directory.list(scope));
        return "admin/users";
    }

    @GetMapping("/new")
    String create(Scope scope, Model model) {
        return form(scope, model, new UserForm());
    }

    @PostMapping("/new")
    String create(Scope scope, @ModelAttribute("form") UserForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(scope, model, form);
        }
        try {
            var user = management.open(new NewUser(form.getOrganizationId() == null ? null
                    : new OrganizationId(form.getOrganizationId()), form.getUsername(), form.getDisplayName(),
                    form.getPassword(), form.getPhone(), form.getRoles()));
            redirect.addFlashAttribute("created", user.username());
            return "redirect:/admin/users";
        }
        catch (ValidationFailedException e) {
            FormErrors.apply(result, e);
            form.setPassword(null);
            return form(scope, model, form);
        }
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        management.unlock(new UserId(id));
        redirect.addFlashAttribute("unlocked", true);
        return "redirect:/admin/users";
    }

    private String form(Scope scope, Model model, UserForm form) {
        model.addAttribute("form", form);
        model.addAttribute("organizations", organizations.list(scope, null, null, 0, 500).items());
        model.addAttribute("roles", Role.values());
        return "admin/user-form";
    }
}
