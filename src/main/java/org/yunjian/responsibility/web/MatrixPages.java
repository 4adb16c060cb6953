package org.yunjian.responsibility.web;

import static org.yunjian.shared.FieldValues.stripped;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.catalog.Layer;
import org.yunjian.catalog.PartyRole;
import org.yunjian.responsibility.Accountable;
import org.yunjian.responsibility.Behaviour;
import org.yunjian.responsibility.Check;
import org.yunjian.responsibility.RoleDecision;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.responsibility.internal.HandOvers;
import org.yunjian.responsibility.internal.MatrixDocument.StoredHop;
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.responsibility.internal.RuleExceptions;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Texts;
import org.yunjian.shared.refusal.PageRefusal;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.VersionRefusal;

/**
 * The responsibility matrix pages of a cloud system: the matrix with its participants, agreements, rule check and
 * sign-offs; one duty's row with its delegation chains; the Annex A role assistant for one participant. Every
 * change goes through {@link ResponsibilityService}; a refused change comes back to the page with its reason.
 */
@Controller
class MatrixPages {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";

    /** Line breaks, commas, enumeration commas and semicolons (ASCII or full-width) between clause numbers. */
    private static final java.util.regex.Pattern CLAUSE_SEPARATORS =
            java.util.regex.Pattern.compile("[\\r\\n,\\uff0c\\u3001\\uff1b;]+");

    private final ResponsibilityService service;
    private final PageModels models;
    private final RuleExceptions exceptions;
    private final HandOvers handOvers;

    private final org.yunjian.responsibility.internal.exchange.SspPackages packages;

    MatrixPages(
            ResponsibilityService service,
            PageModels models,
            RuleExceptions exceptions,
            HandOvers handOvers,
            org.yunjian.responsibility.internal.exchange.SspPackages packages) {
        this.packages = packages;
        this.service = service;
        this.handOvers = handOvers;
        this.exceptions = exceptions;
        this.models = models;
    }

    static String base(UUID id) {
        return "/systems/" + id + "/responsibility";
    }

    @GetMapping("/systems/{id}/responsibility")
    @PreAuthorize(WHO)
    String matrix(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) Layer layer,
            @RequestParam(defaultValue = "all") String show,
            HttpServletRequest request,
            Model model) {
        Optional<MatrixView> current = service.findCurrent(id);
        if (current.isEmpty()) {
            model.addAttribute("system", service.access(id).system());
            model.addAttribute("mayGenerate", service.access(id).isCustomer());
            return "responsibility/empty";
        }
        MatrixView v = version == null || version == current.get().version().version()
                ? current.get()
                : service.version(id, version);
        models.matrix(model, v, service.check(id, v.version().version()), service.versions(id), layer, show);
        // links repeated per row are written from the context path, not with @{…}: Thymeleaf's link builder sends
        // each through the resource URL encoding, which probes the class path for a static resource of that name
        // (≈1 ms per link in the packaged jar: 80 % of this page's time with 173 rows; docs/performance.md)
        model.addAttribute("link", request.getContextPath() + base(id));
        model.addAttribute("packageDuties", packages.duties(id)); // issue 60: what imported provider plans say
        return "responsibility/matrix";
    }

    @PostMapping("/systems/{id}/responsibility")
    @PreAuthorize(WHO)
    String generate(@PathVariable UUID id, RedirectAttributes flash) {
        return change(id, "", flash, () -> service.create(id));
    }

    @PostMapping("/systems/{id}/responsibility/agreements")
    @PreAuthorize(WHO)
    String agreement(
            @PathVariable UUID id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) UUID partyA,
            @RequestParam(required = false) UUID partyB,
            @RequestParam(required = false) String clauses,
            @RequestParam(required = false) String signedOn,
            @RequestParam(required = false) String supervisionClause,
            @RequestParam(required = false) String accountabilityClause,
            @RequestParam(required = false) String customerConsentOn,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        List<String> list = clauses == null ? List.of() : List.of(CLAUSE_SEPARATORS.split(clauses));
        Map<String, Object> typed = new HashMap<>();
        typed.put("name", name);
        typed.put("partyA", partyA);
        typed.put("partyB", partyB);
        typed.put("clauses", clauses);
        typed.put("signedOn", signedOn);
        typed.put("supervisionClause", supervisionClause);
        typed.put("accountabilityClause", accountabilityClause);
        typed.put("customerConsentOn", customerConsentOn);
        // refused, its field errors head the page: they name this form and their fields
        flash.addFlashAttribute("fieldLabels", FieldLabels.AGREEMENT);
        flash.addFlashAttribute("errorsIn", FieldLabels.AGREEMENT_SECTION);
        return change(id, "#agreements", flash, typed, VersionRefusal::formText, () -> {
            org.yunjian.shared.FieldErrors errors = new org.yunjian.shared.FieldErrors();
            java.time.LocalDate signed = day(errors, "signedOn", signedOn);
            java.time.LocalDate consent = day(errors, "customerConsentOn", customerConsentOn);
            errors.throwIfAny();
            return handOvers.addAgreement(
                    id,
                    new HandOvers.AgreementInput(
                            name, partyA, partyB, list, signed, supervisionClause, accountabilityClause, consent),
                    ExpectedVersion.ofForm(version));
        });
    }

    /** The client's (委托方's) permission to subcontract under an agreement (JR/T 7.3, 7.4.3): the customer only. */
    @PostMapping("/systems/{id}/responsibility/agreements/consent")
    @PreAuthorize(WHO)
    String consent(
            @PathVariable UUID id,
            @RequestParam(required = false) String agreement,
            @RequestParam(required = false) String customerConsentOn,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        Map<String, Object> typed = new HashMap<>();
        typed.put("agreement", agreement);
        typed.put("customerConsentOn", customerConsentOn);
        flash.addFlashAttribute("fieldLabels", FieldLabels.CONSENT);
        flash.addFlashAttribute("errorsIn", FieldLabels.CONSENT_SECTION);
        return change(id, "#agreements", flash, typed, VersionRefusal::formText, () -> {
            org.yunjian.shared.FieldErrors errors = new org.yunjian.shared.FieldErrors();
            java.time.LocalDate day = day(errors, "customerConsentOn", customerConsentOn);
            errors.throwIfAny();
            return handOvers.recordConsent(id, agreement, day, ExpectedVersion.ofForm(version));
        });
    }

    @PostMapping("/systems/{id}/responsibility/exceptions")
    @PreAuthorize(WHO)
    String exception(
            @PathVariable UUID id,
            @RequestParam(required = false) Check check,
            @RequestParam(required = false) String duty,
            @RequestParam(required = false) UUID organisation,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        Map<String, Object> typed = new HashMap<>();
        typed.put("check", check);
        typed.put("duty", duty);
        typed.put("organisation", organisation);
        typed.put("reason", reason);
        flash.addFlashAttribute("fieldLabels", FieldLabels.EXCEPTION);
        flash.addFlashAttribute("errorsIn", FieldLabels.EXCEPTION_SECTION);
        return change(
                id,
                "#exceptions",
                flash,
                typed,
                VersionRefusal::formText,
                () -> exceptions.approve(
                        id,
                        new RuleExceptions.ExceptionInput(check, duty, organisation, reason),
                        ExpectedVersion.ofForm(version)));
    }

    /** A date typed as 年-月-日, or null when left empty; a bad one is a field error. */
    private static java.time.LocalDate day(org.yunjian.shared.FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(field, "responsibility.error.date", value.strip());
            return null;
        }
    }

    /** An applicability question answered ({@code answer} yes, no, or empty to withdraw the answer). */
    @PostMapping("/systems/{id}/responsibility/questions/{question}")
    @PreAuthorize(WHO)
    String answer(
            @PathVariable UUID id,
            @PathVariable String question,
            @RequestParam(required = false) String answer,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        flash.addFlashAttribute("fieldLabels", FieldLabels.QUESTION);
        flash.addFlashAttribute("errorsIn", FieldLabels.QUESTION_SECTION);
        return change(id, "#questions", flash, () -> {
            if (answer != null && !answer.isEmpty() && !answer.equals("yes") && !answer.equals("no")) {
                throw new ValidationException("answer", "responsibility.error.answer");
            }
            Boolean given = "yes".equals(answer) ? Boolean.TRUE : "no".equals(answer) ? Boolean.FALSE : null;
            return service.answer(id, question, given, ExpectedVersion.ofForm(version));
        });
    }

    @PostMapping("/systems/{id}/responsibility/sign-off")
    @PreAuthorize(WHO)
    String signOff(
            @PathVariable UUID id,
            @RequestParam(required = false) SignOffSide side,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        if (!confirm) {
            service.access(id); // a stranger gets 404, not a hint
            flash.addFlashAttribute("conflict", Texts.get("responsibility.page.signOff.unconfirmed"));
            return "redirect:" + base(id) + "#conflict";
        }
        return change(
                id,
                "#sign-offs",
                flash,
                Map.of(),
                e -> e.formText(VersionRefusal.Action.SIGN_OFF),
                () -> service.signOff(id, side, ExpectedVersion.ofForm(version)));
    }

    @GetMapping("/systems/{id}/responsibility/rows/{duty}")
    @PreAuthorize(WHO)
    String row(@PathVariable UUID id, @PathVariable String duty, Model model) {
        models.row(model, service.current(id), service.check(id, null), duty);
        model.addAttribute("fieldLabels", FieldLabels.HAND_ON);
        return "responsibility/row";
    }

    @PostMapping("/systems/{id}/responsibility/rows/{duty}/hops")
    @PreAuthorize(WHO)
    String handOn(
            @PathVariable UUID id,
            @PathVariable String duty,
            @RequestParam(required = false) UUID organisation,
            @RequestParam(required = false) PartyRole role,
            @RequestParam(required = false) UUID to,
            @RequestParam(required = false) String agreement,
            @RequestParam(required = false) String clause,
            @RequestParam(required = false) String handedOverOn,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        Map<String, Object> typed = new HashMap<>();
        typed.put("form", organisation + "/" + role);
        typed.put("to", to);
        typed.put("agreement", agreement);
        typed.put("clause", clause);
        typed.put("handedOverOn", handedOverOn);
        return rowChange(id, duty, flash, typed, VersionRefusal::formText, () -> {
            org.yunjian.shared.FieldErrors errors = new org.yunjian.shared.FieldErrors();
            java.time.LocalDate day = day(errors, "handedOverOn", handedOverOn); // empty: today
            errors.throwIfAny();
            return handOvers.handOn(
                    id,
                    duty,
                    accountable(organisation, role),
                    new StoredHop(null, to, stripped(agreement), stripped(clause), day),
                    ExpectedVersion.ofForm(version));
        });
    }

    @PostMapping("/systems/{id}/responsibility/rows/{duty}/withdraw")
    @PreAuthorize(WHO)
    String withdraw(
            @PathVariable UUID id,
            @PathVariable String duty,
            @RequestParam(required = false) UUID organisation,
            @RequestParam(required = false) PartyRole role,
            @RequestParam(required = false) String version,
            RedirectAttributes flash) {
        return rowChange(
                id,
                duty,
                flash,
                Map.of(),
                e -> e.formText(VersionRefusal.Action.TAKE_BACK),
                () -> handOvers.withdraw(id, duty, accountable(organisation, role), ExpectedVersion.ofForm(version)));
    }

    @GetMapping("/systems/{id}/responsibility/participants/{org}")
    @PreAuthorize(WHO)
    String participant(@PathVariable UUID id, @PathVariable UUID org, Model model) {
        MatrixView v = service.current(id);
        Set<Behaviour> ticked = v.document().participants().stream()
                .filter(p -> p.organisation().equals(org))
                .findFirst()
                .map(p -> p.behaviours())
                .orElse(Set.of());
        models.participant(model, v, org, ticked, ticked.isEmpty() ? null : service.propose(id, org, ticked), Map.of());
        return "responsibility/participant";
    }

    @PostMapping("/systems/{id}/responsibility/participants/{org}")
    @PreAuthorize(WHO)
    String decide(
            @PathVariable UUID id,
            @PathVariable UUID org,
            @RequestParam(required = false) List<Behaviour> behaviours,
            @RequestParam(defaultValue = "propose") String action,
            @RequestParam(required = false) List<PartyRole> roles,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String version,
            Model model,
            RedirectAttributes flash) {
        Set<Behaviour> ticked = behaviours == null || behaviours.isEmpty() ? Set.of() : EnumSet.copyOf(behaviours);
        MatrixView v = service.current(id);
        // a stranger gets 404, not a hint; any other refusal is the alert over the participant's page
        return PageRefusal.on(model)
                .alerts()
                .conflicts(flash, () -> "redirect:" + base(id) + "/participants/" + org)
                .attempt(
                        () -> {
                            RoleDecision proposal = service.propose(id, org, ticked);
                            if (action.equals("propose")) {
                                models.participant(model, v, org, ticked, proposal, PageRefusal.none());
                                return "responsibility/participant";
                            }
                            Set<PartyRole> chosen = action.equals("confirm")
                                    ? null
                                    : roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
                            service.decideRoles(id, org, ticked, chosen, reason, ExpectedVersion.ofForm(version));
                            flash.addFlashAttribute("saved", Texts.get("responsibility.page.roles.saved"));
                            return "redirect:" + base(id) + "#participants";
                        },
                        refusal -> participantAgain(
                                model,
                                id,
                                // someone else changed the matrix since the form was opened, or the form named no
                                // version:
                                // the form again, read anew (so it carries the current version), ticked behaviours and
                                // reason
                                // kept
                                refusal == null ? v : service.current(id),
                                org,
                                ticked,
                                reason,
                                PageRefusal.none()));
    }

    /** The participant's form again over {@code v}, with the ticked behaviours, the reason and any field errors. */
    private String participantAgain(
            Model model,
            UUID id,
            MatrixView v,
            UUID org,
            Set<Behaviour> ticked,
            String reason,
            Map<String, String> errors) {
        RoleDecision proposal = ticked.isEmpty() ? null : service.propose(id, org, ticked);
        models.participant(model, v, org, ticked, proposal, errors);
        model.addAttribute("reason", reason);
        return "responsibility/participant";
    }

    private static Accountable accountable(UUID organisation, PartyRole role) {
        return organisation == null || role == null ? null : new Accountable(organisation, role);
    }

    /**
     * A change from the matrix page: back to it at {@code anchor}, with the saved note; refused, back to the alert
     * heading the page (field errors, the refusal for the version or for the matrix's state), where it shows.
     */
    private String change(UUID id, String anchor, RedirectAttributes flash, Supplier<MatrixView> action) {
        return change(id, anchor, flash, Map.of(), VersionRefusal::formText, action);
    }

    /**
     * As above; a refused change also brings back what the user typed ({@code typed}, flashed as "typed"), and a
     * refusal for the version says {@code alert}.
     */
    private String change(
            UUID id,
            String anchor,
            RedirectAttributes flash,
            Map<String, Object> typed,
            Function<VersionRefusal, String> alert,
            Supplier<MatrixView> action) {
        // a stranger gets 404, not a hint
        return PageRefusal.on(flash)
                .staleText(alert)
                .alerts()
                .conflicts(flash, () -> {
                    flash.addFlashAttribute("typed", typed);
                    return "redirect:" + base(id) + "#conflict";
                })
                .attempt(
                        () -> {
                            MatrixView v = action.get();
                            flash.addFlashAttribute(
                                    "saved",
                                    Texts.get(
                                            "responsibility.page.saved",
                                            v.version().version()));
                            return "redirect:" + base(id) + anchor;
                        },
                        refusal -> {
                            // the matrix page again, read anew (its forms name the version stored now), with what was
                            // typed; the
                            // alert heads the page: land on it, not on the form's section below, where it would not
                            // show
                            flash.addFlashAttribute("typed", typed);
                            return "redirect:" + base(id) + (refusal == null ? "#errors" : "#stale-version");
                        });
    }

    /**
     * A change from a row page: back to the row, with the saved note or the refusal. When someone else changed the
     * matrix since the row was opened, or the form named no version, a redirect to the row (read anew) carrying the
     * {@code alert} of the refusal and the {@code typed} input kept; invalid input, a redirect to the row carrying
     * the field errors and the {@code typed} input.
     */
    private String rowChange(
            UUID id,
            String duty,
            RedirectAttributes flash,
            Map<String, Object> typed,
            Function<VersionRefusal, String> alert,
            Supplier<MatrixView> action) {
        // a stranger gets 404, not a hint
        return PageRefusal.on(flash)
                .staleText(alert)
                .alerts()
                .conflicts(flash, () -> "redirect:" + base(id) + "/rows/" + duty)
                .attempt(
                        () -> {
                            MatrixView v = action.get();
                            flash.addFlashAttribute(
                                    "saved",
                                    Texts.get(
                                            "responsibility.page.saved",
                                            v.version().version()));
                            return "redirect:" + base(id) + "/rows/" + duty;
                        },
                        refusal -> {
                            // Post/Redirect/Get: the row's own address, read anew (its forms name the version stored
                            // now),
                            // landing on the field errors or the alert at its head, with what was typed — so reloading
                            // the
                            // page reads it again instead of sending the form a second time
                            flash.addFlashAttribute("typed", typed);
                            return "redirect:" + base(id) + "/rows/" + duty
                                    + (refusal == null ? "#errors" : "#stale-version");
                        });
    }
}
