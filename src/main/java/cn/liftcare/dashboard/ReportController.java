package cn.liftcare.dashboard;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.liftcare.identity.Scope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;

/**
 * The reports page of an organisation that makes reports (regulator, insurer, use unit, owners' committee): the
 * list with each report's progress (polled by htmx while it runs), the form to make one, and the files.
 * {@code GET /api/v1/reports} lists them as JSON.
 */
@Controller
@PreAuthorize(ReportController.MAKERS)
class ReportController {

    static final String MAKERS = "hasAnyRole('REGULATOR','UNDERWRITER','ADJUSTER','PROPERTY_MANAGER','SAFETY_MANAGER','OWNERS_REP')";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Reports reports;
    private final LiftCareTime time;

    ReportController(Reports reports, LiftCareTime time) {
        this.reports = reports;
        this.time = time;
    }

    @GetMapping("/reports")
    String list(Scope scope, Model model) {
        ReportKind kind = kind(scope);
        model.addAttribute("kind", kind);
        model.addAttribute("reports", reports.list(scope));
        model.addAttribute("period", kind.annual() ? String.valueOf(time.today().getYear() - 1)
                : YearMonth.from(time.today()).minusMonths(1).toString());
        return "reports/list";
    }

    @PostMapping("/reports")
    String request(Scope scope, @RequestParam(required = false) String period, Model model) {
        try {
            reports.request(scope, period);
            return "redirect:/reports";
        }
        catch (ValidationFailedException e) {
            model.addAttribute("periodError", "dashboard.report.period");
            model.addAttribute("kind", kind(scope));
            model.addAttribute("reports", reports.list(scope));
            model.addAttribute("period", period);
            return "reports/list";
        }
    }

    /** One report's row, while it runs polled every second by htmx. */
    @GetMapping("/reports/{id}/status")
    String status(Scope scope, @PathVariable long id, Model model) {
        model.addAttribute("r", reports.find(scope, id).orElseThrow(() -> new NotFoundException("report", id)));
        return "reports/list :: row";
    }

    @GetMapping("/reports/{id}.pdf")
    ResponseEntity<byte[]> pdf(Scope scope, @PathVariable long id) {
        return file(scope, id, "pdf", MediaType.APPLICATION_PDF_VALUE);
    }

    @GetMapping("/reports/{id}.xlsx")
    ResponseEntity<byte[]> xlsx(Scope scope, @PathVariable long id) {
        return file(scope, id, "xlsx", XLSX);
    }

    @GetMapping("/api/v1/reports")
    @ResponseBody
    List<Reports.ReportRow> api(Scope scope) {
        kind(scope);
        return reports.list(scope);
    }

    @PostMapping("/api/v1/reports")
    ResponseEntity<Reports.ReportRow> create(Scope scope, @RequestParam String period) {
        Reports.ReportRow row = reports.request(scope, period);
        return ResponseEntity.accepted().location(URI.create("/api/v1/reports/" + row.id())).body(row);
    }

    @GetMapping("/api/v1/reports/{id}")
    @ResponseBody
    Reports.ReportRow one(Scope scope, @PathVariable long id) {
        return reports.find(scope, id).orElseThrow(() -> new NotFoundException("report", id));
    }

    private ResponseEntity<byte[]> file(Scope scope, long id, String format, String type) {
        Reports.ReportRow row = reports.find(scope, id).orElseThrow(() -> new NotFoundException("report", id));
        byte[] bytes = reports.file(scope, id, format).orElseThrow(() -> new NotFoundException("report", id));
        String name = row.kind().name().toLowerCase() + "-" + row.period() + "." + format;
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(bytes);
    }

    private static ReportKind kind(Scope scope) {
        return ReportKind.forType(scope.organizationType()).orElseThrow(() -> new NotFoundException("report", 0));
    }
}
