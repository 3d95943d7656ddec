package cn.liftcare.dashboard;

import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Scope;

/**
 * The home page: the dashboard of the caller's organisation (regulator, insurer, use unit or owners' committee,
 * maintenance company; the others see their elevators), read from the dashboards' read model by the caller's own
 * organisation id. Only an organisation whose dashboard was never computed yet (a new one, before the start-up
 * rebuild reached it) has it computed on the spot.
 */
@Controller
class HomeController {

    private final DashboardStore store;
    private final DashboardRefresher refresher;
    private final OrganizationDirectory organizations;
    private final BoardLabels labels;

    HomeController(DashboardStore store, DashboardRefresher refresher, OrganizationDirectory organizations,
            BoardLabels labels) {
        this.labels = labels;
        this.store = store;
        this.refresher = refresher;
        this.organizations = organizations;
    }

    @GetMapping("/")
    String home(Scope scope, Model model, java.util.Locale locale) {
        Optional<Board> board = store.load(scope.orgId());
        if (board.isEmpty()) {
            board = organizations.find(Scope.SYSTEM, scope.organizationId()).map(this::computeNow);
        }
        model.addAttribute("board", board.orElseThrow());
        model.addAttribute("computedAt", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(board.get().computedAt().atZone(cn.liftcare.shared.LiftCareTime.ZONE)));
        java.util.Map<String, String> specs = new java.util.HashMap<>();
        board.get().charts().forEach(c -> specs.put(c.key(), labels.chartJson(c, locale)));
        model.addAttribute("chartSpecs", specs);
        model.addAttribute("reports", ReportKind.forType(scope.organizationType()).isPresent());
        return "home";
    }

    private Board computeNow(OrganizationView org) {
        return refresher.refresh(org);
    }
}
