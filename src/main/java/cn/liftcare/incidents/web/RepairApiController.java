package cn.liftcare.incidents.web;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.identity.Scope;
import cn.liftcare.incidents.IncidentId;
import cn.liftcare.incidents.IncidentQueries;
import cn.liftcare.incidents.Part;
import cn.liftcare.incidents.Parts;
import cn.liftcare.incidents.RepairOrderId;
import cn.liftcare.incidents.RepairOrderView;
import cn.liftcare.incidents.RepairWork;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Repairs", description = "Repair orders and the guide-priced parts catalogue")
class RepairApiController {

    private final RepairWork work;
    private final IncidentQueries queries;
    private final Parts parts;

    RepairApiController(RepairWork work, IncidentQueries queries, Parts parts) {
        this.work = work;
        this.queries = queries;
        this.parts = parts;
    }

    @GetMapping("/repair-orders")
    @Operation(summary = "Repair orders in the caller's scope, open ones first")
    List<IncidentQueries.RepairOrderRow> list(Scope scope, @RequestParam(defaultValue = "false") boolean open) {
        return queries.repairOrders(scope, open);
    }

    @GetMapping("/repair-orders/{id}")
    @Operation(summary = "One repair order with its parts; 404 outside the caller's scope")
    RepairOrderView get(Scope scope, @PathVariable long id) {
        return work.visibleOrder(scope, new RepairOrderId(id)).view();
    }

    @PostMapping("/repair-orders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open the repair order of an incident the caller's company has reached (idempotent per incident)")
    RepairOrderView open(Scope scope, @RequestBody OpenRepair request) {
        if (request.incidentId() == null) {
            throw new ValidationFailedException(Violation.of("incidentId", "validation.required"));
        }
        return work.openFromIncident(scope, new IncidentId(request.incidentId()), request.description());
    }

    record OpenRepair(Long incidentId, String description) {
    }

    @PostMapping("/repair-orders/{id}/complete")
    @Operation(summary = "Complete a repair: diagnosis, fault location (96333 taxonomy), labour hours, photos, parts")
    RepairOrderView complete(Scope scope, @PathVariable long id, @RequestBody RepairWork.CompleteRepair request) {
        return work.complete(scope, new RepairOrderId(id), request);
    }

    @GetMapping("/parts")
    @Operation(summary = "The parts catalogue with guide prices (指导价) and expected lives; filter by category, brand, text")
    List<Part> parts(@RequestParam(required = false) String category, @RequestParam(required = false) String brand,
            @RequestParam(required = false) String q) {
        return parts.search(category, brand, q);
    }

    @PutMapping("/parts/{code}")
    @Operation(summary = "Add or update a part by code (regulator or platform): the city's published guide prices")
    Part savePart(Scope scope, @PathVariable String code, @RequestBody PartRequest request) {
        return parts.save(scope, new Part(null, code, request.category(), request.nameZh(), request.nameEn(),
                request.brands(), request.models(), request.guidePrice() == null ? null : Money.of(request.guidePrice()),
                request.labourHours(), request.expectedLifeYears() == null ? 0 : request.expectedLifeYears()));
    }

    record PartRequest(String category, String nameZh, String nameEn, String brands, String models,
            BigDecimal guidePrice, BigDecimal labourHours, Integer expectedLifeYears) {
    }
}
