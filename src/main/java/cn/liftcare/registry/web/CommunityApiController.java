package cn.liftcare.registry.web;

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

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.CommunityId;
import cn.liftcare.registry.CommunityQueries;
import cn.liftcare.registry.CommunitySummary;
import cn.liftcare.registry.LocationManagement;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.Page;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

@RestController
@RequestMapping("/api/v1/communities")
@Tag(name = "Communities", description = "Communities (小区) in the caller's scope")
class CommunityApiController {

    private final CommunityQueries queries;
    private final LocationManagement locations;

    CommunityApiController(CommunityQueries queries, LocationManagement locations) {
        this.queries = queries;
        this.locations = locations;
    }

    @GetMapping
    @Operation(summary = "List communities in scope, with their elevator counts")
    Page<CommunitySummary> list(Scope scope, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queries.list(scope, q, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One community; 404 outside the caller's scope")
    CommunitySummary get(Scope scope, @PathVariable long id) {
        return queries.find(scope, new CommunityId(id)).orElseThrow(() -> new NotFoundException("community", id));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN','REGULATOR')")
    @Operation(summary = "Register a community in a district of the caller's jurisdiction")
    ResponseEntity<CommunitySummary> create(Scope scope, @RequestBody CommunityRequest request) {
        var district = request.districtCode() == null ? null : locations.districtByCode(request.districtCode())
                .filter(d -> scope.reach() == Scope.Reach.ALL || scope.region().covers(d.code())).orElse(null);
        if (district == null) {
            throw new ValidationFailedException(Violation.of("districtCode", "community.district.unknown"));
        }
        var created = locations.registerCommunity(district.id(), request.street(), request.name(), request.address(),
                request.builtYear(), id(request.useUnitId()), id(request.ownersCommitteeId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(queries.find(scope, created.id()).orElseThrow());
    }

    private static OrganizationId id(Long value) {
        return value == null ? null : new OrganizationId(value);
    }

    record CommunityRequest(String districtCode, String street, String name, String address, Integer builtYear,
            Long useUnitId, Long ownersCommitteeId) {
    }
}
