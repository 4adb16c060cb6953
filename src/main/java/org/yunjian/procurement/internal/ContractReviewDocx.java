package org.yunjian.procurement.internal;

import static org.yunjian.procurement.internal.ContractDocxSupport.orDash;
import static org.yunjian.procurement.internal.ContractDocxSupport.zh;

import java.time.Instant;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.documents.WordDocuments;
import org.yunjian.lifecycle.PhaseGateCondition;
import org.yunjian.procurement.AgreementDocument;

/**
 * 《合同、服务水平协议与保密协议审查表》: per document (contract, SLA, NDA) a table of the required clauses — the clause,
 * the standard's text verbatim, mandatory or recommended, the status, the signed document's reference and the note —
 * and at the end what still keeps the acquisition phase open.
 */
@Component
class ContractReviewDocx {

    byte[] render(ContractReviewService.Review r, Instant at) {
        XWPFDocument doc = ContractDocxSupport.begin(
                "lifecycle.doc.contract.docx.title", r.system().name(), at);
        if (r.lines().isEmpty()) {
            WordDocuments.para(doc, zh("lifecycle.doc.contract.empty"));
        }
        for (AgreementDocument d : AgreementDocument.values()) {
            List<ContractReviewService.Line> lines =
                    r.lines().stream().filter(l -> l.clause().document() == d).toList();
            if (lines.isEmpty()) {
                continue;
            }
            WordDocuments.heading(doc, 1, zh(d));
            // a lead-in shared by every clause of the document is printed once above its table
            List<String> leadIns =
                    lines.stream().map(l -> l.clause().leadIn()).distinct().toList();
            boolean shared = leadIns.size() == 1 && leadIns.get(0) != null;
            if (shared) {
                WordDocuments.para(doc, leadIns.get(0));
            }
            WordDocuments.table(
                    doc,
                    List.of(
                            zh("lifecycle.doc.docx.clause"),
                            zh("lifecycle.doc.docx.text"),
                            zh("lifecycle.doc.contract.obligation"),
                            zh("lifecycle.doc.contract.status"),
                            zh("lifecycle.doc.contract.reference"),
                            zh("lifecycle.doc.contract.note")),
                    lines.stream()
                            .map(l -> List.of(
                                    ClauseLabel.cited(l.clause().requirement()).text(),
                                    (shared || l.clause().leadIn() == null
                                                    ? ""
                                                    : l.clause().leadIn() + "\n")
                                            + l.clause().requirement().text(),
                                    zh(l.clause().obligation()),
                                    zh(l.status()),
                                    orDash(l.review().reference()),
                                    orDash(l.review().note())))
                            .toList());
        }
        WordDocuments.heading(doc, 1, zh("lifecycle.doc.contract.docx.h.gate"));
        if (r.unmet().isEmpty()) {
            WordDocuments.para(doc, zh("lifecycle.doc.contract.gate.clear"));
        } else {
            for (PhaseGateCondition.Unmet u : r.unmet()) {
                WordDocuments.para(doc, zh(u.what()) + (u.source() == null ? "" : "\n" + u.source()));
            }
        }
        return ContractDocxSupport.bytes(doc);
    }
}
