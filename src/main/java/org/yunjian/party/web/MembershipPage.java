package org.yunjian.party.web;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunjian.party.internal.Assignments;
import org.yunjian.party.internal.Membership;
import org.yunjian.shared.refusal.PageRefusal;

/**
 * 成员与指派: an organisation administrator's view of its members, what each may see (the systems they are assigned
 * to, or every system of the organisation) and waiting requests; and where the administrator changes it.
 */
@Controller
@PreAuthorize("hasRole('USER')")
class MembershipPage {

    private final Membership membership;
    private final Assignments assignments;

    MembershipPage(Membership membership, Assignments assignments) {
        this.membership = membership;
        this.assignments = assignments;
    }

    @GetMapping("/organization/membership")
    String page(Model model) {
        model.addAttribute("overview", membership.overview());
        return "party/membership";
    }

    /** Assigns a member to a system of the organisation. */
    @PostMapping("/organization/membership/{id}/assignments")
    String assign(@PathVariable("id") UUID person, @RequestParam(required = false) UUID system, Model model) {
        return PageRefusal.on(model)
                .alerts()
                .attempt(
                        () -> {
                            if (system == null) {
                                throw new org.yunjian.shared.FieldErrors.ValidationException(
                                        "system", "party.assignment.error.system");
                            }
                            assignments.assign(person, system);
                            return "redirect:/organization/membership?saved";
                        },
                        () -> page(model));
    }

    /** Ends a member's assignment to a system. */
    @PostMapping("/organization/membership/{id}/assignments/{system}/remove")
    String unassign(@PathVariable("id") UUID person, @PathVariable UUID system, Model model) {
        return PageRefusal.on(model)
                .alerts()
                .attempt(
                        () -> {
                            assignments.unassign(person, system);
                            return "redirect:/organization/membership?saved";
                        },
                        () -> page(model));
    }

    /** Gives a member the grant to see every system the organisation takes part in, or withdraws it. */
    @PostMapping("/organization/membership/{id}/whole-organization")
    String whole(@PathVariable("id") UUID person, @RequestParam(defaultValue = "false") boolean granted, Model model) {
        return PageRefusal.on(model)
                .alerts()
                .attempt(
                        () -> {
                            assignments.setWholeOrganization(person, granted);
                            return "redirect:/organization/membership?saved";
                        },
                        () -> page(model));
    }
}
