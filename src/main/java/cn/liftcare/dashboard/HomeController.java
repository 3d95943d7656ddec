package cn.liftcare.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.liftcare.identity.Scope;
import cn.liftcare.registry.AgeBand;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorStatus;
import cn.liftcare.registry.ElevatorType;

/** The home page: the elevators the caller's organisation is responsible for, by status, type and age. */
@Controller
class HomeController {

    private final ElevatorQueries elevators;

    HomeController(ElevatorQueries elevators) {
        this.elevators = elevators;
    }

    @GetMapping("/")
    String home(Scope scope, Model model) {
        Map<ElevatorStatus, Long> byStatus = elevators.countByStatus(scope);
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        model.addAttribute("total", total);
        model.addAttribute("byStatus", byStatus);
        Map<ElevatorType, Map<AgeBand, Long>> byTypeAndAge = elevators.countByTypeAndAge(scope);
        Map<String, long[]> series = new LinkedHashMap<>();
        for (ElevatorType type : ElevatorType.values()) {
            Map<AgeBand, Long> counts = byTypeAndAge.get(type);
            if (counts == null) {
                continue;
            }
            long[] row = new long[AgeBand.values().length];
            for (AgeBand band : AgeBand.values()) {
                row[band.ordinal()] = counts.getOrDefault(band, 0L);
            }
            series.put(type.name(), row);
        }
        model.addAttribute("ageBands", AgeBand.values());
        model.addAttribute("series", series);
        long over15 = byTypeAndAge.values().stream()
                .mapToLong(m -> m.getOrDefault(AgeBand.FROM_15_TO_20, 0L) + m.getOrDefault(AgeBand.OVER_20, 0L)).sum();
        model.addAttribute("over15", over15);
        return "home";
    }
}
