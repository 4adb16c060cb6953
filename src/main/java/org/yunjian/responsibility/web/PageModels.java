package org.yunjian.responsibility.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.Layer;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Requirement;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.Behaviour;
import org.yunjian.responsibility.Hop;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.RoleAssistant;
import org.yunjian.responsibility.RoleDecision;
import org.yunjian.responsibility.RuleCheck;
import org.yunjian.responsibility.RuleQuote;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.responsibility.Violation;
import org.yunjian.responsibility.internal.MatrixAccess;
import org.yunjian.responsibility.internal.MatrixDocument.StoredParticipant;
import org.yunjian.responsibility.internal.MatrixRepository.VersionRow;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/** What the responsibility pages show, worked out from a matrix version: names, texts and marks, no codes. */
@Component
class PageModels {

    /** The T/CCIA roles a participant may hold (no agents, no assessors). */
    static final List<PartyRole> TCCIA_ROLES = org.yunjian.party.GuideRoles.tcciaRoles();

    private final Catalog catalog;
    private final RoleAssistant assistant;
    private final PeopleNames people;
    private final RuleCheck ruleCheck;

    PageModels(Catalog catalog, RoleAssistant assistant, PeopleNames people, RuleCheck ruleCheck) {
        this.ruleCheck = ruleCheck;
        this.catalog = catalog;
        this.assistant = assistant;
        this.people = people;
    }

    /** A mark in a cell: 责 (accountable), 转 (hands the work on), 实 (implements). */
    enum Mark {
        ACCOUNTABLE,
        RELAY,
        IMPLEMENTING
    }

    record Cell(List<Mark> marks, String title) {}

    record RowLine(
            String duty,
            String ref,
            String text,
            Layer layer,
            boolean leadIn,
            boolean child,
            String notApplicable,
            Map<UUID, Cell> cells,
            int problems,
            boolean delegated) {}

    /**
     * An applicability question on the matrix page: the condition quoted from the duty it opens ({@code ref}), and
     * the answer ({@code yes}, {@code no}, or empty while not answered).
     */
    record QuestionLine(String question, String text, String duty, String ref, String condition, String answer) {}

    /** An approved exception to a "原则上" rule, with the finding it covers now (null when none does). */
    record ExceptionLine(
            String checkLabel,
            String ref,
            String ruleText,
            String duty,
            String organisation,
            String reason,
            String approvedBy,
            java.time.Instant approvedAt,
            String finding) {}

    record ViolationLine(String check, String checkLabel, String ref, String ruleText, String message, String duty) {}

    /** @param handedOverOn the hand-over day as the users read dates, or null where none is recorded */
    record Link(String from, String to, String agreement, String clause, String handedOverOn) {}

    record AssignmentLine(
            UUID organisation,
            PartyRole role,
            String accountable,
            String roleLabel,
            List<Link> chain,
            String implementer,
            UUID implementerId,
            boolean editable) {}

    record AnnexRowLine(String ref, String actor, List<String> behaviours) {}

    record ProposedRole(PartyRole role, boolean joint, List<AnnexRowLine> support) {}

    void matrix(
            Model model, MatrixView v, RuleCheck.Result check, List<VersionRow> versions, Layer layer, String show) {
        common(model, v);
        ResponsibilityMatrix m = v.matrix();
        Map<String, Integer> problems = new LinkedHashMap<>();
        check.violations().forEach(x -> x.dutyId().ifPresent(d -> problems.merge(d.value(), 1, Integer::sum)));
        UUID own = v.access().user().organizationId();
        List<RowLine> rows = new ArrayList<>();
        for (MatrixRow r : m.rows()) {
            int n = problems.getOrDefault(r.duty().id().value(), 0);
            boolean keep = (layer == null || r.duty().layer() == layer)
                    && (!show.equals("problems") || n > 0)
                    && (!show.equals("mine") || own != null && r.names(own))
                    && (!show.equals("delegated") || r.assignments().stream().anyMatch(Assignment::delegated));
            if (keep) {
                rows.add(rowLine(m, r, n));
            }
        }
        model.addAttribute("rows", rows);
        model.addAttribute("rowCount", m.rows().size());
        model.addAttribute("layers", Layer.values());
        model.addAttribute("layer", layer);
        model.addAttribute("show", show);
        model.addAttribute("violations", violations(check.violations()));
        model.addAttribute("approvable", check.approvable());
        List<String> names = new ArrayList<>();
        versions.forEach(x -> names.add(x.createdBy()));
        v.signOffs().values().forEach(s -> names.add(s.signedBy()));
        v.document().participants().forEach(p -> names.add(p.confirmedBy()));
        m.exceptions().forEach(e -> names.add(e.approvedBy()));
        model.addAttribute("exceptionLines", exceptionLines(m, check));
        model.addAttribute(
                "exceptionChecks",
                Arrays.stream(org.yunjian.responsibility.Check.values())
                        .filter(ruleCheck::admitsException)
                        .toList());
        model.addAttribute("mayExcept", v.current() && v.access().isCustomer());
        names.removeIf(java.util.Objects::isNull);
        model.addAttribute("people", people.displayNames(new HashSet<>(names)));
        model.addAttribute("versions", versions);
        MatrixAccess a = v.access();
        boolean current = v.current();
        model.addAttribute("mayEdit", current && a.mayEdit());
        // JR/T 7.3, 7.4.3: the client's (委托方's) permission to subcontract is the customer's to record
        model.addAttribute("mayConsent", current && a.isCustomer());
        model.addAttribute(
                "signable",
                current
                        ? Arrays.stream(SignOffSide.values())
                                .filter(s -> a.maySignOff(s) && !v.signOffs().containsKey(s))
                                .toList()
                        : List.of());
        model.addAttribute("agreementNames", agreementNames(m));
        model.addAttribute(
                "questions",
                java.util.Arrays.stream(org.yunjian.responsibility.ApplicabilityQuestion.values())
                        .map(q -> new QuestionLine(
                                q.name(),
                                q.text().text(),
                                q.duty().value(),
                                catalog.requirement(q.duty())
                                        .map(ClauseLabel::text)
                                        .orElse(q.duty().value()),
                                q.condition(),
                                m.answers().containsKey(q) ? (m.answers().get(q) ? "yes" : "no") : ""))
                        .toList());
        model.addAttribute("mayAnswer", current && a.isCustomer());
    }

    void row(Model model, MatrixView v, RuleCheck.Result check, String duty) {
        common(model, v);
        ResponsibilityMatrix m = v.matrix();
        MatrixRow r = m.rows().stream()
                .filter(x -> x.duty().id().value().equals(duty))
                .findFirst()
                .orElseThrow(() -> new org.yunjian.shared.NotFoundException("duty", duty));
        List<Violation> mine = check.violations().stream()
                .filter(x -> x.dutyId().map(d -> d.value().equals(duty)).orElse(false))
                .toList();
        model.addAttribute("row", rowLine(m, r, mine.size()));
        Requirement req = catalog.requirement(r.duty().id()).orElseThrow();
        model.addAttribute("original", req.text());
        model.addAttribute(
                "phases",
                r.duty().phases().stream().sorted().map(Msg::of).map(Msg::text).toList());
        model.addAttribute(
                "named",
                r.duty().roles().stream().sorted().map(Msg::of).map(Msg::text).toList());
        MatrixAccess a = v.access();
        UUID provider = a.system().providerId();
        List<AssignmentLine> lines = new ArrayList<>();
        for (Assignment x : r.assignments()) {
            boolean editable = v.current()
                    && (a.isCustomer()
                            || a.isProvider() && x.accountable().organisation().equals(provider));
            lines.add(new AssignmentLine(
                    x.accountable().organisation(),
                    x.accountable().role(),
                    name(m, x.accountable().organisation()),
                    Msg.of(x.accountable().role()).text(),
                    x.chain().stream().map(h -> link(m, h)).toList(),
                    name(m, x.implementer()),
                    x.implementer(),
                    editable));
        }
        model.addAttribute("assignments", lines);
        model.addAttribute("violations", violations(mine));
        model.addAttribute("maxDepth", ruleCheck.maxDepth());
        model.addAttribute("agreementNames", agreementNames(m));
    }

    void participant(
            Model model,
            MatrixView v,
            UUID org,
            Set<Behaviour> ticked,
            RoleDecision proposal,
            Map<String, String> errors) {
        common(model, v);
        Participant p = v.matrix()
                .participant(org)
                .orElseThrow(() -> new org.yunjian.shared.NotFoundException("participant", org));
        StoredParticipant stored = v.document().participants().stream()
                .filter(x -> x.organisation().equals(org))
                .findFirst()
                .orElse(null);
        model.addAttribute("participant", p);
        model.addAttribute("stored", stored);
        model.addAttribute("behaviours", Behaviour.values());
        model.addAttribute("ticked", ticked);
        model.addAttribute("tcciaRoles", TCCIA_ROLES);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldLabels", FieldLabels.PARTICIPANT);
        model.addAttribute("mayDecide", v.current() && v.access().isCustomer());
        if (proposal != null) {
            model.addAttribute(
                    "proposal",
                    proposal.proposal().stream()
                            .map(x -> new ProposedRole(
                                    x.role(),
                                    x.joint(),
                                    x.support().stream()
                                            .map(id -> assistant
                                                    .row(id)
                                                    .map(row -> new AnnexRowLine(
                                                            row.ref().text(),
                                                            row.actor(),
                                                            row.behaviours().stream()
                                                                    .sorted()
                                                                    .map(b -> Msg.of(b)
                                                                            .text())
                                                                    .toList()))
                                                    .orElse(new AnnexRowLine(id.value(), "", List.of())))
                                            .toList()))
                            .toList());
            model.addAttribute("proposedRoles", proposal.roles());
        }
        if (stored != null && stored.confirmedBy() != null) {
            model.addAttribute(
                    "confirmedByName",
                    people.displayNames(Set.of(stored.confirmedBy()))
                            .getOrDefault(stored.confirmedBy(), stored.confirmedBy()));
        }
    }

    private void common(Model model, MatrixView v) {
        model.addAttribute("v", v);
        model.addAttribute("system", v.access().system());
        model.addAttribute("participants", v.document().participants());
        model.addAttribute("orgNames", orgNames(v.matrix()));
        model.addAttribute("base", MatrixPages.base(v.access().system().id()));
    }

    private RowLine rowLine(ResponsibilityMatrix m, MatrixRow r, int problems) {
        Requirement req = catalog.requirement(r.duty().id()).orElse(null);
        String text = req == null ? r.duty().id().value() : req.textIn(Texts.locale());
        Map<UUID, List<Mark>> marks = new LinkedHashMap<>();
        Map<UUID, List<String>> titles = new LinkedHashMap<>();
        for (Assignment a : r.assignments()) {
            UUID acc = a.accountable().organisation();
            marks.computeIfAbsent(acc, k -> new ArrayList<>()).add(Mark.ACCOUNTABLE);
            titles.computeIfAbsent(acc, k -> new ArrayList<>())
                    .add(Msg.of(
                                    "responsibility.page.cell.accountable",
                                    Msg.of(a.accountable().role()))
                            .text());
            for (Hop h : a.chain()) {
                boolean last = h.to().equals(a.implementer());
                marks.computeIfAbsent(h.to(), k -> new ArrayList<>()).add(last ? Mark.IMPLEMENTING : Mark.RELAY);
                titles.computeIfAbsent(h.to(), k -> new ArrayList<>())
                        .add(Msg.of(
                                        "responsibility.page.cell.hop",
                                        name(m, h.from()),
                                        h.agreement() == null ? "—" : h.agreement(),
                                        h.clause() == null ? "—" : h.clause())
                                .text());
            }
            if (!a.delegated()) {
                marks.get(acc).add(Mark.IMPLEMENTING);
            }
        }
        Map<UUID, Cell> cells = new LinkedHashMap<>();
        marks.forEach((org, ms) -> cells.put(
                org,
                new Cell(
                        ms.stream().distinct().toList(),
                        String.join(
                                Texts.get("responsibility.page.cell.separator"),
                                titles.getOrDefault(org, List.of())))));
        return new RowLine(
                r.duty().id().value(),
                req == null ? "" : ClauseLabel.text(req),
                text,
                r.duty().layer(),
                r.heading(),
                r.duty().parent() != null,
                r.applicable() ? null : r.notApplicable().text(),
                cells,
                problems,
                r.assignments().stream().anyMatch(Assignment::delegated));
    }

    private List<ViolationLine> violations(List<Violation> vs) {
        return vs.stream()
                .map(x -> {
                    RuleQuote q = RuleQuote.of(x.rule(), catalog);
                    return new ViolationLine(
                            x.check().name(),
                            x.check().text().text(),
                            q.ref(),
                            q.text(),
                            x.message().text(),
                            x.dutyId().map(d -> d.value()).orElse(null));
                })
                .toList();
    }

    private List<ExceptionLine> exceptionLines(ResponsibilityMatrix m, RuleCheck.Result check) {
        return m.exceptions().stream()
                .map(e -> {
                    RuleQuote q = RuleQuote.of(ruleCheck.rule(e.check(), null), catalog);
                    String finding = check.excepted().stream()
                            .filter(x -> x.exception().equals(e))
                            .findFirst()
                            .map(x -> x.finding().message().text())
                            .orElse(null);
                    return new ExceptionLine(
                            e.check().text().text(),
                            q.ref(),
                            q.text(),
                            e.dutyId().map(d -> d.value()).orElse(null),
                            name(m, e.organisation()),
                            e.reason(),
                            e.approvedBy(),
                            e.approvedAt(),
                            finding);
                })
                .toList();
    }

    private static Link link(ResponsibilityMatrix m, Hop h) {
        return new Link(
                name(m, h.from()),
                name(m, h.to()),
                h.agreement(),
                h.clause(),
                h.handedOverOn() == null ? null : org.yunjian.shared.Formats.date(h.handedOverOn()));
    }

    private static Map<UUID, String> orgNames(ResponsibilityMatrix m) {
        Map<UUID, String> out = new LinkedHashMap<>();
        m.participants().forEach(p -> out.put(p.organisation(), p.name()));
        return out;
    }

    private static Map<String, String> agreementNames(ResponsibilityMatrix m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.agreements()
                .forEach(a -> out.put(
                        a.name(),
                        Msg.of(
                                        "responsibility.page.agreement.between",
                                        a.name(),
                                        name(m, a.partyA()),
                                        name(m, a.partyB()))
                                .text()));
        return out;
    }

    private static String name(ResponsibilityMatrix m, UUID org) {
        return m.participant(org).map(Participant::name).orElse("—");
    }
}
