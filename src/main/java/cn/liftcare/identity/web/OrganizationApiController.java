package cn.liftcare.identity.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationManagement;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Scope;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.Page;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organizations", description = "The parties of the insurance model")
class OrganizationApiController {

    private final OrganizationDirectory directory;
    private final OrganizationManagement management;

    OrganizationApiController(OrganizationDirectory directory, OrganizationManagement management) {
        this.directory = directory;
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "Organisations visible to the caller: its region's parties and itself")
    Page<OrganizationView> list(Scope scope, @RequestParam(required = false) OrganizationType type,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return directory.list(scope, type, q, Math.max(0, page), Math.max(1, Math.min(size, 500)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organisation; 404 outside the caller's scope")
    OrganizationView get(Scope scope, @PathVariable long id) {
        return directory.find(scope, new OrganizationId(id)).orElseThrow(() -> new NotFoundException("organization", id));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN','REGULATOR')")
    @Operation(summary = "Register an organisation; the credit code must pass the GB 32100 check")
    ResponseEntity<OrganizationView> create(Scope scope, @RequestBody OrganizationRequest request) {
        requireInJurisdiction(scope, request.getRegionCode());
        return ResponseEntity.status(HttpStatus.CREATED).body(management.register(request.toDetails()));
    }

    /** A regulator registers parties of its own jurisdiction only. */
    static void requireInJurisdiction(Scope scope, String regionCode) {
        if (scope.reach() != Scope.Reach.ALL && cn.liftcare.shared.RegionCode.isValid(regionCode)
                && !scope.region().covers(regionCode)) {
            throw new ValidationFailedException(Violation.of("regionCode", "organization.region.outside", regionCode));
        }
    }
}
