package cn.liftcare.registry.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.liftcare.identity.Scope;
import cn.liftcare.registry.CommunityQueries;

@Controller
class CommunityPageController {

    private final CommunityQueries communities;

    CommunityPageController(CommunityQueries communities) {
        this.communities = communities;
    }

    @GetMapping("/communities")
    String list(Scope scope, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", communities.list(scope, q, page, 50));
        model.addAttribute("q", q);
        return "communities/list";
    }
}
