package org.yunjian.procurement.internal;

import static org.yunjian.procurement.internal.ContractDocxSupport.zh;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.documents.WordDocuments;
import org.yunjian.procurement.ProviderSelection;
import org.yunjian.procurement.SelectionCriterion;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.Formats;

/**
 * 《云服务商选择比较表》: the criteria quoted verbatim with their clauses, one column per candidate with its judgement
 * and note, the evidence files by name and SM3, and the decision with its reasons.
 */
@Component
class SelectionDocx {

    private final PeopleNames people;

    SelectionDocx(PeopleNames people) {
        this.people = people;
    }

    byte[] render(SelectionService.View v, java.time.Instant at) {
        ProviderSelection s = v.selection();
        XWPFDocument doc = ContractDocxSupport.begin(
                "lifecycle.doc.selection.docx.title", v.system().name(), at);
        WordDocuments.heading(doc, 1, zh("lifecycle.doc.selection.docx.h.candidates"));
        WordDocuments.table(
                doc,
                List.of(
                        zh("lifecycle.doc.docx.number"),
                        zh("lifecycle.doc.selection.candidate"),
                        zh("lifecycle.doc.selection.registered")),
                s.candidates().stream()
                        .map(c -> List.of(
                                String.valueOf(c.position()),
                                c.name(),
                                zh(
                                        c.organisation() != null
                                                ? "lifecycle.doc.selection.registered.yes"
                                                : "lifecycle.doc.selection.registered.no")))
                        .toList());
        WordDocuments.heading(doc, 1, zh("lifecycle.doc.selection.docx.h.comparison"));
        List<String> header =
                new ArrayList<>(List.of(zh("lifecycle.doc.docx.clause"), zh("lifecycle.doc.selection.criterion")));
        s.candidates().forEach(c -> header.add(c.name()));
        List<List<String>> rows = new ArrayList<>();
        for (SelectionCriterion k : v.criteria()) {
            List<String> row = new ArrayList<>();
            row.add(ClauseLabel.text(k.requirement())
                    + (k.derived()
                            ? "\n"
                                    + zh(
                                            "lifecycle.doc.selection.derived",
                                            k.requirement().clause())
                            : "") + "\n" + zh(k.obligation()));
            row.add(k.requirement().text());
            for (ProviderSelection.Candidate c : s.candidates()) {
                StringBuilder cell = new StringBuilder(zh(s.judgement(c.id(), k.id())));
                s.recorded(c.id(), k.id())
                        .map(ProviderSelection.CandidateJudgement::note)
                        .ifPresent(n -> cell.append('\n').append(n));
                v.evidence(c.id(), k.id()).forEach(e -> cell.append('\n')
                        .append(zh(
                                "lifecycle.doc.selection.docx.evidence",
                                e.sealed().displayName())));
                row.add(cell.toString());
            }
            rows.add(row);
        }
        WordDocuments.table(doc, header, rows);
        WordDocuments.heading(doc, 1, zh("lifecycle.doc.selection.docx.h.evidence"));
        if (v.evidence().isEmpty()) {
            WordDocuments.para(doc, zh("lifecycle.doc.docx.none"));
        } else {
            WordDocuments.table(
                    doc,
                    List.of(
                            zh("lifecycle.doc.selection.candidate"),
                            zh("lifecycle.doc.docx.clause"),
                            zh("lifecycle.doc.selection.evidence.name"),
                            zh("lifecycle.doc.selection.evidence.sm3")),
                    v.evidence().stream()
                            .map(e -> List.of(
                                    s.candidate(e.candidate())
                                            .map(ProviderSelection.Candidate::name)
                                            .orElse(""),
                                    e.criterion().clause(),
                                    e.sealed().displayName(),
                                    e.sealed().sm3()))
                            .toList());
        }
        WordDocuments.heading(doc, 1, zh("lifecycle.doc.selection.docx.h.decision"));
        if (s.decision() == null) {
            WordDocuments.para(doc, zh("lifecycle.doc.selection.noDecision"));
        } else {
            WordDocuments.para(
                    doc,
                    zh(
                            "lifecycle.doc.selection.docx.selected",
                            v.selected().orElseThrow().name()));
            WordDocuments.para(doc, s.decision().reasons());
            WordDocuments.para(
                    doc,
                    zh(
                            "lifecycle.doc.docx.decidedBy",
                            people.displayNames(List.of(s.decision().decidedBy()))
                                    .getOrDefault(
                                            s.decision().decidedBy(),
                                            s.decision().decidedBy()),
                            Formats.minute(s.decision().decidedAt())));
        }
        return ContractDocxSupport.bytes(doc);
    }
}
