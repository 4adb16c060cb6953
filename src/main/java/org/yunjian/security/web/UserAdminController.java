package org.yunjian.security.web;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.security.PeopleNames;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;
import org.yunjian.security.internal.admin.AdministratorApprovals;
import org.yunjian.security.internal.password.PasswordPolicy;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;

/** User administration pages, for security administrators only. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class UserAdminController {

    /** Form values as entered, to re-render after invalid input. */
    record UserForm(
            String username, String displayName, String role, String organizationId, Boolean enabled, String version) {
        UserForm(String username, String displayName, String role, String organizationId, Boolean enabled) {
            this(username, displayName, role, organizationId, enabled, null);
        }

        static UserForm of(UserView u) {
            return new UserForm(
                    u.username(),
                    u.displayName(),
                    u.role().name(),
                    u.organizationId() == null ? "" : u.organizationId().toString(),
                    u.enabled(),
                    String.valueOf(u.version()));
        }
    }

    private final UserAdministration users;
    private final PasswordPolicy policy;
    private final AdministratorApprovals approvals;
    private final PeopleNames people;

    UserAdminController(
            UserAdministration users, PasswordPolicy policy, AdministratorApprovals approvals, PeopleNames people) {
        this.users = users;
        this.policy = policy;
        this.approvals = approvals;
        this.people = people;
    }

    /** One page of the pending requests, and the display names of the people they name (requested by). */
    private void addRequests(Model model, org.yunjian.shared.paging.PageRequest page) {
        org.yunjian.shared.paging.Paged<org.yunjian.security.internal.admin.AdminRequest> shown =
                approvals.pending(page);
        java.util.List<org.yunjian.security.internal.admin.AdminRequest> pending = shown.items();
        model.addAttribute("requests", pending);
        model.addAttribute("pager", org.yunjian.shared.paging.Pager.of(shown, "/admin/users/requests"));
        model.addAttribute(
                "people",
                people.displayNames(pending.stream()
                        .flatMap(r -> java.util.stream.Stream.of(r.requestedBy(), r.username()))
                        .toList()));
    }

    @GetMapping
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        var query = org.yunjian.shared.paging.ListFilters.Query.of(q, "role", role, Role.class, page, size);
        org.yunjian.shared.paging.Paged<UserView> found = users.page(query.text(), query.choice(), query.page());
        model.addAttribute("users", found.items());
        model.addAttribute("filterQ", query.text());
        model.addAttribute("filterRole", query.choice());
        model.addAttribute("roles", Role.values());
        model.addAttribute("pager", org.yunjian.shared.paging.Pager.of(found, "/admin/users", query.filters()));
        return "security/users";
    }

    @GetMapping("/requests")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String requests(
            @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
        addRequests(model, org.yunjian.shared.paging.PageRequest.of(page, size));
        return "security/admin-requests";
    }

    @PostMapping("/requests/{id}/approve")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String approve(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        return decide(id, confirm, true, model, response);
    }

    @PostMapping("/requests/{id}/reject")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String reject(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        return decide(id, confirm, false, model, response);
    }

    private String decide(
            UUID id, boolean confirm, boolean approve, Model model, jakarta.servlet.http.HttpServletResponse response) {
        java.util.function.Supplier<String> again = () -> {
            addRequests(model, org.yunjian.shared.paging.PageRequest.first());
            model.addAttribute("failedRequest", id);
            return "security/admin-requests";
        };
        try {
            return PageRefusal.on(model)
                    .attempt(
                            () -> {
                                if (!confirm) {
                                    throw new FieldErrors.ValidationException("confirm", "confirm");
                                }
                                if (approve) {
                                    approvals.approve(id);
                                } else {
                                    approvals.reject(id);
                                }
                                return "redirect:/admin/users/requests?" + (approve ? "approved" : "rejected");
                            },
                            again);
        } catch (org.yunjian.shared.ForbiddenException | org.yunjian.shared.ConflictException e) {
            // the list again, with the rule that refused it (403) or the news that it was decided meanwhile (409)
            response.setStatus(e instanceof org.yunjian.shared.ForbiddenException ? 403 : 409);
            String view = again.get();
            model.addAttribute(PageRefusal.CONFLICT, e.getMessage());
            return view;
        }
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String newForm(Model model) {
        return form(model, new UserForm("", "", "", "", true), null, Map.of());
    }

    @PostMapping("/new")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String organizationId,
            @RequestParam(defaultValue = "") String password,
            Model model) {
        UserForm form = new UserForm(username, displayName, role, organizationId, true);
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            FieldErrors errors = new FieldErrors();
                            Role r = parseRole(role, errors);
                            UUID org = parseOrg(organizationId, errors);
                            errors.throwIfAny();
                            UserView created = users.create(
                                    new UserAdministration.NewUser(username, displayName, r, org, password));
                            return "redirect:/admin/users/" + created.id()
                                    + (created.awaitingApproval() ? "?requested" : "?created");
                        },
                        () -> form(model, form, null, PageRefusal.none()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String edit(@PathVariable UUID id, Model model) {
        UserView user = users.get(id);
        return form(model, UserForm.of(user), user, Map.of());
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String update(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String organizationId,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) String version,
            Model model) {
        UserView user = users.get(id);
        UserForm form = new UserForm(user.username(), displayName, role, organizationId, enabled, version);
        return PageRefusal.on(model)
                .attempt(
                        () -> {
                            FieldErrors errors = new FieldErrors();
                            Role r = parseRole(role, errors);
                            UUID org = parseOrg(organizationId, errors);
                            errors.throwIfAny();
                            UserView updated = users.update(
                                    id,
                                    ExpectedVersion.ofForm(version),
                                    new UserAdministration.Change(displayName, r, org, enabled));
                            boolean requested = r != null && r != updated.role() && updated.pendingRequest() != null;
                            return "redirect:/admin/users/" + id + (requested ? "?requested" : "?saved");
                        },
                        refusal -> {
                            if (refusal == null) {
                                return form(model, form, user, PageRefusal.none());
                            }
                            // the form again with what was typed, over the user as stored now: saving again is
                            // deliberate
                            UserView now = users.get(id);
                            return form(
                                    model,
                                    new UserForm(
                                            user.username(),
                                            displayName,
                                            role,
                                            organizationId,
                                            enabled,
                                            String.valueOf(refusal.formVersionOr(now::version))),
                                    now,
                                    PageRefusal.none());
                        });
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String unlock(@PathVariable UUID id) {
        users.unlock(id);
        return "redirect:/admin/users/" + id + "?unlocked";
    }

    @PostMapping("/{id}/password")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String resetPassword(@PathVariable UUID id, @RequestParam(defaultValue = "") String password, Model model) {
        UserView user = users.get(id);
        return PageRefusal.on(model)
                .attempt(
                        () -> users.resetPassword(id, password),
                        () -> "redirect:/admin/users/" + id + "?passwordReset",
                        () -> form(model, UserForm.of(user), user, PageRefusal.none()));
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String delete(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            Model model,
            RedirectAttributes flash) {
        UserView user = users.get(id);
        if (!confirm) { // deleting an account cannot be undone: the form's box must be ticked
            flash.addFlashAttribute("deleteUnconfirmed", true);
            return "redirect:/admin/users/" + id;
        }
        return PageRefusal.on(model)
                .attempt(
                        () -> users.delete(id),
                        () -> "redirect:/admin/users?deleted",
                        () -> form(model, UserForm.of(user), user, PageRefusal.none()));
    }

    private String form(Model model, UserForm form, UserView user, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("user", user);
        model.addAttribute(PageRefusal.ERRORS, errors);
        // business accounts are their organisations' (issue 57): the platform's administrators run administrators only
        model.addAttribute(
                "roles",
                Arrays.stream(Role.values())
                        .filter(Role::isAdministrator)
                        .map(Role::name)
                        .toList());
        model.addAttribute("policy", policy.summary());
        return "security/user-form";
    }

    static Role parseRole(String role, FieldErrors errors) {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(role.strip());
        } catch (IllegalArgumentException e) {
            errors.add("role", "unknown role '" + role + "'; one of " + Arrays.toString(Role.values()));
            return null;
        }
    }

    static UUID parseOrg(String org, FieldErrors errors) {
        if (org == null || org.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(org.strip());
        } catch (IllegalArgumentException e) {
            errors.add("organizationId", "security.user.error.organizationId");
            return null;
        }
    }
}
