package cn.liftcare.maintenance.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.identity.Scope;
import cn.liftcare.identity.UserId;
import cn.liftcare.maintenance.CheckInTokens;
import cn.liftcare.maintenance.ChecklistEntry;
import cn.liftcare.maintenance.Inspection;
import cn.liftcare.maintenance.InspectionKind;
import cn.liftcare.maintenance.InspectionRecords;
import cn.liftcare.maintenance.InspectionResult;
import cn.liftcare.maintenance.MaintainerCertificate;
import cn.liftcare.maintenance.MaintenanceClass;
import cn.liftcare.maintenance.MaintenanceItem;
import cn.liftcare.maintenance.MaintenancePlan;
import cn.liftcare.maintenance.MaintenanceQueries;
import cn.liftcare.maintenance.MaintenanceWork;
import cn.liftcare.maintenance.Photos;
import cn.liftcare.maintenance.VisitId;
import cn.liftcare.maintenance.VisitView;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.Months;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Maintenance", description = "TSG T5002-2017 maintenance: plans, visits, check-in, checklists, flags, inspections")
class MaintenanceApiController {

    private final MaintenanceWork work;
    private final MaintenanceQueries queries;
    private final InspectionRecords inspections;
    private final Photos photos;
    private final CheckInTokens tokens;
    private final cn.liftcare.shared.LiftCareTime time;

    MaintenanceApiController(MaintenanceWork work, MaintenanceQueries queries, InspectionRecords inspections,
            Photos photos, CheckInTokens tokens, cn.liftcare.shared.LiftCareTime time) {
        this.time = time;
        this.work = work;
        this.queries = queries;
        this.inspections = inspections;
        this.photos = photos;
        this.tokens = tokens;
    }

    @GetMapping("/maintenance/overdue")
    @Operation(summary = "Elevators in service overdue for maintenance (超期未保), in the caller's scope")
    List<MaintenanceQueries.Overdue> overdue(Scope scope) {
        return queries.overdue(scope);
    }

    @GetMapping("/maintenance/on-time-rate")
    @Operation(summary = "On-time maintenance rate per maintenance company for a month (YYYY-MM)")
    List<Rate> onTimeRate(Scope scope, @RequestParam String month) {
        return queries.onTimeRate(scope, Months.parse(month)).stream().map(Rate::of).toList();
    }

    record Rate(long companyId, String month, long visits, long onTime, long overdueAtEnd, double rate) {
        static Rate of(MaintenanceQueries.OnTimeRate r) {
            return new Rate(r.companyId().value(), r.month().toString(), r.visits(), r.onTime(), r.overdueAtEnd(),
                    Math.round(r.rate() * 10_000) / 10_000.0);
        }
    }

    @GetMapping("/maintenance/board")
    @Operation(summary = "The company's elevators with their next visit due and its class")
    List<MaintenanceQueries.BoardRow> board(Scope scope) {
        return queries.board(scope);
    }

    @GetMapping("/maintenance/visits/mine")
    @Operation(summary = "The signed-in maintainer's open visits")
    List<MaintenanceQueries.VisitRow> mine(Scope scope) {
        return queries.myVisits(scope);
    }

    @GetMapping("/maintenance/visits/awaiting-confirmation")
    @Operation(summary = "Submitted records waiting for the use unit's confirmation")
    List<MaintenanceQueries.VisitRow> awaiting(Scope scope) {
        return queries.awaitingConfirmation(scope);
    }

    @GetMapping("/maintenance/visits/{id}")
    @Operation(summary = "One visit with its checklist and flags; 404 outside the caller's scope")
    MaintenanceQueries.VisitRow visit(Scope scope, @PathVariable long id) {
        return queries.visit(scope, new VisitId(id)).orElseThrow(() -> new NotFoundException("visit", id));
    }

    @PostMapping("/maintenance/visits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a visit; its class and items due follow from the elevator's history")
    VisitView plan(Scope scope, @RequestBody PlanRequest request) {
        return work.plan(scope, new ElevatorId(request.elevatorId()), request.plannedOn(),
                request.maintainerId() == null ? null : new UserId(request.maintainerId()));
    }

    record PlanRequest(long elevatorId, LocalDate plannedOn, Long maintainerId) {
    }

    @PostMapping("/maintenance/visits/{id}/assign")
    @Operation(summary = "Assign a maintainer, whose 特种设备作业人员证 must be valid on the day")
    VisitView assign(Scope scope, @PathVariable long id, @RequestBody Map<String, Long> body) {
        Long maintainer = body.get("maintainerId");
        if (maintainer == null) {
            throw new ValidationFailedException(Violation.of("maintainerId", "validation.required"));
        }
        return work.assign(scope, new VisitId(id), new UserId(maintainer));
    }

    @PostMapping("/maintenance/check-ins")
    @Operation(summary = "Check in on site with the code shown in the car",
            description = "A forged, stale or other elevator's code still checks in, marked not valid (and flagged); "
                    + "a code that was already used is refused.")
    MaintenanceWork.CheckIn checkIn(Scope scope, @RequestBody CheckInRequest request) {
        return work.checkIn(scope, new ElevatorId(request.elevatorId()), request.token(), request.latitude(),
                request.longitude());
    }

    record CheckInRequest(long elevatorId, String token, BigDecimal latitude, BigDecimal longitude) {
    }

    @PostMapping("/maintenance/visits/{id}/record")
    @Operation(summary = "Record the checklist: every item due, nothing else",
            description = "Send the same Idempotency-Key (header or body) to retry safely: one record results. "
                    + "A missing item answers 400 listing the missing codes.")
    VisitView record(Scope scope, @PathVariable long id, @RequestBody RecordRequest request,
            @RequestHeader(value = "Idempotency-Key", required = false) String header) {
        return work.record(scope, new VisitId(id), request.items(), request.startedAt(), request.finishedAt(),
                header != null ? header : request.idempotencyKey());
    }

    record RecordRequest(List<ChecklistEntry> items, Instant startedAt, Instant finishedAt, String idempotencyKey) {
    }

    @PostMapping("/maintenance/visits/{id}/confirm")
    @Operation(summary = "The use unit's safety manager confirms the record (TSG T5002 art. 7); it is final after")
    VisitView confirm(Scope scope, @PathVariable long id) {
        return work.confirm(scope, new VisitId(id));
    }

    @PostMapping("/maintenance/visits/{id}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Correct a confirmed record by a new record, linked to it, with the reason")
    VisitView correct(Scope scope, @PathVariable long id, @RequestBody CorrectionRequest request) {
        return work.correct(scope, new VisitId(id), request.reason(), request.items(), request.startedAt(),
                request.finishedAt(), request.idempotencyKey());
    }

    record CorrectionRequest(String reason, List<ChecklistEntry> items, Instant startedAt, Instant finishedAt,
            String idempotencyKey) {
    }

    @PostMapping(value = "/maintenance/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('MAINTAINER','MAINTENANCE_MANAGER')")
    @Operation(summary = "Upload a photo (JPEG, PNG or WebP, at most 5 MB); answers its id for the checklist")
    Map<String, Long> photo(Scope scope, @RequestPart("file") MultipartFile file) throws IOException {
        return Map.of("id", photos.upload(scope, file.getBytes()));
    }

    @GetMapping("/maintenance/flags")
    @Operation(summary = "Box-ticking flags raised in a period (default: the last 30 days), with their evidence")
    List<MaintenanceQueries.FlagRow> flags(Scope scope, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        LocalDate end = to == null ? time.today() : to;
        return queries.flags(scope, from == null ? end.minusDays(30) : from, end);
    }

    @GetMapping("/maintenance/catalogue")
    @Operation(summary = "The TSG T5002-2017 items a visit of the class does on an elevator of the annex (A–D)")
    List<MaintenanceItem> catalogue(@RequestParam char annex, @RequestParam MaintenanceClass visitClass) {
        return queries.catalogue().cumulative(annex, visitClass);
    }

    @PostMapping("/maintenance/plans/{elevatorId}/on-demand")
    @Operation(summary = "The regulator approves on-demand maintenance (按需维保) for a monitored elevator")
    MaintenancePlan.PlanView onDemand(Scope scope, @PathVariable long elevatorId, @RequestBody OnDemandRequest request) {
        return work.approveOnDemand(scope, new ElevatorId(elevatorId), request.intervalDays(), request.monitoringDevice(),
                request.note());
    }

    record OnDemandRequest(int intervalDays, String monitoringDevice, String note) {
    }

    @DeleteMapping("/maintenance/plans/{elevatorId}/on-demand")
    @Operation(summary = "Back to standard maintenance: a visit at least every 15 days")
    MaintenancePlan.PlanView standard(Scope scope, @PathVariable long elevatorId,
            @RequestParam(required = false) String note) {
        return work.revertToStandard(scope, new ElevatorId(elevatorId), note);
    }

    @PostMapping("/maintenance/certificates")
    @Operation(summary = "Register or renew a maintainer's 特种设备作业人员证")
    MaintainerCertificate.CertificateView certify(Scope scope, @RequestBody CertificateRequest request) {
        return work.certify(scope, new UserId(request.userId()), request.certificateNo(), request.expiresOn());
    }

    record CertificateRequest(long userId, String certificateNo, LocalDate expiresOn) {
    }

    @GetMapping("/elevators/{id}/maintenance")
    @Operation(summary = "An elevator's plan, schedule, visits and inspections; 404 outside the caller's scope")
    ElevatorMaintenance elevator(Scope scope, @PathVariable long id) {
        ElevatorId elevator = new ElevatorId(id);
        var plan = queries.plan(scope, elevator).orElseThrow(() -> new NotFoundException("elevator", id));
        var schedule = queries.schedule(scope, elevator).orElseThrow();
        LocalDate today = time.today();
        return new ElevatorMaintenance(plan.mode().name(), plan.maxIntervalDays(), schedule.lastVisit().orElse(null),
                schedule.nextVisitDue(), schedule.classFor(today), schedule.isOverdue(today),
                queries.history(scope, elevator, 100), queries.inspections(scope, elevator), plan.nextInspectionDue());
    }

    record ElevatorMaintenance(String mode, int maxIntervalDays, LocalDate lastVisit, LocalDate nextVisitDue,
            MaintenanceClass classDueToday, boolean overdue, List<MaintenanceQueries.VisitRow> visits,
            List<Inspection.InspectionView> inspections, LocalDate nextInspectionDue) {
    }

    @GetMapping("/inspections/overdue")
    @Operation(summary = "Elevators whose periodic inspection or self-test is overdue")
    List<MaintenanceQueries.InspectionOverdue> inspectionsOverdue(Scope scope) {
        return queries.inspectionsOverdue(scope);
    }

    @PostMapping("/inspections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a periodic inspection (inspection body) or a self-test (maintenance company)",
            description = "A failure suspends the elevator until a check passes; the next due date follows TSG T7001-2023.")
    Inspection.InspectionView inspect(Scope scope, @RequestBody InspectionRequest request) {
        return inspections.record(scope, new ElevatorId(request.elevatorId()), request.kind(), request.inspectedOn(),
                request.result(), request.rectification());
    }

    record InspectionRequest(long elevatorId, InspectionKind kind, LocalDate inspectedOn, InspectionResult result,
            String rectification) {
    }

    @GetMapping("/elevators/{id}/check-in-code")
    @PreAuthorize("hasAnyRole('SAFETY_MANAGER','PROPERTY_MANAGER','ADMIN')")
    @Operation(summary = "The current check-in code for the display in the car (use unit and administrators only)")
    Map<String, Object> checkInCode(Scope scope, @PathVariable long id) {
        ElevatorId elevator = new ElevatorId(id);
        queries.plan(scope, elevator).orElseThrow(() -> new NotFoundException("elevator", id));
        return Map.of("token", tokens.current(elevator), "validForSeconds", 2 * 300);
    }

}
