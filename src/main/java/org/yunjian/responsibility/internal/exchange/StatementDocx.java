package org.yunjian.responsibility.internal.exchange;

import static org.yunjian.documents.WordDocuments.heading;
import static org.yunjian.documents.WordDocuments.para;
import static org.yunjian.documents.WordDocuments.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.Layer;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.documents.WordDocuments;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.Behaviour;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.RoleAssistant;
import org.yunjian.responsibility.RoleProposal;
import org.yunjian.responsibility.RuleCheck;
import org.yunjian.responsibility.RuleException;
import org.yunjian.responsibility.RuleQuote;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.responsibility.Violation;
import org.yunjian.responsibility.internal.MatrixDocument.StoredAgreement;
import org.yunjian.responsibility.internal.MatrixDocument.StoredParticipant;
import org.yunjian.responsibility.internal.MatrixRepository.SignOff;
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * 《云服务安全责任分工说明》, the statement of one matrix version for annexing to the contract (POI XWPF), in the
 * reader's language: participants and their T/CCIA roles with the Annex A reasoning, agreements with their clauses
 * and what §5 asks them to state (signing date, supervision and accountability clauses, the client's consent to
 * subcontract), the matrix by layer and phase with each hand-over's day, the §5 rule-check result with each broken
 * rule quoted and the approved exceptions to the "原则上" rules, and a signatures block for customer and provider. A4, header with the system's name, page numbers in the footer.
 */
@Component
public class StatementDocx {

    private final ResponsibilityService service;
    private final Catalog catalog;
    private final RoleAssistant assistant;
    private final PeopleNames people;
    private final Clock clock;
    private final RuleCheck ruleCheck;

    StatementDocx(
            ResponsibilityService service, Catalog catalog, PeopleNames people, Clock clock, RuleCheck ruleCheck) {
        this.service = service;
        this.ruleCheck = ruleCheck;
        this.catalog = catalog;
        this.assistant = RoleAssistant.of(catalog);
        this.people = people;
        this.clock = clock;
    }

    /** The statement of the current version, or of {@code version}. */
    public byte[] render(UUID systemId, Integer version) {
        MatrixView v = version == null ? service.current(systemId) : service.version(systemId, version);
        RuleCheck.Result check = service.check(systemId, v.version().version());
        try (XWPFDocument doc = WordDocuments.create(Texts.locale());
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String system = v.access().system().name();
            doc.getProperties()
                    .getCoreProperties()
                    .setTitle(Texts.get("responsibility.statement.title") + " · " + system);
            WordDocuments.headerAndFooter(
                    doc,
                    Texts.get("responsibility.statement.header", system),
                    Texts.get("responsibility.statement.footer", WordDocuments.PAGE));
            Map<UUID, String> names = new HashMap<>();
            v.matrix().participants().forEach(p -> names.put(p.organisation(), p.name()));
            cover(doc, v, system);
            participants(doc, v, names);
            agreements(doc, v.document().agreements(), names);
            matrix(doc, v, names);
            check(doc, check, v, names);
            signatures(doc, v, names);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 云服务安全责任分工说明-<system>-v3-2026-11-23.docx}, with an ASCII fallback. */
    public String contentDisposition(UUID systemId, Integer version) {
        MatrixView v = version == null ? service.current(systemId) : service.version(systemId, version);
        return DownloadName.of(
                        "responsibility.statement.fileName",
                        "responsibility-statement",
                        v.access().system().name(),
                        "v" + v.version().version(),
                        clock.instant(),
                        "docx")
                .contentDisposition();
    }

    private void cover(XWPFDocument doc, MatrixView v, String system) {
        WordDocuments.title(doc, Texts.get("responsibility.statement.title"), 20)
                .setSpacingBefore(600);
        WordDocuments.title(doc, system, 14);
        var line = para(
                doc,
                Texts.get(
                        "responsibility.statement.versionLine",
                        v.version().version(),
                        Msg.of(v.version().status()),
                        Formats.date(clock.instant())));
        line.setAlignment(ParagraphAlignment.CENTER);
        para(doc, Texts.get("responsibility.statement.intro"));
    }

    private void participants(XWPFDocument doc, MatrixView v, Map<UUID, String> names) {
        heading(doc, 1, Texts.get("responsibility.statement.h.participants"));
        List<StoredParticipant> ps = v.document().participants();
        Map<UUID, Set<Behaviour>> performed = new LinkedHashMap<>();
        ps.stream()
                .filter(p -> !p.behaviours().isEmpty())
                .forEach(p -> performed.put(p.organisation(), EnumSet.copyOf(p.behaviours())));
        Map<UUID, List<RoleProposal>> proposals = assistant.determine(performed);
        Map<String, String> confirmers = people.displayNames(ps.stream()
                .map(StoredParticipant::confirmedBy)
                .filter(java.util.Objects::nonNull)
                .toList());
        List<List<String>> rows = new ArrayList<>();
        for (StoredParticipant p : ps) {
            List<String> reasons = new ArrayList<>();
            List<RoleProposal> proposed = proposals.get(p.organisation());
            if (proposed == null) {
                reasons.add(Texts.get("responsibility.statement.fromEngagements"));
            } else {
                for (RoleProposal r : proposed) {
                    reasons.add(Texts.get(
                            r.joint() ? "responsibility.statement.annexA.joint" : "responsibility.statement.annexA",
                            Msg.of(r.role()),
                            annexRows(r.support())));
                }
                reasons.add(Texts.get("responsibility.statement.behaviours", behaviours(p.behaviours())));
            }
            if (p.confirmedBy() != null) {
                reasons.add(Texts.get(
                        "responsibility.statement.confirmedBy",
                        confirmers.getOrDefault(p.confirmedBy(), p.confirmedBy())));
            }
            if (p.overrideReason() != null && !p.overrideReason().isBlank()) {
                reasons.add(Texts.get("responsibility.statement.override", p.overrideReason()));
            }
            rows.add(List.of(
                    names.getOrDefault(p.organisation(), p.name()),
                    MatrixTexts.roles(p.roles()),
                    String.join("\n", reasons)));
        }
        table(
                doc,
                List.of(
                        Texts.get("responsibility.statement.col.participant"),
                        Texts.get("responsibility.statement.col.roles"),
                        Texts.get("responsibility.statement.col.basis")),
                rows);
    }

    private String annexRows(List<RequirementId> support) {
        List<Msg> parts = new ArrayList<>();
        for (RequirementId id : support) {
            Requirement r = catalog.requirement(id).orElse(null);
            String actor = assistant.rows().stream()
                    .filter(x -> x.id().equals(id))
                    .map(RoleAssistant.Row::actor)
                    .findFirst()
                    .orElse("");
            parts.add(Msg.of(
                    "responsibility.statement.annexRow",
                    r == null ? id.value() : r.clause(),
                    r == null || r.item() == null ? "" : r.item(),
                    actor));
        }
        return Msg.joined("responsibility.text.list", parts).text();
    }

    private static String behaviours(Set<Behaviour> bs) {
        List<Msg> parts = new ArrayList<>();
        for (Behaviour b : Behaviour.values()) {
            if (bs.contains(b)) {
                parts.add(Msg.of(b));
            }
        }
        return Msg.joined("responsibility.text.list", parts).text();
    }

    /**
     * The agreements with what T/CCIA 004-2024 §5 asks them to state: signing date (5 b) 2)), the clauses stating the
     * provider's supervision (5 a) 3)) and the accountability mechanism (5 b) 2), 5 c)), the client's permission to
     * subcontract (JR/T 7.3, 7.4.3); "未登记" where a part is not recorded.
     */
    private static void agreements(XWPFDocument doc, List<StoredAgreement> agreements, Map<UUID, String> names) {
        heading(doc, 1, Texts.get("responsibility.statement.h.agreements"));
        if (agreements.isEmpty()) {
            para(doc, Texts.get("responsibility.statement.noAgreements"));
            return;
        }
        String none = Texts.get("responsibility.page.agreement.notRecorded");
        List<List<String>> rows = agreements.stream()
                .map(a -> List.of(
                        a.name(),
                        Texts.get(
                                "responsibility.statement.agreementParties",
                                MatrixTexts.name(names, a.partyA()),
                                MatrixTexts.name(names, a.partyB())),
                        String.join(Texts.get("responsibility.workbook.listSeparator"), a.clauses()),
                        a.signedOn() == null ? none : Formats.date(a.signedOn()),
                        orElse(a.supervisionClause(), none),
                        orElse(a.accountabilityClause(), none),
                        a.customerConsentOn() == null ? none : Formats.date(a.customerConsentOn())))
                .toList();
        table(
                doc,
                List.of(
                        Texts.get("responsibility.workbook.agreements.name"),
                        Texts.get("responsibility.statement.col.agreementParties"),
                        Texts.get("responsibility.workbook.agreements.clauses"),
                        Texts.get("responsibility.page.agreement.signedOn"),
                        Texts.get("responsibility.page.agreement.supervisionClause"),
                        Texts.get("responsibility.page.agreement.accountabilityClause"),
                        Texts.get("responsibility.page.agreement.customerConsentOn")),
                rows);
    }

    private static String orElse(String s, String none) {
        return s == null ? none : s;
    }

    /** The duties by layer (heading 2) and by their phases (heading 3), in the standard's order within each. */
    private void matrix(XWPFDocument doc, MatrixView v, Map<UUID, String> names) {
        heading(doc, 1, Texts.get("responsibility.statement.h.matrix"));
        para(doc, Texts.get("responsibility.statement.matrixNote"));
        for (Layer layer : Layer.values()) {
            Map<String, List<List<String>>> byPhases = new LinkedHashMap<>();
            for (MatrixRow row : v.matrix().rows()) {
                if (row.duty().layer() != layer) {
                    continue;
                }
                Requirement r = catalog.requirement(row.duty().id()).orElse(null);
                String duty = (r == null ? row.duty().clause() : ClauseLabel.text(r)) + " "
                        + (r == null ? "" : r.textIn(Texts.locale()));
                List<List<String>> rows =
                        byPhases.computeIfAbsent(MatrixTexts.phases(row.duty()), k -> new ArrayList<>());
                if (!row.applicable()) {
                    rows.add(List.of(duty, row.notApplicable().text(), "", ""));
                } else if (row.assignments().isEmpty()) {
                    rows.add(List.of(duty, Texts.get("responsibility.workbook.gap"), "", ""));
                } else {
                    rows.add(List.of(
                            duty,
                            join(row, a -> MatrixTexts.accountable(a, names)),
                            join(row, a -> MatrixTexts.name(names, a.implementer())),
                            join(row, a -> MatrixTexts.chain(a, names))));
                }
            }
            if (byPhases.isEmpty()) {
                continue;
            }
            heading(doc, 2, Msg.of(layer).text());
            byPhases.forEach((phases, rows) -> {
                heading(doc, 3, phases);
                table(
                        doc,
                        List.of(
                                Texts.get("responsibility.statement.col.duty"),
                                Texts.get("responsibility.workbook.header.accountable"),
                                Texts.get("responsibility.workbook.header.implementer"),
                                Texts.get("responsibility.workbook.header.chain")),
                        rows);
            });
        }
    }

    private static String join(MatrixRow row, java.util.function.Function<Assignment, String> part) {
        return String.join("\n", row.assignments().stream().map(part).toList());
    }

    private void check(XWPFDocument doc, RuleCheck.Result check, MatrixView v, Map<UUID, String> names) {
        heading(doc, 1, Texts.get("responsibility.statement.h.check"));
        if (check.approvable()) {
            para(doc, Texts.get("responsibility.statement.clean"));
        } else {
            para(
                    doc,
                    Texts.get(
                            "responsibility.statement.violations",
                            check.violations().size()));
            List<List<String>> rows = new ArrayList<>();
            for (Violation x : check.violations()) {
                RuleQuote q = RuleQuote.of(x.rule(), catalog);
                rows.add(List.of(
                        message(x),
                        q.text() == null ? q.ref() : Texts.get("responsibility.statement.quote", q.ref(), q.text())));
            }
            table(
                    doc,
                    List.of(
                            Texts.get("responsibility.statement.col.violation"),
                            Texts.get("responsibility.statement.col.rule")),
                    rows);
        }
        exceptions(doc, check, v, names);
    }

    /**
     * The approved exceptions to the rules §5 states "原则上" (5 a) 2), 5 b) 1)): the rule, the organisation and duty,
     * the reason, who approved it and when, and the findings of this version it covers.
     */
    private void exceptions(XWPFDocument doc, RuleCheck.Result check, MatrixView v, Map<UUID, String> names) {
        heading(doc, 2, Texts.get("responsibility.page.exceptions"));
        List<RuleException> all = v.matrix().exceptions();
        if (all.isEmpty()) {
            para(doc, Texts.get("responsibility.page.exception.none"));
            return;
        }
        Map<String, String> approvers =
                people.displayNames(all.stream().map(RuleException::approvedBy).toList());
        List<List<String>> rows = new ArrayList<>();
        for (RuleException e : all) {
            String rule = RuleQuote.of(ruleCheck.rule(e.check(), null), catalog).ref() + " "
                    + e.check().text().text();
            List<String> covered = check.excepted().stream()
                    .filter(x -> x.exception().equals(e))
                    .map(x -> message(x.finding()))
                    .toList();
            String reason = covered.isEmpty()
                    ? e.reason()
                    : e.reason() + "\n"
                            + Texts.get(
                                    "responsibility.page.exception.covers",
                                    String.join(Texts.get("responsibility.workbook.listSeparator"), covered));
            rows.add(List.of(
                    rule,
                    MatrixTexts.name(names, e.organisation()),
                    e.dutyId()
                            .map(d -> catalog.requirement(d)
                                    .map(ClauseLabel::text)
                                    .orElse(d.value()))
                            .orElse(""),
                    reason,
                    approvers.getOrDefault(e.approvedBy(), e.approvedBy()) + "\n" + Formats.minute(e.approvedAt())));
        }
        table(
                doc,
                List.of(
                        Texts.get("responsibility.page.exception.check"),
                        Texts.get("responsibility.page.exception.organisation"),
                        Texts.get("responsibility.page.exception.duty"),
                        Texts.get("responsibility.page.exception.reason"),
                        Texts.get("responsibility.page.exception.approved")),
                rows);
    }

    /** The violation's message, naming its duty by clause as the standard prints it ({@code 6.2 c)}), not by id. */
    private String message(Violation x) {
        Object[] args = x.message().getArguments();
        if (x.duty() != null && args.length > 0 && x.duty().value().equals(args[0])) {
            args[0] = catalog.requirement(x.duty())
                    .map(ClauseLabel::text)
                    .orElse(x.duty().value());
        }
        return Msg.of(x.message().key(), args).text();
    }

    private void signatures(XWPFDocument doc, MatrixView v, Map<UUID, String> names) {
        heading(doc, 1, Texts.get("responsibility.statement.h.signatures"));
        Map<String, String> signers = people.displayNames(
                v.signOffs().values().stream().map(SignOff::signedBy).toList());
        String blank = Texts.get("responsibility.statement.blank");
        List<List<String>> rows = new ArrayList<>();
        for (SignOffSide side : SignOffSide.values()) {
            UUID org = side == SignOffSide.CUSTOMER
                    ? v.access().system().customerId()
                    : v.access().system().providerId();
            SignOff s = v.signOffs().get(side);
            rows.add(List.of(
                    Msg.of(side).text(),
                    org == null ? blank : MatrixTexts.name(names, org),
                    s == null ? blank : signers.getOrDefault(s.signedBy(), s.signedBy()),
                    s == null ? blank : Formats.minute(s.signedAt()),
                    blank));
        }
        table(
                doc,
                List.of(
                        Texts.get("responsibility.statement.col.side"),
                        Texts.get("responsibility.statement.col.organisation"),
                        Texts.get("responsibility.statement.col.signer"),
                        Texts.get("responsibility.statement.col.signedAt"),
                        Texts.get("responsibility.statement.col.seal")),
                rows);
        para(
                doc,
                Texts.get(
                        v.version().status() == org.yunjian.responsibility.VersionStatus.APPROVED
                                ? "responsibility.statement.approved"
                                : "responsibility.statement.notApproved"));
    }
}
