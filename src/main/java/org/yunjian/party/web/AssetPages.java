package org.yunjian.party.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.party.AssetImportance;
import org.yunjian.party.AssetType;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.internal.SystemAssets;
import org.yunjian.party.internal.SystemService;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;

/** The 测评对象 list of a system as a page: one form with a row per asset (the system page shows the list). */
@Controller
@RequestMapping("/systems/{id}/assets")
class AssetPages {

    private static final Pattern FIELD = Pattern.compile("assets\\[(\\d+)]\\.(\\w+)");

    private final SystemAssets assets;
    private final SystemService systems;

    AssetPages(SystemAssets assets, SystemService systems) {
        this.assets = assets;
        this.systems = systems;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String form(@PathVariable UUID id, Model model) {
        CloudSystem s = manageable(id);
        return page(model, s, AssetForm.of(assets.list(id)), Map.of());
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'USER')")
    String save(@PathVariable UUID id, @ModelAttribute("form") AssetForm form, Model model, RedirectAttributes flash) {
        AssetForm.Kept kept = form.kept();
        return PageRefusal.on(model)
                .fields(named -> {
                    Map<String, String> errors = new HashMap<>();
                    named.forEach((field, message) -> {
                        Matcher m = FIELD.matcher(field);
                        errors.put(
                                m.matches()
                                        ? "rows[" + kept.rowOf().get(Integer.parseInt(m.group(1))) + "]." + m.group(2)
                                        : "rows",
                                message);
                    });
                    return errors;
                })
                // the form again with what was typed, over the version stored now: saving again is deliberate
                .keep(e -> form.setVersion(
                        String.valueOf(e.formVersionOr(() -> assets.list(id).version()))))
                .attempt(
                        () -> {
                            assets.replace(id, ExpectedVersion.ofForm(form.getVersion()), kept.inputs());
                            flash.addFlashAttribute("assetsSaved", true);
                            return "redirect:/systems/" + id + "#system-assets";
                        },
                        () -> page(model, systems.get(id), form, PageRefusal.none()));
    }

    private CloudSystem manageable(UUID id) {
        CloudSystem s = systems.get(id);
        if (!assets.canManage(s)) {
            throw new AccessDeniedException("party.denied.customerOrAdmin");
        }
        return s;
    }

    private String page(Model model, CloudSystem s, AssetForm form, Map<String, String> errors) {
        model.addAttribute("system", s);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("assetTypes", AssetType.values());
        model.addAttribute("importances", AssetImportance.values());
        return "party/system-assets";
    }
}
