package cn.liftcare.incidents.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.incidents.IncidentDesk;
import cn.liftcare.incidents.IncidentQueries;
import cn.liftcare.incidents.NewReport;
import cn.liftcare.incidents.ReportReceipt;
import cn.liftcare.incidents.Symptom;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.PublicLinks;
import cn.liftcare.shared.NotFoundException;

/** What a resident can do without an account: report a fault from the car's QR page, and follow it. */
@RestController
@Tag(name = "Public", description = "Open to anyone who scans an elevator's QR code")
class PublicReportApi {

    private final IncidentDesk desk;
    private final IncidentQueries queries;
    private final ElevatorQueries elevators;
    private final PublicLinks links;

    PublicReportApi(IncidentDesk desk, IncidentQueries queries, ElevatorQueries elevators, PublicLinks links) {
        this.desk = desk;
        this.queries = queries;
        this.elevators = elevators;
        this.links = links;
    }

    record PublicReport(Symptom symptom, String description, String phone) {
    }

    /** The receipt and the link to follow the incident; nothing about other reporters. */
    record Receipt(long incidentId, boolean opened, int reportCount, String status, String type, String trackingToken,
            String trackingUrl) {
    }

    @PostMapping(value = "/api/v1/public/elevators/{code}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a fault or entrapment from the elevator's QR page; no login",
            description = "Limited per client and elevator (429 with Retry-After). A report of an elevator with an "
                    + "open incident joins it. Send multipart/form-data instead to attach a photo (JPEG, PNG or WebP, "
                    + "at most 5 MB).")
    Receipt report(@PathVariable String code, @RequestBody PublicReport report, HttpServletRequest request) {
        return receipt(desk.residentReport(elevator(code), NewReport.resident(report.symptom(), report.description(),
                report.phone(), null, ClientHash.of(request))));
    }

    @PostMapping(value = "/api/v1/public/elevators/{code}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report with a photo (multipart/form-data: symptom, description, phone, photo)")
    Receipt reportWithPhoto(@PathVariable String code, @RequestParam(required = false) Symptom symptom,
            @RequestParam(required = false) String description, @RequestParam(required = false) String phone,
            @RequestPart(value = "photo", required = false) MultipartFile photo, HttpServletRequest request)
            throws IOException {
        return receipt(desk.residentReport(elevator(code), NewReport.resident(symptom, description, phone,
                photo == null || photo.isEmpty() ? null : photo.getBytes(), ClientHash.of(request))));
    }

    @GetMapping("/api/v1/public/reports/{token}")
    @Operation(summary = "Follow a report by its tracking token: the incident's status and steps, without names")
    IncidentQueries.Tracking track(@PathVariable String token) {
        return queries.tracking(token).orElseThrow(() -> new NotFoundException("report", "token"));
    }

    private ElevatorId elevator(String code) {
        return elevators.findPublic(code).map(v -> v.id()).orElseThrow(() -> new NotFoundException("elevator", code));
    }

    private Receipt receipt(ReportReceipt r) {
        return new Receipt(r.incidentId().value(), r.opened(), r.reportCount(), r.status().name(), r.type().name(),
                r.trackingToken(), links.absolute("/t/" + r.trackingToken()));
    }
}
