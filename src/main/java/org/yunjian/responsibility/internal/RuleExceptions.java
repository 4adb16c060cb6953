package org.yunjian.responsibility.internal;

import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.RequirementId;
import org.yunjian.responsibility.Check;
import org.yunjian.responsibility.RuleCheck;
import org.yunjian.responsibility.RuleException;
import org.yunjian.responsibility.RuleQuote;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import org.yunjian.shared.TextRules;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * Approved exceptions to the rules T/CCIA 004-2024 §5 states "原则上" (5 a) 2), 5 b) 1)): the system's customer
 * records one — which finding, why — and is recorded as its approver with the time; a new draft version, audited
 * ({@code responsibility.exception.approve}). The rule check then reports the finding as an approved exception.
 * Rules the standard states without "原则上" admit none (400 naming the rule).
 */
@Service
@Transactional
public class RuleExceptions {

    /** An exception to approve: the check, the duty (5 b) 1); none for 5 a) 2)), the organisation, the reason. */
    public record ExceptionInput(Check check, String duty, UUID organisation, String reason) {}

    private final ResponsibilityService service;
    private final RuleCheck ruleCheck;
    private final Catalog catalog;
    private final TextRules textRules;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    RuleExceptions(
            ResponsibilityService service,
            RuleCheck ruleCheck,
            Catalog catalog,
            TextRules textRules,
            ApplicationEventPublisher events,
            java.time.Clock clock) {
        this.service = service;
        this.ruleCheck = ruleCheck;
        this.catalog = catalog;
        this.textRules = textRules;
        this.events = events;
        this.clock = clock;
    }

    public MatrixView approve(UUID systemId, ExceptionInput in, ExpectedVersion baseVersion) {
        ResponsibilityService.Locked l = service.lock(systemId);
        l.access().requireCustomer("responsibility.exception.duty");
        l.requireBase(baseVersion);
        var m = l.view().matrix();
        FieldErrors errors = new FieldErrors();
        if (in == null || in.check() == null) {
            errors.add("check", "responsibility.error.required").throwIfAny();
        }
        Check check = in.check();
        if (!ruleCheck.admitsException(check)) {
            RuleQuote rule = RuleQuote.of(ruleCheck.rule(check, null), catalog);
            errors.add("check", "responsibility.error.exceptionNotAdmitted", rule.ref(), rule.original());
        }
        RequirementId duty = null;
        boolean perDuty = check == Check.DELEGATION_TOO_DEEP;
        if (perDuty && (in.duty() == null || in.duty().isBlank())) {
            errors.add("duty", "responsibility.error.required");
        } else if (perDuty) {
            try {
                duty = RequirementId.of(in.duty().strip());
            } catch (IllegalArgumentException e) {
                duty = null;
            }
            if (duty == null || m.row(duty).isEmpty()) {
                errors.add("duty", "responsibility.error.unknownDuty", in.duty().strip());
            }
        } else if (in.duty() != null && !in.duty().isBlank()) {
            errors.add("duty", "responsibility.error.exceptionNoDuty");
        }
        if (in.organisation() == null) {
            errors.add("organisation", "responsibility.error.required");
        } else if (m.participant(in.organisation()).isEmpty()) {
            errors.add("organisation", "responsibility.error.notParticipant", in.organisation());
        }
        if (in.reason() == null || in.reason().isBlank()) {
            errors.add("reason", "responsibility.error.required");
        } else {
            textRules.check(
                    errors,
                    "reason",
                    in.reason(),
                    EditInputs.REASON_MAX,
                    Text.Kind.LINES,
                    "responsibility.error.tooLong");
        }
        errors.throwIfAny();
        RuleException e = new RuleException(
                check, duty, in.organisation(), in.reason(), l.access().user().username(), clock.instant());
        String ref = RuleQuote.of(ruleCheck.rule(check, null), catalog).ref();
        String org = m.participant(in.organisation()).orElseThrow().name();
        MatrixView v = service.store(
                l,
                m.withException(e),
                l.view().document().participantsByOrganisation(),
                Msg.of("responsibility.change.exception", ref, org));
        events.publishEvent(AuditableEvent.success(
                "responsibility.exception.approve",
                ResponsibilityService.OBJECT,
                l.info().id(),
                Msg.of(
                        "responsibility.audit.exception",
                        ref,
                        org,
                        e.reason(),
                        v.version().version())));
        return v;
    }
}
