package org.yunjian.notification.web;

import java.util.List;
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
import org.yunjian.notification.internal.DeliveryRecordQueries;
import org.yunjian.notification.internal.NotificationSettings;
import org.yunjian.notification.internal.OrganizationAdministrators;
import org.yunjian.notification.internal.RobotKind;
import org.yunjian.notification.internal.Webhooks;
import org.yunjian.shared.refusal.PageRefusal;

/** An organisation's group-chat robots and its deliveries (failures first), for its administrators. */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
class WebhookPages {

    /**
     * The add form as typed (never the secret, which is typed again after a refusal); its scope: every system of the
     * organisation ({@code scope} {@value #WHOLE}) or the ticked {@code systems} ({@value #SYSTEMS}).
     */
    record RobotForm(String kind, String name, String url, String language, String scope, List<String> systems) {
        static final RobotForm EMPTY = new RobotForm("WECOM", "", "", "zh-CN", WHOLE, List.of());
    }

    /** The scope choice "every system of the organisation". */
    static final String WHOLE = "whole";
    /** The scope choice "only the ticked systems". */
    static final String SYSTEMS = "systems";

    private final Webhooks webhooks;
    private final DeliveryRecordQueries deliveries;
    private final OrganizationAdministrators admins;

    WebhookPages(Webhooks webhooks, DeliveryRecordQueries deliveries, OrganizationAdministrators admins) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.admins = admins;
    }

    @GetMapping("/organizations/{id}/webhooks")
    String page(@PathVariable UUID id, Model model) {
        return page(id, model, RobotForm.EMPTY, Map.of());
    }

    @PostMapping("/organizations/{id}/webhooks")
    String add(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String secret,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = WHOLE) String scope,
            @RequestParam(defaultValue = "") List<String> systems,
            Model model,
            RedirectAttributes redirect) {
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            webhooks.add(id, kind, name, url, secret, language, whole(scope), ticked(scope, systems));
                            redirect.addFlashAttribute("added", true);
                            return "redirect:/organizations/" + id + "/webhooks";
                        },
                        () -> page(
                                id,
                                model,
                                new RobotForm(kind, name, url, language, scope, systems),
                                PageRefusal.none()));
    }

    /** Changes which of the organisation's work a robot hears; refused, the page shows the robot's form open. */
    @PostMapping("/organizations/{id}/webhooks/{webhookId}/scope")
    String scope(
            @PathVariable UUID id,
            @PathVariable UUID webhookId,
            @RequestParam(defaultValue = WHOLE) String scope,
            @RequestParam(defaultValue = "") List<String> systems,
            Model model,
            RedirectAttributes redirect) {
        return PageRefusal.on(model)
                .in("scope-" + webhookId)
                .attempt(
                        () -> {
                            webhooks.scope(id, webhookId, whole(scope), ticked(scope, systems));
                            redirect.addFlashAttribute("scoped", true);
                            return "redirect:/organizations/" + id + "/webhooks";
                        },
                        () -> page(id, model, RobotForm.EMPTY, PageRefusal.none()));
    }

    /** The radio's choice as the service reads it: the whole organisation, or the ticked systems. */
    private static Boolean whole(String scope) {
        return !SYSTEMS.equals(scope);
    }

    /** The ticked systems count only with the choice "only the ticked systems" (the boxes stay ticked otherwise). */
    private static List<String> ticked(String scope, List<String> systems) {
        return SYSTEMS.equals(scope) ? systems : List.of();
    }

    @PostMapping("/organizations/{id}/webhooks/{webhookId}/delete")
    String remove(
            @PathVariable UUID id,
            @PathVariable UUID webhookId,
            @RequestParam(defaultValue = "false") boolean confirm,
            Model model,
            RedirectAttributes redirect) {
        if (!confirm) {
            model.addAttribute("removeUnconfirmed", webhookId);
            return page(id, model, RobotForm.EMPTY, Map.of());
        }
        webhooks.remove(id, webhookId);
        redirect.addFlashAttribute("removed", true);
        return "redirect:/organizations/" + id + "/webhooks";
    }

    private String page(UUID id, Model model, RobotForm form, Map<String, String> errors) {
        model.addAttribute("robots", webhooks.list(id));
        model.addAttribute("systems", webhooks.systems(id));
        model.addAttribute("organizationId", id);
        model.addAttribute("organizationName", admins.name(id));
        model.addAttribute("deliveries", deliveries.of(id));
        model.addAttribute("failed", deliveries.failedCount(id));
        model.addAttribute("kinds", RobotKind.values());
        model.addAttribute("languages", NotificationSettings.LANGUAGES);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "fieldLabels",
                Map.of(
                        "kind",
                        "notification.webhook.kind",
                        "name",
                        "notification.webhook.name",
                        "url",
                        "notification.webhook.url",
                        "secret",
                        "notification.webhook.secret",
                        "language",
                        "notification.webhook.language",
                        "systems",
                        "notification.webhook.scope",
                        "wholeOrganization",
                        "notification.webhook.scope"));
        return "notification/webhooks";
    }
}
