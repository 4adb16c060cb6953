package org.yunjian.notification.web;

import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.notification.internal.EmailMode;
import org.yunjian.notification.internal.NotificationSettings;
import org.yunjian.notification.internal.Notifications;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.paging.Pager;
import org.yunjian.shared.refusal.PageRefusal;

/**
 * The caller's notifications: the bell (an htmx fragment the layout loads, so no page needs a model attribute for
 * it), the list, opening one (marks it read, then goes where it links), mark all read, and the settings.
 */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
class NotificationPages {

    private final Notifications notifications;
    private final NotificationSettings settings;

    NotificationPages(Notifications notifications, NotificationSettings settings) {
        this.notifications = notifications;
        this.settings = settings;
    }

    @GetMapping("/notifications/bell")
    String bell(Model model) {
        model.addAttribute("unread", notifications.unreadCount());
        return "notification/bell :: bell";
    }

    @GetMapping("/notifications")
    String list(
            @RequestParam(required = false) String unread,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        boolean unreadOnly = "true".equals(unread);
        PageRequest request = PageRequest.of(page, size);
        Paged<Notifications.NotificationItem> shown = notifications.list(unreadOnly, request);
        model.addAttribute("items", shown.items());
        model.addAttribute("unreadOnly", unreadOnly);
        model.addAttribute("unread", notifications.unreadCount());
        model.addAttribute(
                "pager", Pager.of(shown, "/notifications", unreadOnly ? Map.of("unread", "true") : Map.of()));
        return "notification/list";
    }

    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable UUID id) {
        String href = notifications.markRead(id);
        // the task's path in this application (the contract requires a leading "/"; never "//host")
        return "redirect:" + (href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/\\") ? href : "/");
    }

    @PostMapping("/notifications/read-all")
    String readAll(RedirectAttributes redirect) {
        redirect.addFlashAttribute("markedRead", notifications.markAllRead());
        return "redirect:/notifications";
    }

    @GetMapping("/notifications/settings")
    String settings(Model model) {
        NotificationSettings.Settings s = settings.mine();
        return settingsPage(
                model,
                s.emailMode().name(),
                s.language(),
                s.pendingEmail() != null ? s.pendingEmail() : s.email(),
                Map.of());
    }

    @PostMapping("/notifications/settings")
    String saveSettings(
            @RequestParam(defaultValue = "") String emailMode,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String email,
            Model model,
            RedirectAttributes redirect) {
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            settings.update(emailMode, language, email);
                            redirect.addFlashAttribute("saved", true);
                            return "redirect:/notifications/settings";
                        },
                        () -> settingsPage(model, emailMode, language, email, PageRefusal.none()));
    }

    private String settingsPage(Model model, String mode, String language, String email, Map<String, String> errors) {
        model.addAttribute("modes", EmailMode.values());
        model.addAttribute("languages", NotificationSettings.LANGUAGES);
        model.addAttribute("mode", mode);
        model.addAttribute("language", language);
        model.addAttribute("email", email);
        model.addAttribute("current", settings.mine());
        model.addAttribute("errors", errors);
        model.addAttribute("mailConfigured", settings.mailConfigured());
        return "notification/settings";
    }
}
