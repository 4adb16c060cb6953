package org.yunjian.procurement.web;

import static org.yunjian.shared.FieldValues.blank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.party.DataClassification;
import org.yunjian.procurement.MigrationDecision;
import org.yunjian.procurement.NeedsAnalysis;
import org.yunjian.procurement.Sensitivity;
import org.yunjian.procurement.internal.NeedsService;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The needs analysis page of a system ({@code /systems/{id}/lifecycle/needs}): the customer edits the inventory,
 * decision, resources and security requirements in one form (rows left blank are dropped); everyone else who may
 * read it sees it read-only; the Word report downloads from {@code needs.docx}.
 */
@Controller
class NeedsPages {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";
    static final int BLANK_ROWS = 2;

    private final NeedsService service;
    private final PeopleNames people;

    NeedsPages(NeedsService service, PeopleNames people) {
        this.service = service;
        this.people = people;
    }

    @GetMapping("/systems/{id}/lifecycle/needs")
    @PreAuthorize(WHO)
    String page(@PathVariable UUID id, Model model) {
        NeedsService.View v = service.view(id);
        NeedsAnalysis.Input in = v.analysis()
                .map(NeedsPages::input)
                .orElse(new NeedsAnalysis.Input(List.of(), null, null, null, null, null, null, null, List.of(), 0L));
        return render(model, v, in, Map.of());
    }

    @PostMapping("/systems/{id}/lifecycle/needs")
    @PreAuthorize(WHO)
    String save(
            @PathVariable UUID id,
            @RequestParam(value = "itemName", required = false) List<String> names,
            @RequestParam(value = "itemAddress", required = false) List<String> addresses,
            @RequestParam(value = "itemClassification", required = false) List<String> classifications,
            @RequestParam(value = "itemSensitivity", required = false) List<String> sensitivities,
            @RequestParam(value = "itemUsers", required = false) List<String> users,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reasons,
            @RequestParam(required = false) String compute,
            @RequestParam(required = false) String storage,
            @RequestParam(required = false) String bandwidth,
            @RequestParam(required = false) String availability,
            @RequestParam(required = false) String security,
            @RequestParam(value = "citedDuties", required = false) List<String> cited,
            @RequestParam(required = false) String version,
            Model model,
            RedirectAttributes flash) {
        List<NeedsAnalysis.ItemInput> items = new ArrayList<>();
        int rows = names == null ? 0 : names.size();
        for (int i = 0; i < rows; i++) {
            NeedsAnalysis.ItemInput x = new NeedsAnalysis.ItemInput(
                    at(names, i), at(addresses, i), at(classifications, i), at(sensitivities, i), at(users, i));
            if (!blank(x.name()) || !blank(x.address()) || !blank(x.users())) {
                items.add(x);
            }
        }
        NeedsAnalysis.Input in = new NeedsAnalysis.Input(
                items,
                decision,
                reasons,
                compute,
                storage,
                bandwidth,
                availability,
                security,
                cited == null ? List.of() : cited,
                ExpectedVersion.ofForm(version).field());
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            service.save(id, ExpectedVersion.ofForm(version), in);
                            flash.addFlashAttribute("saved", true);
                            return "redirect:/systems/" + id + "/lifecycle/needs";
                        },
                        refusal -> {
                            if (refusal == null) {
                                return render(model, service.view(id), in, PageRefusal.none());
                            }
                            // the typed input again over the analysis as stored now (a form naming no version is read
                            // anew)
                            var view = service.view(id);
                            long current = refusal.formVersionOr(() ->
                                    view.analysis().map(NeedsAnalysis::version).orElse(0L));
                            return render(model, view, withVersion(in, current), PageRefusal.none());
                        });
    }

    @GetMapping("/systems/{id}/lifecycle/needs.docx")
    @PreAuthorize(WHO)
    ResponseEntity<byte[]> docx(@PathVariable UUID id) {
        return ContractPageSupport.docx(service.docx(id));
    }

    private String render(Model model, NeedsService.View v, NeedsAnalysis.Input in, Map<String, String> errors) {
        List<NeedsAnalysis.ItemInput> rows = new ArrayList<>(in.inventory() == null ? List.of() : in.inventory());
        if (v.access().isCustomer()) {
            for (int i = 0; i < BLANK_ROWS; i++) {
                rows.add(new NeedsAnalysis.ItemInput(null, null, null, null, null));
            }
        }
        model.addAttribute("view", v);
        model.addAttribute("system", v.system());
        model.addAttribute("editable", v.access().isCustomer());
        model.addAttribute("in", in);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("decisions", MigrationDecision.values());
        model.addAttribute("classifications", DataClassification.values());
        model.addAttribute("sensitivities", Sensitivity.values());
        model.addAttribute(
                "keeper",
                v.analysis()
                        .map(a ->
                                people.displayNames(List.of(a.updatedBy())).getOrDefault(a.updatedBy(), a.updatedBy()))
                        .orElse(null));
        return "procurement/needs";
    }

    private static NeedsAnalysis.Input input(NeedsAnalysis a) {
        return new NeedsAnalysis.Input(
                a.inventory().stream()
                        .map(i -> new NeedsAnalysis.ItemInput(
                                i.name(),
                                i.address(),
                                i.classification().name(),
                                i.sensitivity().name(),
                                i.users()))
                        .toList(),
                a.decision().name(),
                a.reasons(),
                a.compute(),
                a.storage(),
                a.bandwidth(),
                a.availability(),
                a.security(),
                a.citedDuties().stream().map(d -> d.value()).toList(),
                a.version());
    }

    /** The typed input over the stored version: saving it again is deliberate. */
    private static NeedsAnalysis.Input withVersion(NeedsAnalysis.Input in, long version) {
        return new NeedsAnalysis.Input(
                in.inventory(),
                in.decision(),
                in.reasons(),
                in.compute(),
                in.storage(),
                in.bandwidth(),
                in.availability(),
                in.security(),
                in.citedDuties(),
                version);
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }
}
