package cn.liftcare.incidents.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.multipart.MultipartFile;

import cn.liftcare.incidents.IncidentDesk;
import cn.liftcare.incidents.IncidentQueries;
import cn.liftcare.incidents.NewReport;
import cn.liftcare.incidents.Symptom;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorView;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.TooManyRequestsException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.web.FormErrors;

/** The resident's pages, without an account: report a fault from the car's QR page, then follow it. */
@Controller
class ResidentReportController {

    static final List<Symptom> SYMPTOMS = Arrays.stream(Symptom.values()).filter(s -> s != Symptom.ALARM).toList();

    private final IncidentDesk desk;
    private final IncidentQueries queries;
    private final ElevatorQueries elevators;
    private final MessageSource messages;

    ResidentReportController(IncidentDesk desk, IncidentQueries queries, ElevatorQueries elevators,
            MessageSource messages) {
        this.desk = desk;
        this.queries = queries;
        this.elevators = elevators;
        this.messages = messages;
    }

    record ResidentReportForm(Symptom symptom, String description, String phone, MultipartFile photo) {
    }

    @GetMapping("/p/{code}/report")
    String form(@PathVariable String code, Model model) {
        return page(model, elevator(code), new ResidentReportForm(null, null, null, null));
    }

    @PostMapping("/p/{code}/report")
    String report(@PathVariable String code, @ModelAttribute("form") ResidentReportForm form, BindingResult result,
            HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        ElevatorView elevator = elevator(code);
        if (result.hasErrors()) {
            return page(model, elevator, form);
        }
        MultipartFile photo = form.photo();
        try {
            var receipt = desk.residentReport(elevator.id(), NewReport.resident(form.symptom(), form.description(),
                    form.phone(), photo == null || photo.isEmpty() ? null : photo.getBytes(), ClientHash.of(request)));
            return "redirect:/t/" + receipt.trackingToken();
        }
        catch (ValidationFailedException e) {
            FormErrors.apply(result, e);
        }
        catch (TooManyRequestsException e) {
            response.setStatus(429);
            model.addAttribute("tooMany", messages.getMessage(e.messageKey(),
                    new Object[] {e.retryAfterSeconds() / 60 + 1}, e.messageKey(), LocaleContextHolder.getLocale()));
        }
        return page(model, elevator, form);
    }

    @GetMapping("/t/{token}")
    String tracking(@PathVariable String token, @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("tracking", queries.tracking(token).orElseThrow(() -> new NotFoundException("report", "token")));
        model.addAttribute("token", token);
        return htmx != null ? "incidents/tracking :: status" : "incidents/tracking";
    }

    private String page(Model model, ElevatorView elevator, ResidentReportForm form) {
        model.addAttribute("elevator", elevator);
        model.addAttribute("form", form);
        model.addAttribute("symptoms", SYMPTOMS);
        return "incidents/report";
    }

    private ElevatorView elevator(String code) {
        return elevators.findPublic(code).orElseThrow(() -> new NotFoundException("elevator", code));
    }
}
