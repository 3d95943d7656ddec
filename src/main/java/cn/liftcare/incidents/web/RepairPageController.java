package cn.liftcare.incidents.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.incidents.FaultLocation;
import cn.liftcare.incidents.IncidentQueries;
import cn.liftcare.incidents.Part;
import cn.liftcare.incidents.PartId;
import cn.liftcare.incidents.Parts;
import cn.liftcare.incidents.RepairOrderId;
import cn.liftcare.incidents.RepairOrderView;
import cn.liftcare.incidents.RepairPart;
import cn.liftcare.incidents.RepairWork;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/** Repair orders: the list, one order, and its completion by the repairing company with the parts picker. */
@Controller
class RepairPageController {

    private final RepairWork work;
    private final IncidentQueries queries;
    private final Parts parts;
    private final ElevatorRegistry registry;
    private final PageMessages messages;

    RepairPageController(RepairWork work, IncidentQueries queries, Parts parts, ElevatorRegistry registry,
            PageMessages messages) {
        this.work = work;
        this.queries = queries;
        this.parts = parts;
        this.registry = registry;
        this.messages = messages;
    }

    @GetMapping("/repair-orders")
    String list(Scope scope, @RequestParam(defaultValue = "false") boolean open, Model model) {
        var orders = queries.repairOrders(scope, open);
        model.addAttribute("orders", orders);
        model.addAttribute("codes", registry.snapshots(orders.stream().map(o -> new ElevatorId(o.elevatorId()))
                .collect(Collectors.toSet())).values().stream()
                .collect(Collectors.toMap(s -> s.id().value(), ElevatorSnapshot::registrationCode)));
        model.addAttribute("open", open);
        return "incidents/repairs";
    }

    @GetMapping("/repair-orders/{id}")
    String order(Scope scope, @PathVariable long id, Model model) {
        return page(scope, work.visibleOrder(scope, new RepairOrderId(id)).view(), RepairForm.empty(), Map.of(), model);
    }

    @PostMapping("/repair-orders/{id}/complete")
    String complete(Scope scope, @PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        RepairForm form = RepairForm.of(params);
        try {
            work.complete(scope, new RepairOrderId(id), form.command());
            redirect.addFlashAttribute("completed", true);
            return "redirect:/repair-orders/" + id;
        }
        catch (ValidationFailedException e) {
            Map<String, String> errors = new HashMap<>();
            for (Violation v : e.violations()) {
                errors.putIfAbsent(v.field(), messages.text(v));
            }
            return page(scope, work.visibleOrder(scope, new RepairOrderId(id)).view(), form, errors, model);
        }
        catch (RuleViolationException e) {
            model.addAttribute("problems", List.of(messages.text(e)));
            return page(scope, work.visibleOrder(scope, new RepairOrderId(id)).view(), form, Map.of(), model);
        }
    }

    /** The picker's search: parts fitting the elevator's brand, with guide price and expected life. */
    @GetMapping("/repair-orders/parts")
    String parts(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
            @RequestParam(required = false) String brand, Model model) {
        model.addAttribute("parts", parts.search(category == null || category.isBlank() ? null : category, brand, q)
                .stream().limit(40).toList());
        return "incidents/repair :: parts";
    }

    /** A line as shown: the part, the line, and whether its price is above the guide price. */
    record LineView(Part part, RepairPart line, BigDecimal total, boolean aboveGuide) {
    }

    private String page(Scope scope, RepairOrderView order, RepairForm form, Map<String, String> errors, Model model) {
        ElevatorSnapshot elevator = registry.snapshots(List.of(order.elevatorId())).get(order.elevatorId());
        Set<PartId> ids = new HashSet<>();
        order.parts().forEach(p -> ids.add(p.partId()));
        form.lines().stream().map(RepairForm.Line::partId).filter(Objects::nonNull).filter(s -> s.matches("\\d{1,18}"))
                .forEach(s -> ids.add(new PartId(Long.parseLong(s))));
        Map<PartId, Part> known = parts.byIds(ids);
        model.addAttribute("order", order);
        model.addAttribute("elevator", elevator);
        model.addAttribute("lines", order.parts().stream().map(l -> new LineView(known.get(l.partId()), l,
                l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())), l.unitPrice().compareTo(l.guidePrice()) > 0))
                .toList());
        model.addAttribute("total", order.parts().stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        Map<String, Part> byText = new HashMap<>();
        known.forEach((id, part) -> byText.put(String.valueOf(id.value()), part));
        model.addAttribute("partsById", byText);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("locations", FaultLocation.values());
        model.addAttribute("actions", RepairPart.Action.values());
        model.addAttribute("categories", parts.search(null, null, "").stream().map(Part::category).distinct().toList());
        model.addAttribute("canComplete", "OPEN".equals(order.status()) && scope.hasAny(Role.MAINTAINER,
                Role.MAINTENANCE_MANAGER) && scope.reach() == Scope.Reach.MAINTAINED_ELEVATORS
                && order.companyId().equals(scope.organizationId()));
        return "incidents/repair";
    }
}
