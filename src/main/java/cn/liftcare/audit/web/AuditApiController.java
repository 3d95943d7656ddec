package cn.liftcare.audit.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.audit.AuditVerifier;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The hash-chained audit log")
class AuditApiController {

    private final AuditVerifier verifier;

    AuditApiController(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/verify")
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "Walk the whole chain and recompute every hash (regulator only)",
            description = "Answers valid=false and the id of the first broken entry when any entry was altered, "
                    + "removed or reordered outside the application.")
    AuditVerifier.Result verify() {
        return verifier.verify();
    }
}
