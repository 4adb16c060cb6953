package org.yunjian.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.catalog.CatalogLoadException;
import org.yunjian.catalog.CloudRole;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.Layer;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.RequirementKind;
import org.yunjian.catalog.SearchHit;
import org.yunjian.catalog.api.FilterParams;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.NotFoundException;

/** Browsing the catalog: requirement items by standard, phase and role, and one requirement's page. */
@Controller
class CatalogPageController {

    private final Catalog catalog;
    private final CatalogExchange exchange;
    private final MessageSource messages;

    CatalogPageController(Catalog catalog, CatalogExchange exchange, MessageSource messages) {
        this.catalog = catalog;
        this.exchange = exchange;
        this.messages = messages;
    }

    /** Import of an OSCAL catalog from the catalog page; the outcome (or every problem) is flashed there. */
    @PostMapping("/catalog/import")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String importCatalog(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String code,
                         @RequestParam(defaultValue = "false") boolean replace, RedirectAttributes flash, Locale locale) {
        try (InputStream in = file.getInputStream()) {
            byte[] content = in.readNBytes(20_000_001);
            if (content.length > 20_000_000) {
                throw new FieldErrors.ValidationException("file", "larger than 20000000 bytes");
            }
            CatalogExchange.ImportedStandard s = exchange.importOscal(file.getOriginalFilename(), content, code, replace);
            flash.addFlashAttribute("importMessage", messages.getMessage("catalog.import.done",
                    new Object[]{s.code(), s.requirements()}, locale));
        } catch (CatalogLoadException | org.yunjian.shared.ConflictException e) {
            flash.addFlashAttribute("importErrors", List.of(e.getMessage()));
        } catch (FieldErrors.ValidationException e) {
            flash.addFlashAttribute("importErrors", e.errors().entrySet().stream()
                    .map(x -> x.getKey() + "：" + x.getValue()).toList());
        } catch (IOException e) {
            flash.addFlashAttribute("importErrors", List.of(messages.getMessage("catalog.import.unreadable", null, locale)));
        }
        return "redirect:/catalog";
    }

    @GetMapping("/catalog")
    @PreAuthorize("isAuthenticated()")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String standard,
                @RequestParam(required = false) String phase, @RequestParam(required = false) String role,
                @RequestParam(required = false) String layer, @RequestParam(required = false) String deploymentModel,
                Model model, Locale locale) {
        fill(q, standard, phase, role, layer, deploymentModel, model, locale);
        model.addAttribute("standards", catalog.standards());
        model.addAttribute("phases", Phase.values());
        model.addAttribute("roles", CloudRole.values());
        model.addAttribute("layers", Layer.values());
        model.addAttribute("models", DeploymentModel.values());
        model.addAttribute("standard", standard);
        model.addAttribute("phase", phase);
        model.addAttribute("role", role);
        model.addAttribute("layer", layer);
        model.addAttribute("deploymentModel", deploymentModel);
        model.addAttribute("admin", CurrentUser.current().map(u -> u.is(Role.SYSTEM_ADMIN)).orElse(false));
        return "catalog/list";
    }

    /** The result table alone, for htmx (the search box and filters swap it in place). */
    @GetMapping("/catalog/results")
    @PreAuthorize("isAuthenticated()")
    String results(@RequestParam(required = false) String q, @RequestParam(required = false) String standard,
                   @RequestParam(required = false) String phase, @RequestParam(required = false) String role,
                   @RequestParam(required = false) String layer, @RequestParam(required = false) String deploymentModel,
                   Model model, Locale locale) {
        fill(q, standard, phase, role, layer, deploymentModel, model, locale);
        return "catalog/list :: results";
    }

    private void fill(String q, String standard, String phase, String role, String layer, String deploymentModel,
                      Model model, Locale locale) {
        FieldErrors errors = new FieldErrors();
        RequirementFilter filter = FilterParams.parse(catalog, standard, null, phase, role, layer, deploymentModel, errors);
        boolean searching = q != null && !q.isBlank();
        List<Requirement> items;
        if (!errors.isEmpty()) {
            items = List.of();
        } else if (searching) {
            items = catalog.search(q, filter).stream().limit(500).map(SearchHit::requirement).toList();
        } else {
            items = catalog.find(filter.kind(RequirementKind.ITEM));
        }
        model.addAttribute("q", q);
        model.addAttribute("searching", searching);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("items", items);
        model.addAttribute("en", "en".equals(locale.getLanguage()));
    }

    @GetMapping("/catalog/requirements/{id}")
    @PreAuthorize("isAuthenticated()")
    String requirement(@PathVariable String id, Model model, Locale locale) {
        if (!RequirementId.isWellFormed(id)) {
            throw new NotFoundException("Requirement", id);
        }
        Requirement r = catalog.requirement(RequirementId.of(id)).orElseThrow(() -> new NotFoundException("Requirement", id));
        model.addAttribute("r", r);
        model.addAttribute("standard", catalog.standard(r.standardCode()).orElseThrow());
        model.addAttribute("parent", r.parent() == null ? null : catalog.requirement(r.parent()).orElse(null));
        model.addAttribute("children", catalog.children(r.id()));
        model.addAttribute("mappings", catalog.mappings(r.id()));
        model.addAttribute("en", "en".equals(locale.getLanguage()));
        return "catalog/requirement";
    }
}
