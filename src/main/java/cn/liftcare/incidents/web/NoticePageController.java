package cn.liftcare.incidents.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import cn.liftcare.identity.Scope;
import cn.liftcare.incidents.InAppNotices;

/** The organisation's in-app notices, and the unread count the navigation shows. */
@Controller
class NoticePageController {

    private final InAppNotices notices;
    private final PageMessages messages;

    NoticePageController(InAppNotices notices, PageMessages messages) {
        this.notices = notices;
        this.messages = messages;
    }

    record NoticeLine(InAppNotices.InAppNotice notice, String text) {
    }

    @GetMapping("/notices")
    String list(Scope scope, Model model) {
        model.addAttribute("notices", notices.latest(scope, 50).stream()
                .map(n -> new NoticeLine(n, messages.text(n.messageKey(), n.argsArray()))).toList());
        return "incidents/notices";
    }

    /** Loaded by the navigation after the page, so pages pay nothing for it. */
    @GetMapping("/notices/badge")
    String badge(Scope scope, Model model) {
        model.addAttribute("unread", notices.unread(scope));
        return "incidents/notices :: badge";
    }

    @PostMapping("/notices/read")
    String read(Scope scope) {
        notices.markAllRead(scope);
        return "redirect:/notices";
    }
}
