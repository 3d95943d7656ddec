package cn.liftcare.pension.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.identity.Scope;
import cn.liftcare.pension.CaseStatus;
import cn.liftcare.pension.PensionCaseId;
import cn.liftcare.pension.PensionCaseView;
import cn.liftcare.pension.PensionDesk;
import cn.liftcare.pension.PensionQueries;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.NotFoundException;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Pension", description = "养老: reserves, the share schedule, major repair and renewal cases, projections")
class PensionApiController {

    private final PensionDesk desk;
    private final PensionQueries queries;

    PensionApiController(PensionDesk desk, PensionQueries queries) {
        this.desk = desk;
        this.queries = queries;
    }

    @GetMapping("/elevators/{id}/pension")
    @Operation(summary = "An elevator's continuous insured years, current share, reserve with its movements, cases "
            + "and 15-year projection", description = "Scoped like the elevator; an insurer sees only elevators under "
            + "its cover or holding a reserve in its books.")
    PensionQueries.ElevatorPension elevator(Scope scope, @PathVariable long id) {
        return queries.elevator(scope, new ElevatorId(id));
    }

    @GetMapping("/pension/projection")
    @Operation(summary = "Reserve against expected renewal outlays, year by year for 15 years",
            description = "For a community's insured elevators (an insurer: those under its cover); without a "
                    + "community, the insurer's portfolio. Shows the shortfall years and the extra contribution a year "
                    + "that would close them, with the components' assumed lives and costs.")
    PensionQueries.ProjectionView projection(Scope scope, @RequestParam(required = false) Long community) {
        return queries.projection(scope, community);
    }

    @PostMapping("/pension/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a major repair or whole-elevator renewal case (use unit or maintenance company)",
            description = "The elevator must be insured today; an uninsured one is refused (400, elevatorId). The key "
                    + "makes a retry answer the first case.")
    PensionCaseView open(Scope scope, @RequestBody PensionDesk.NewCase request) {
        return desk.open(scope, request);
    }

    @GetMapping("/pension/cases")
    @Operation(summary = "Pension cases in scope")
    List<PensionQueries.CaseRow> list(Scope scope, @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) Long community, @RequestParam(defaultValue = "200") int limit) {
        return queries.list(scope, status, community, limit);
    }

    @GetMapping("/pension/cases/{id}")
    @Operation(summary = "A case with its quotations, funding, evidence, the split and what a decision still lacks")
    PensionQueries.CaseDetails get(Scope scope, @PathVariable long id) {
        return queries.details(scope, new PensionCaseId(id)).orElseThrow(() -> new NotFoundException("pension case", id));
    }

    @PostMapping(value = "/pension/cases/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach evidence to the assessment: a photo (JPEG, PNG, WebP) or a PDF, at most 5 MB "
            + "(supervisor or inspection body)")
    Map<String, Long> evidence(Scope scope, @PathVariable long id, @RequestPart("file") MultipartFile file)
            throws IOException {
        return Map.of("id", desk.addEvidence(scope, new PensionCaseId(id), file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/pension/evidence/{id}")
    @Operation(summary = "A piece of evidence of a case in scope")
    ResponseEntity<byte[]> evidenceFile(Scope scope, @PathVariable long id) {
        var stored = queries.evidence(scope, id);
        return ResponseEntity.ok().header("Content-Type", stored.contentType())
                .header("Cache-Control", "private, max-age=3600").body(stored.bytes());
    }

    @PostMapping("/pension/cases/{id}/assessment")
    @Operation(summary = "The assessment: whether the GB/T 31821 scrapping criteria are met, with findings "
            + "(supervisor or inspection body; needs evidence attached first)")
    PensionCaseView assess(Scope scope, @PathVariable long id, @RequestBody PensionDesk.Assessment request) {
        return desk.assess(scope, new PensionCaseId(id), request);
    }

    @PostMapping("/pension/cases/{id}/quotations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a quotation (use unit or maintenance company); a decision needs at least two")
    PensionCaseView quote(Scope scope, @PathVariable long id, @RequestBody PensionDesk.NewQuotation request) {
        return desk.quote(scope, new PensionCaseId(id), request);
    }

    @PostMapping("/pension/cases/{id}/approval")
    @Operation(summary = "The owners' committee approves one quotation (1-based) and the funding of the owners' share",
            description = "Funding sources MAINTENANCE_FUND, COMMON_INCOME or PROPERTY_COMPANY, percentages adding "
                    + "to 100.")
    PensionCaseView approve(Scope scope, @PathVariable long id, @RequestBody PensionDesk.Approval request) {
        return desk.approve(scope, new PensionCaseId(id), request);
    }

    @PostMapping("/pension/cases/{id}/decision")
    @Operation(summary = "The insurer holding the cover decides: APPROVE or DECLINE, with a reason",
            description = "An approval without the assessment (criteria met, with evidence), two quotations or the "
                    + "owners' approval is refused (400) listing what is missing. Approved, the cost is split by the "
                    + "share for the continuous insured years, capped, and posted: the insurer's share out of the "
                    + "elevator's reserve (beyond it, expense) and the owners' share as receivables from their funding "
                    + "sources, both to the contractor's payable. The idempotency key makes a retry answer the case.")
    PensionCaseView decide(Scope scope, @PathVariable long id, @RequestBody PensionDesk.Decision request) {
        return desk.decide(scope, new PensionCaseId(id), request);
    }

    @PostMapping("/pension/cases/{id}/completion")
    @Operation(summary = "The work is done (maintenance company or use unit); a whole renewal restarts the "
            + "elevator's age, keeping its insured years")
    PensionCaseView complete(Scope scope, @PathVariable long id, @RequestBody PensionDesk.Completion request) {
        return desk.complete(scope, new PensionCaseId(id), request);
    }
}
