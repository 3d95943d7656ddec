package cn.liftcare.incidents.web;

import java.time.YearMonth;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.identity.Scope;
import cn.liftcare.incidents.AlarmSources;
import cn.liftcare.incidents.InAppNotices;
import cn.liftcare.incidents.IncidentDesk;
import cn.liftcare.incidents.IncidentId;
import cn.liftcare.incidents.IncidentMetrics;
import cn.liftcare.incidents.IncidentQueries;
import cn.liftcare.incidents.IncidentRow;
import cn.liftcare.incidents.IncidentStatus;
import cn.liftcare.incidents.IncidentType;
import cn.liftcare.incidents.IncidentWork;
import cn.liftcare.incidents.NewReport;
import cn.liftcare.incidents.ReportReceipt;
import cn.liftcare.incidents.ResponseRule;
import cn.liftcare.incidents.ResponseRules;
import cn.liftcare.incidents.Step;
import cn.liftcare.incidents.Symptom;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.shared.Months;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.Page;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents", description = "Faults and entrapments: reports, the rescue timeline, limits, metrics")
class IncidentApiController {

    private final IncidentDesk desk;
    private final IncidentWork work;
    private final IncidentQueries queries;
    private final IncidentMetrics metrics;
    private final ResponseRules rules;
    private final AlarmSources alarmSources;
    private final ElevatorQueries elevators;

    IncidentApiController(IncidentDesk desk, IncidentWork work, IncidentQueries queries, IncidentMetrics metrics,
            ResponseRules rules, AlarmSources alarmSources, ElevatorQueries elevators) {
        this.desk = desk;
        this.work = work;
        this.queries = queries;
        this.metrics = metrics;
        this.rules = rules;
        this.alarmSources = alarmSources;
        this.elevators = elevators;
    }

    @GetMapping
    @Operation(summary = "Incidents in the caller's scope, open and entrapments first",
            description = "Each row carries its limits (accept, arrival for entrapments, restore) judged now: "
                    + "MET, RUNNING, AT_RISK or BREACHED.")
    Page<IncidentRow> list(Scope scope, @RequestParam(required = false) IncidentStatus status,
            @RequestParam(required = false) IncidentType type, @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) Long elevatorId, @RequestParam(required = false) Boolean breached,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queries.list(scope, new IncidentQueries.Filter(status, type, open, elevatorId, breached), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One incident with its timeline, reports and breaches; 404 outside the caller's scope")
    IncidentQueries.IncidentDetail get(Scope scope, @PathVariable long id) {
        return queries.detail(scope, new IncidentId(id)).orElseThrow(() -> new NotFoundException("incident", id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a fault as the use unit, or enter a 96333 phone report as the call centre",
            description = "A report of an elevator with an open incident joins it and counts.")
    ReportReceipt report(Scope scope, @RequestBody StaffReport request) {
        return desk.staffReport(scope, new ElevatorId(request.elevatorId()), request.symptom(), request.description(),
                request.phone());
    }

    record StaffReport(long elevatorId, Symptom symptom, String description, String phone) {
    }

    @PostMapping("/alarms")
    @Operation(summary = "A machine alarm (GB/T 24476 fault code), authenticated by the X-Alarm-Key header",
            description = "Idempotent by alarmId per source: the first call answers 201, a repeat 200 with the same "
                    + "incident. Give the elevator by id or registration code.")
    ResponseEntity<ReportReceipt> alarm(@RequestHeader(value = "X-Alarm-Key", required = false) String key,
            @RequestBody Alarm request) {
        ElevatorId elevator = request.elevatorId() != null ? new ElevatorId(request.elevatorId())
                : elevators.findPublic(request.registrationCode() == null ? "" : request.registrationCode())
                        .map(v -> v.id()).orElseThrow(() -> new NotFoundException("elevator", request.registrationCode()));
        IncidentDesk.AlarmReceipt receipt = desk.alarm(key, elevator,
                NewReport.alarm(request.alarmId(), request.faultCode(), request.description()));
        return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK).body(receipt.receipt());
    }

    record Alarm(String alarmId, Long elevatorId, String registrationCode, String faultCode, String description) {
    }

    @PostMapping("/alarm-sources")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a key for a monitoring device (bound to one elevator) or an integration; shown once")
    AlarmSources.IssuedKey issueAlarmKey(Scope scope, @RequestBody AlarmSourceRequest request) {
        return alarmSources.issue(scope, request.name(),
                request.elevatorId() == null ? null : new ElevatorId(request.elevatorId()));
    }

    record AlarmSourceRequest(String name, Long elevatorId) {
    }

    @PostMapping("/{id}/events")
    @Operation(summary = "Take the next step: ACCEPTED, ARRIVED (with the car's check-in token), RELEASED, RESTORED, "
            + "CONFIRMED, FALSE_ALARM (with a note) or REASSIGNED (regulator, with unitId)",
            description = "A step out of order answers 409 with the allowed steps in 'allowed'.")
    IncidentQueries.IncidentDetail step(Scope scope, @PathVariable long id, @RequestBody StepRequest request) {
        if (request.step() == null) {
            throw new ValidationFailedException(Violation.of("step", "validation.required"));
        }
        work.take(scope, new IncidentId(id), request.step(),
                new IncidentWork.StepInput(request.token(), request.unitId(), request.note()));
        return queries.detail(scope, new IncidentId(id)).orElseThrow(() -> new NotFoundException("incident", id));
    }

    record StepRequest(Step step, String token, Long unitId, String note) {
    }

    @GetMapping("/metrics")
    @Operation(summary = "A month's response figures per company (default), community, district or elevator")
    List<IncidentMetrics.Metric> metrics(Scope scope, @RequestParam String month,
            @RequestParam(defaultValue = "COMPANY") IncidentMetrics.By by) {
        return metrics.month(scope, Months.parse(month), by);
    }

    @GetMapping("/rules")
    @Operation(summary = "The response-time rule of each district the caller regulates")
    List<ResponseRules.RuleRow> rules(Scope scope) {
        return rules.list(scope);
    }

    @PutMapping("/rules/{districtCode}")
    @Operation(summary = "Set a district's response-time rule (regulator); incidents keep the rule they were reported under")
    ResponseRule setRule(Scope scope, @PathVariable String districtCode, @RequestBody ResponseRule rule) {
        return rules.update(scope, districtCode, rule);
    }


    @RestController
    @RequestMapping("/api/v1/notifications")
    @Tag(name = "Notifications", description = "In-app notices to the caller's organisation")
    static class NotificationApi {

        private final InAppNotices notices;

        NotificationApi(InAppNotices notices) {
            this.notices = notices;
        }

        @GetMapping
        @Operation(summary = "The organisation's latest 50 notices")
        List<InAppNotices.InAppNotice> latest(Scope scope) {
            return notices.latest(scope, 50);
        }

        @PostMapping("/read")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        @Operation(summary = "Mark all the organisation's notices read")
        void read(Scope scope) {
            notices.markAllRead(scope);
        }
    }
}
