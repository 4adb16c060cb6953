package org.yunjian.procurement.internal;

import static org.yunjian.procurement.internal.ContractDocxSupport.orDash;
import static org.yunjian.procurement.internal.ContractDocxSupport.zh;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.RequirementId;
import org.yunjian.documents.WordDocuments;
import org.yunjian.procurement.NeedsAnalysis;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.Formats;

/**
 * 《云计算服务需求分析报告》: the guide's 需求报告 (6.3.4.5) — the inventory as a table, the migration decision with its
 * reasons, the resource needs, and the security requirements with the planning duties they cite, quoted verbatim.
 */
@Component
class NeedsDocx {

    private final Catalog catalog;
    private final PeopleNames people;

    NeedsDocx(Catalog catalog, PeopleNames people) {
        this.catalog = catalog;
        this.people = people;
    }

    byte[] render(NeedsService.View v) {
        NeedsAnalysis a = v.analysis().orElseThrow();
        XWPFDocument doc = ContractDocxSupport.begin(
                "lifecycle.doc.needs.docx.title", v.system().name(), a.updatedAt());
        WordDocuments.heading(doc, 1, zh("lifecycle.doc.needs.docx.h.inventory"));
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (NeedsAnalysis.InventoryItem i : a.inventory()) {
            rows.add(List.of(
                    String.valueOf(n++),
                    i.name(),
                    orDash(i.address()),
                    zh(i.classification()),
                    zh(i.sensitivity()),
                    orDash(i.users())));
        }
        WordDocuments.table(
                doc,
                List.of(
                        zh("lifecycle.doc.docx.number"),
                        zh("lifecycle.doc.needs.item.name"),
                        zh("lifecycle.doc.needs.item.address"),
                        zh("lifecycle.doc.needs.item.classification"),
                        zh("lifecycle.doc.needs.item.sensitivity"),
                        zh("lifecycle.doc.needs.item.users")),
                rows);
        WordDocuments.heading(doc, 1, zh("lifecycle.doc.needs.docx.h.decision"));
        WordDocuments.para(doc, zh("lifecycle.doc.needs.docx.decision", zh(a.decision())));
        WordDocuments.para(doc, a.reasons());
        WordDocuments.heading(doc, 1, zh("lifecycle.doc.needs.docx.h.resources"));
        WordDocuments.table(
                doc,
                List.of(zh("lifecycle.doc.needs.docx.resource"), zh("lifecycle.doc.needs.docx.need")),
                List.of(
                        List.of(zh("lifecycle.doc.needs.compute"), orDash(a.compute())),
                        List.of(zh("lifecycle.doc.needs.storage"), orDash(a.storage())),
                        List.of(zh("lifecycle.doc.needs.bandwidth"), orDash(a.bandwidth())),
                        List.of(zh("lifecycle.doc.needs.availability"), orDash(a.availability()))));
        WordDocuments.heading(doc, 1, zh("lifecycle.doc.needs.docx.h.security"));
        WordDocuments.para(doc, orDash(a.security()));
        if (!a.citedDuties().isEmpty()) {
            WordDocuments.heading(doc, 2, zh("lifecycle.doc.needs.docx.h.cited"));
            List<List<String>> duties = new ArrayList<>();
            for (RequirementId id : a.citedDuties()) {
                catalog.requirement(id).ifPresent(r -> duties.add(List.of(ClauseLabel.text(r), r.text())));
            }
            WordDocuments.table(doc, List.of(zh("lifecycle.doc.docx.clause"), zh("lifecycle.doc.docx.text")), duties);
        }
        WordDocuments.para(
                doc,
                zh(
                        "lifecycle.doc.docx.keptBy",
                        people.displayNames(List.of(a.updatedBy())).getOrDefault(a.updatedBy(), a.updatedBy()),
                        Formats.minute(a.updatedAt())));
        return ContractDocxSupport.bytes(doc);
    }
}
