package org.yunjian.migration.web;

import static org.yunjian.migration.web.OpsPageSupport.WHO;
import static org.yunjian.migration.web.OpsPageSupport.change;

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
import org.yunjian.migration.DrillTaskStatus;
import org.yunjian.migration.internal.DrillService;
import org.yunjian.migration.internal.OpsBasis;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.Texts;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The emergency plans and drills page ({@code /systems/{id}/lifecycle/drills}): plans per scenario, drill records
 * with findings and follow-up tasks (overdue ones marked), the forms for those who may change them, and the
 * 《应急预案与演练记录》 download.
 */
@Controller
class DrillPages {

    /** Rows for follow-up tasks on the drill form. */
    static final int TASK_ROWS = 3;

    private final DrillService service;
    private final OpsBasis basis;
    private final PeopleNames people;

    DrillPages(DrillService service, OpsBasis basis, PeopleNames people) {
        this.service = service;
        this.basis = basis;
        this.people = people;
    }

    static String base(UUID id) {
        return "/systems/" + id + "/lifecycle/drills";
    }

    @GetMapping("/systems/{id}/lifecycle/drills")
    @PreAuthorize(WHO)
    String page(@PathVariable UUID id, Model model) {
        DrillService.View v = service.view(id);
        model.addAttribute("v", v);
        model.addAttribute("system", v.access().system());
        model.addAttribute("base", base(id));
        model.addAttribute("taskStatuses", DrillTaskStatus.values());
        model.addAttribute("categories", org.yunjian.obligations.DrillCategory.values());
        model.addAttribute("basis", basis.of(v.access().system(), OpsBasis.Document.DRILLS, Texts.locale()));
        model.addAttribute(
                "people",
                people.displayNames(v.drills().stream().map(d -> d.recordedBy()).toList()));
        List<DrillService.TaskInput> rows = new ArrayList<>();
        if (model.getAttribute("drillIn") instanceof DrillService.DrillInput in) {
            rows.addAll(in.tasks());
        }
        while (rows.size() < TASK_ROWS) {
            rows.add(new DrillService.TaskInput(null, null, null));
        }
        model.addAttribute("taskRows", rows);
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "migration/drills";
    }

    @PostMapping("/systems/{id}/lifecycle/drills/plans")
    @PreAuthorize(WHO)
    String addPlan(@PathVariable UUID id, DrillService.EmergencyPlanInput in, RedirectAttributes flash) {
        return change(base(id), "eplan", in, flash, () -> service.savePlan(id, null, null, in));
    }

    @PostMapping("/systems/{id}/lifecycle/drills/plans/{recordId}")
    @PreAuthorize(WHO)
    String updatePlan(
            @PathVariable UUID id,
            @PathVariable UUID recordId,
            DrillService.EmergencyPlanInput in,
            RedirectAttributes flash) {
        return change(
                base(id),
                "eplan-" + recordId,
                in,
                flash,
                () -> service.savePlan(id, recordId, ExpectedVersion.of(null, in.version()), in));
    }

    @PostMapping("/systems/{id}/lifecycle/drills")
    @PreAuthorize(WHO)
    String record(
            @PathVariable UUID id,
            @RequestParam(required = false) String heldOn,
            @RequestParam(required = false) String planId,
            @RequestParam(required = false) String scenario,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String participants,
            @RequestParam(required = false) String findings,
            @RequestParam(required = false) List<String> taskDescription,
            @RequestParam(required = false) List<String> taskOwner,
            @RequestParam(required = false) List<String> taskDue,
            @RequestParam(required = false) Boolean confirm,
            RedirectAttributes flash) {
        List<DrillService.TaskInput> tasks = new ArrayList<>();
        int n = Math.max(size(taskDescription), Math.max(size(taskOwner), size(taskDue)));
        for (int i = 0; i < n; i++) {
            tasks.add(new DrillService.TaskInput(at(taskDescription, i), at(taskOwner, i), at(taskDue, i)));
        }
        DrillService.DrillInput in =
                new DrillService.DrillInput(heldOn, planId, scenario, category, participants, findings, tasks);
        return change(base(id), "drill", in, flash, () -> {
            service.view(id); // a stranger gets 404 before any question about the form
            OpsPageSupport.requireConfirmed(confirm);
            return service.recordDrill(id, in);
        });
    }

    @PostMapping("/systems/{id}/lifecycle/drills/tasks/{recordId}")
    @PreAuthorize(WHO)
    String task(
            @PathVariable UUID id,
            @PathVariable UUID recordId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        return OpsPageSupport.step(
                base(id),
                "drills-list",
                org.yunjian.shared.version.VersionRefusal.Action.SET_STATUS,
                flash,
                () -> service.setTaskStatus(id, recordId, ExpectedVersion.ofForm(version), status));
    }

    @GetMapping("/systems/{id}/lifecycle/drills.docx")
    @PreAuthorize(WHO)
    ResponseEntity<byte[]> docx(@PathVariable UUID id) {
        DrillService.Export e = service.docx(id);
        return SupervisionPages.docx(e.content(), e.name().contentDisposition());
    }

    private static int size(List<String> l) {
        return l == null ? 0 : l.size();
    }

    private static String at(List<String> l, int i) {
        return l == null || i >= l.size() ? null : l.get(i);
    }
}
