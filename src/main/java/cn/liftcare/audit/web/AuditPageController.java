package cn.liftcare.audit.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.liftcare.audit.AuditTrail;
import cn.liftcare.audit.AuditVerifier;

/** The regulator's view of the audit log, with an on-demand verification of the whole chain. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('REGULATOR')")
class AuditPageController {

    private final AuditTrail trail;
    private final AuditVerifier verifier;

    AuditPageController(AuditTrail trail, AuditVerifier verifier) {
        this.trail = trail;
        this.verifier = verifier;
    }

    @GetMapping
    String page(@RequestParam(required = false) String entityType, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", trail.recent(entityType, Math.max(0, page), 50));
        model.addAttribute("entityType", entityType);
        return "audit/log";
    }

    @PostMapping("/verify")
    String verify(Model model) {
        model.addAttribute("verification", verifier.verify());
        return "audit/log :: verification";
    }
}
