package org.yunjian.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.catalog.CatalogLoadException;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.ForeignControls;
import org.yunjian.catalog.Layer;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.rest.FilterParams;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.PeopleNames;
import org.yunjian.security.Role;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldLabel;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Texts;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.paging.Pager;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * Browsing the catalog: requirement items filtered by standard, phase, role, layer and deployment model or found by
 * full-text search, a page at a time under the shared pager (the server pages, the browser never loads them all);
 * one requirement's page; the imported catalogs' versions; and the administrator's import.
 */
@Controller
class CatalogPageController {

    private static final int MAX_UPLOAD = 20_000_000;

    private final Catalog catalog;
    private final CatalogExchange exchange;
    private final PeopleNames people;
    private final ForeignControls foreign;

    CatalogPageController(Catalog catalog, CatalogExchange exchange, PeopleNames people, ForeignControls foreign) {
        this.catalog = catalog;
        this.exchange = exchange;
        this.people = people;
        this.foreign = foreign;
    }

    /**
     * Import of an OSCAL catalog from the catalog page; the outcome (or every problem) is flashed there. Replacing an
     * imported catalog needs the form's explicit confirmation ({@code replace}); without it the page says which
     * catalog holds the code.
     */
    /** The import form, as {@link PageRefusal#ERRORS_IN}. */
    static final String IMPORT = "import";

    @PostMapping("/catalog/import")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String importCatalog(
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String code,
            @RequestParam(defaultValue = "false") boolean replace,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        // a replacement comes from the catalog's versions page: back there, with the version now current
        java.util.function.Supplier<String> back = () -> {
            boolean known = code != null
                    && exchange.imported().stream().anyMatch(i -> i.code().equals(code));
            return replace && known
                    ? "redirect:"
                            + UriComponentsBuilder.fromPath("/catalog/imports/{code}")
                                    .buildAndExpand(code)
                                    .encode()
                                    .toUriString()
                    : "redirect:/catalog";
        };
        try (InputStream in = file.getInputStream()) {
            byte[] content = in.readNBytes(MAX_UPLOAD + 1);
            // refused, the import form's problems, each naming its field by the form's label; for its version
            // (someone else replaced the catalog since it was read, or the form named no version) the versions page
            // again, whose form now names the version current, ready to replace that one deliberately
            return PageRefusal.on(flash)
                    .in(IMPORT)
                    .conflicts()
                    .step(org.yunjian.shared.version.VersionRefusal.Action.IMPORT)
                    .fields(errors -> {
                        Map<String, String> labelled = new LinkedHashMap<>();
                        errors.forEach((field, text) ->
                                labelled.put(field, FieldLabel.named(FieldLabels.IMPORT, null, field, text)));
                        return labelled;
                    })
                    .attempt(
                            () -> {
                                if (content.length > MAX_UPLOAD) {
                                    throw new FieldErrors.ValidationException(
                                            "file", "catalog.import.tooLarge", MAX_UPLOAD / 1_000_000);
                                }
                                CatalogExchange.ImportedStandard s = exchange.importOscal(
                                        file.getOriginalFilename(),
                                        content,
                                        code,
                                        replace ? ExpectedVersion.ofForm(version) : null);
                                flash.addFlashAttribute(
                                        "importMessage",
                                        Texts.get(
                                                s.version() > 1 ? "catalog.import.replacedDone" : "catalog.import.done",
                                                s.code(),
                                                s.requirements(),
                                                s.version()));
                                flash.addFlashAttribute("importNotices", s.notices());
                                return back.get();
                            },
                            refusal -> {
                                if (refusal == null) {
                                    flash.addFlashAttribute("importCode", code);
                                }
                                return back.get();
                            });
        } catch (CatalogLoadException e) {
            flash.addFlashAttribute(PageRefusal.CONFLICT, e.getMessage());
            flash.addFlashAttribute(PageRefusal.ERRORS_IN, IMPORT);
            flash.addFlashAttribute("importCode", code);
        } catch (IOException e) {
            flash.addFlashAttribute(PageRefusal.CONFLICT, Texts.get("catalog.import.unreadable"));
            flash.addFlashAttribute(PageRefusal.ERRORS_IN, IMPORT);
        }
        return back.get();
    }

    @GetMapping("/catalog")
    @PreAuthorize("isAuthenticated()")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String standard,
            @RequestParam(required = false) String phase,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String layer,
            @RequestParam(required = false) String deploymentModel,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        fill(q, standard, phase, role, layer, deploymentModel, page, size, model);
        model.addAttribute("standards", catalog.standards());
        model.addAttribute("phases", Phase.values());
        model.addAttribute("roles", PartyRole.values());
        model.addAttribute("layers", Layer.values());
        model.addAttribute("models", DeploymentModel.requirementModels());
        model.addAttribute("imported", exchange.imported());
        model.addAttribute(
                "admin", CurrentUser.current().map(u -> u.is(Role.SYSTEM_ADMIN)).orElse(false));
        return "catalog/list";
    }

    /** The result table and its pager alone (the same list as {@code /catalog}, without the page around it). */
    @GetMapping("/catalog/results")
    @PreAuthorize("isAuthenticated()")
    String results(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String standard,
            @RequestParam(required = false) String phase,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String layer,
            @RequestParam(required = false) String deploymentModel,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        fill(q, standard, phase, role, layer, deploymentModel, page, size, model);
        return "catalog/list :: results";
    }

    /**
     * One page of the list and the shared pager keeping the filters. A bad {@code q}, {@code page} or {@code size} is
     * a 400 (the error page) like every list's; an unknown filter value is named on the page, with no results.
     */
    private void fill(
            String q,
            String standard,
            String phase,
            String role,
            String layer,
            String deploymentModel,
            String page,
            String size,
            Model model) {
        ListFilters.Search query = ListFilters.Search.of(q, page, size);
        FieldErrors errors = new FieldErrors();
        RequirementFilter filter =
                FilterParams.parse(catalog, standard, null, phase, role, layer, deploymentModel, errors);
        Paged<Requirement> result = errors.isEmpty()
                ? catalog.page(query.text(), filter, query.page())
                : Paged.of(List.of(), query.page(), 0);
        Map<String, Object> filters = query.filters();
        filters.put("standard", standard);
        filters.put("phase", phase);
        filters.put("role", role);
        filters.put("layer", layer);
        filters.put("deploymentModel", deploymentModel);
        model.addAttribute("filterQ", query.text());
        model.addAttribute("standard", standard);
        model.addAttribute("filter", filter);
        model.addAttribute("searching", query.text() != null);
        if (!(IMPORT.equals(model.getAttribute(PageRefusal.ERRORS_IN))
                && model.containsAttribute(PageRefusal.ERRORS))) {
            model.addAttribute(PageRefusal.ERRORS, errors.asMap()); // the filter's, unless an import's came back
        }
        model.addAttribute("fieldLabels", FieldLabels.FILTER);
        model.addAttribute("result", result);
        model.addAttribute("from", query.page().offset() + 1);
        model.addAttribute("to", query.page().offset() + result.items().size());
        model.addAttribute("pager", Pager.of(result, "/catalog", filters));
        model.addAttribute("en", "en".equals(Texts.locale().getLanguage()));
    }

    @GetMapping("/catalog/requirements/{id}")
    @PreAuthorize("isAuthenticated()")
    String requirement(@PathVariable String id, Model model) {
        if (!RequirementId.isWellFormed(id)) {
            throw new NotFoundException("Requirement", id);
        }
        Requirement r =
                catalog.requirement(RequirementId.of(id)).orElseThrow(() -> new NotFoundException("Requirement", id));
        model.addAttribute("r", r);
        model.addAttribute("standard", catalog.standard(r.standardCode()).orElseThrow());
        model.addAttribute(
                "parent",
                r.parent() == null ? null : catalog.requirement(r.parent()).orElse(null));
        model.addAttribute("children", catalog.children(r.id()));
        model.addAttribute("mappings", catalog.mappings(r.id()));
        // its controls in NIST SP 800-53 rev 5, or why none meets it
        model.addAttribute("nistMaps", CrosswalkPageController.rows(foreign, r, Texts.locale()));
        model.addAttribute(
                "nistUnmapped",
                foreign.unmapped(r.id()).map(u -> u.reason(Texts.locale())).orElse(null));
        model.addAttribute("en", "en".equals(Texts.locale().getLanguage()));
        return "catalog/requirement";
    }

    /** Every version of an imported catalog: the current one and those it replaced, each downloadable as uploaded. */
    @GetMapping("/catalog/imports/{code}")
    @PreAuthorize("isAuthenticated()")
    String versions(@PathVariable String code, Model model) {
        List<CatalogExchange.ImportVersion> versions = exchange.versions(code);
        Set<String> usernames = new HashSet<>();
        versions.forEach(v -> {
            usernames.add(v.importedBy());
            usernames.add(v.replacedBy());
        });
        usernames.remove(null);
        model.addAttribute("code", code);
        model.addAttribute("catalogTitle", versions.get(0).title()); // "title" is the layout's fragment
        model.addAttribute("versions", versions);
        model.addAttribute("names", people.displayNames(usernames));
        model.addAttribute(
                "admin", CurrentUser.current().map(u -> u.is(Role.SYSTEM_ADMIN)).orElse(false));
        // the replace form names the version the administrator sees, so a replacement made meanwhile is refused
        model.addAttribute("currentVersion", versions.get(0).version()); // newest (current) first, by contract
        return "catalog/imports";
    }
}
