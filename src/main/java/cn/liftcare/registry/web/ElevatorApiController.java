package cn.liftcare.registry.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.audit.AuditTrail;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.AgeBand;
import cn.liftcare.registry.ElevatorChanged;
import cn.liftcare.registry.ElevatorFilter;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorImport;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.ElevatorSpreadsheet;
import cn.liftcare.registry.ElevatorStatus;
import cn.liftcare.registry.ElevatorSummary;
import cn.liftcare.registry.ElevatorType;
import cn.liftcare.registry.ElevatorView;
import cn.liftcare.registry.ImportReport;
import cn.liftcare.registry.PublicLinks;
import cn.liftcare.registry.QrCodes;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.Page;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

@RestController
@RequestMapping("/api/v1/elevators")
@Tag(name = "Elevators", description = "The elevator registry, scoped to the caller's organisation")
class ElevatorApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ElevatorQueries queries;
    private final ElevatorRegistry registry;
    private final ElevatorImport importer;
    private final ElevatorSpreadsheet spreadsheet;
    private final AuditTrail audit;
    private final QrCodes qr;
    private final PublicLinks links;

    ElevatorApiController(ElevatorQueries queries, ElevatorRegistry registry, ElevatorImport importer,
            ElevatorSpreadsheet spreadsheet, AuditTrail audit, QrCodes qr, PublicLinks links) {
        this.queries = queries;
        this.registry = registry;
        this.importer = importer;
        this.spreadsheet = spreadsheet;
        this.audit = audit;
        this.qr = qr;
        this.links = links;
    }

    @GetMapping
    @Operation(summary = "List elevators in scope, filtered and paged", description = "Answers the page and the total count of the filtered list.")
    Page<ElevatorSummary> list(Scope scope,
            @Parameter(description = "Community id or exact name") @RequestParam(required = false) String community,
            @RequestParam(required = false) String brand,
            @Parameter(description = "Years in service: 0-5, 5-10, 10-15, 15-20 or 20+") @RequestParam(required = false) String ageBand,
            @Parameter(description = "At least this many years in service") @RequestParam(required = false) Integer minAge,
            @RequestParam(required = false) Long maintenanceCompany,
            @RequestParam(required = false) ElevatorStatus status,
            @RequestParam(required = false) ElevatorType type,
            @Parameter(description = "Start of the registration or 96333 code") @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return queries.list(scope, filter(community, brand, ageBand, minAge, maintenanceCompany, status, type, q), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One elevator; 404 when it does not exist or is outside the caller's scope")
    ElevatorView get(Scope scope, @PathVariable long id) {
        return queries.find(scope, new ElevatorId(id)).orElseThrow(() -> new NotFoundException("elevator", id));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN','REGULATOR','PROPERTY_MANAGER')")
    @Operation(summary = "Register an elevator (regulator, admin, or the use unit for its own communities)")
    ResponseEntity<ElevatorView> create(Scope scope, @RequestBody ElevatorRequest request) {
        var created = registry.register(scope, request.toDetails());
        return ResponseEntity.status(HttpStatus.CREATED).body(queries.find(scope, created.id()).orElseThrow());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','REGULATOR','PROPERTY_MANAGER')")
    @Operation(summary = "Amend an elevator's facts; every change is kept in its history")
    ElevatorView update(Scope scope, @PathVariable long id, @RequestBody ElevatorRequest request) {
        registry.amend(scope, new ElevatorId(id), request.toDetails());
        return queries.find(scope, new ElevatorId(id)).orElseThrow();
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The elevator's history from the audit log: who, when, before and after")
    List<HistoryEntry> history(Scope scope, @PathVariable long id) {
        requireInScope(scope, id);
        return audit.forEntity(ElevatorChanged.ENTITY, String.valueOf(id)).stream().map(HistoryEntry::of).toList();
    }

    @GetMapping(value = "/{id}/qr.svg", produces = "image/svg+xml")
    @Operation(summary = "The QR code of the elevator's public page, as SVG")
    String qrSvg(Scope scope, @PathVariable long id) {
        return qr.svg(links.elevatorPage(codeOf(scope, id)));
    }

    @GetMapping(value = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The QR code of the elevator's public page, as PNG")
    byte[] qrPng(Scope scope, @PathVariable long id) {
        return qr.png(links.elevatorPage(codeOf(scope, id)), 10);
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','REGULATOR')")
    @Operation(summary = "Import elevators from .xlsx, all or nothing",
            description = "A file with any bad row imports nothing and answers 400 with a problem whose `errors` list the row, column and message of every problem.")
    ImportReport importFile(Scope scope, @RequestPart("file") MultipartFile file, Locale locale) throws IOException {
        return importer.importFile(scope, file.getOriginalFilename(), file.getInputStream(), locale);
    }

    @GetMapping(value = "/import/template", produces = XLSX)
    @Operation(summary = "The import template, with Chinese headers")
    void template(HttpServletResponse response) throws IOException {
        attachment(response, "elevator-import-template.xlsx");
        spreadsheet.writeTemplate(response.getOutputStream());
    }

    @GetMapping(value = "/export", produces = XLSX)
    @Operation(summary = "Export the filtered elevator list as .xlsx")
    void export(Scope scope, @RequestParam(required = false) String community,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String ageBand, @RequestParam(required = false) Integer minAge,
            @RequestParam(required = false) Long maintenanceCompany, @RequestParam(required = false) ElevatorStatus status,
            @RequestParam(required = false) ElevatorType type, @RequestParam(required = false) String q,
            HttpServletResponse response) throws IOException {
        attachment(response, "elevators.xlsx");
        spreadsheet.writeExport(scope, filter(community, brand, ageBand, minAge, maintenanceCompany, status, type, q),
                response.getOutputStream());
    }

    static ElevatorFilter filter(String community, String brand, String ageBand, Integer minAge,
            Long maintenanceCompany, ElevatorStatus status, ElevatorType type, String q) {
        AgeBand band = null;
        if (ageBand != null && !ageBand.isBlank()) {
            try {
                band = AgeBand.fromCode(ageBand.strip());
            }
            catch (IllegalArgumentException e) {
                throw new ValidationFailedException(Violation.of("ageBand", "elevator.ageBand.unknown", ageBand));
            }
        }
        if (minAge != null && (minAge < 0 || minAge > 100)) {
            throw new ValidationFailedException(Violation.of("minAge", "validation.range", 0, 100));
        }
        return new ElevatorFilter(community, brand, band, minAge, maintenanceCompany, status, type, q);
    }

    static void attachment(HttpServletResponse response, String filename) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }

    private void requireInScope(Scope scope, long id) {
        if (!registry.inScope(scope, new ElevatorId(id))) {
            throw new NotFoundException("elevator", id);
        }
    }

    private String codeOf(Scope scope, long id) {
        return registry.find(scope, new ElevatorId(id)).orElseThrow(() -> new NotFoundException("elevator", id))
                .registrationCode();
    }
}
