package org.yunjian.responsibility.internal.liability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.RequirementId;
import org.yunjian.documents.WordDocuments;
import org.yunjian.responsibility.RuleQuote;
import org.yunjian.responsibility.internal.liability.IncidentRepository.IncidentRecord;
import org.yunjian.responsibility.internal.liability.LiabilityAnalysis.AnalysedRow;
import org.yunjian.responsibility.internal.liability.LiabilityAnalysis.Holder;
import org.yunjian.responsibility.internal.liability.LiabilityAnalysis.LiableRole;
import org.yunjian.responsibility.internal.liability.LiabilityAnalysis.RowParty;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;

/**
 * A recorded incident as a Word document in the reader's language: A4 portrait with margins as Chinese official
 * documents use them, East-Asian fonts in the document defaults and headings (宋体 / 黑体), the record, the
 * standard's text of the incident, the liable roles with the organisations and contacts holding them, and the matrix
 * rows involved — all as they stood when the incident was recorded.
 */
@Component
class IncidentDocx {

    private final Catalog catalog;
    private final Liability liability;
    private final PeopleNames people;

    IncidentDocx(Catalog catalog, Liability liability, PeopleNames people) {
        this.catalog = catalog;
        this.liability = liability;
        this.people = people;
    }

    byte[] render(IncidentRecord r, String systemName) {
        try (XWPFDocument doc = WordDocuments.create(Texts.locale());
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties()
                    .getCoreProperties()
                    .setTitle(Text.safe(t("responsibility.incident.doc.title") + " · " + r.title()));
            doc.getProperties().getCoreProperties().setSubjectProperty(Text.safe(systemName));
            WordDocuments.title(doc, t("responsibility.incident.doc.title"), 18);
            XWPFParagraph sub = doc.createParagraph();
            sub.setAlignment(ParagraphAlignment.CENTER);
            sub.createRun().setText(Text.safe(systemName));

            WordDocuments.heading(doc, 1, t("responsibility.incident.doc.h.record"));
            WordDocuments.table(
                    doc,
                    List.of(t("responsibility.incident.doc.item"), t("responsibility.incident.doc.content")),
                    recordRows(r, systemName));
            WordDocuments.heading(doc, 2, t("responsibility.incident.description"));
            WordDocuments.para(doc, r.description());

            Liability.Incident incident =
                    liability.incident(RequirementId.of(r.incident())).orElse(null);
            WordDocuments.heading(doc, 1, t("responsibility.incident.doc.h.standard"));
            RuleQuote q = RuleQuote.of(RequirementId.of(r.incident()), catalog);
            WordDocuments.para(
                    doc,
                    t("responsibility.incident.doc.quote", number(r.incident()), q.text() == null ? "" : q.text()));
            if (incident != null) {
                WordDocuments.para(
                        doc,
                        t(
                                "responsibility.incident.doc.clause",
                                incident.relatedClause(),
                                Msg.of(incident.kind()).text()));
            }

            WordDocuments.heading(doc, 1, t("responsibility.incident.doc.h.liable"));
            WordDocuments.para(doc, t("responsibility.incident.frozen", Formats.minute(r.recordedAt())));
            WordDocuments.para(
                    doc,
                    r.analysis().onMatrix()
                            ? t(
                                    "responsibility.incident.basis.version",
                                    r.analysis().matrixVersion(),
                                    Msg.of(r.analysis().matrixStatus()).text())
                            : t("responsibility.incident.basis.none"));
            WordDocuments.table(
                    doc,
                    List.of(
                            t("responsibility.liability.role"),
                            t("responsibility.liability.holders"),
                            t("responsibility.liability.contacts")),
                    liableRows(r.analysis()));

            WordDocuments.heading(doc, 1, t("responsibility.incident.doc.h.rows"));
            if (r.analysis().rows().isEmpty()) {
                WordDocuments.para(
                        doc,
                        t(
                                r.analysis().onMatrix()
                                        ? "responsibility.liability.rows.none"
                                        : "responsibility.liability.noMatrix"));
            } else {
                WordDocuments.table(
                        doc,
                        List.of(
                                t("responsibility.liability.duty"),
                                t("responsibility.liability.accountable"),
                                t("responsibility.liability.implementer")),
                        rowRows(r.analysis()));
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<List<String>> recordRows(IncidentRecord r, String systemName) {
        String recorder = people.displayNames(Set.of(r.recordedBy())).getOrDefault(r.recordedBy(), r.recordedBy());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t("responsibility.incident.system"), systemName));
        rows.add(List.of(t("responsibility.incident.title"), r.title()));
        rows.add(List.of(t("responsibility.incident.type"), "B." + number(r.incident()) + " " + text(r.incident())));
        rows.add(List.of(t("responsibility.incident.occurredAt"), Formats.minute(r.occurredAt())));
        rows.add(List.of(t("responsibility.incident.reference"), r.reference() == null ? "—" : r.reference()));
        rows.add(List.of(t("responsibility.incident.recordedBy"), recorder));
        rows.add(List.of(t("responsibility.incident.recordedAt"), Formats.minute(r.recordedAt())));
        return rows;
    }

    private static List<List<String>> liableRows(LiabilityAnalysis a) {
        List<List<String>> rows = new ArrayList<>();
        for (LiableRole l : a.liable()) {
            String holders = l.holders().isEmpty()
                    ? l.nobody(a.onMatrix()).text()
                    : String.join("\n", l.holders().stream().map(Holder::name).toList())
                            + (l.onlyDoing() == null ? "" : "\n" + l.onlyDoing().text());
            String contacts = String.join(
                    "\n",
                    l.holders().stream()
                            .map(h -> t("responsibility.liability.contactLine", h.name(), contacts(h)))
                            .toList());
            rows.add(List.of(Msg.of(l.role()).text(), holders, contacts.isEmpty() ? "—" : contacts));
        }
        return rows;
    }

    /** The contacts of a holder in one line, or a note that the organisation has none on the platform. */
    static String contacts(Holder h) {
        return h.contacts().isEmpty()
                ? t("responsibility.liability.noContacts")
                : String.join(t("responsibility.liability.contactSeparator"), h.contacts());
    }

    private List<List<String>> rowRows(LiabilityAnalysis a) {
        List<List<String>> rows = new ArrayList<>();
        for (AnalysedRow row : a.rows()) {
            RuleQuote q = RuleQuote.of(RequirementId.of(row.duty()), catalog);
            String duty = q.ref() + " " + (q.text() == null ? "" : q.text());
            String accountable = row.parties().isEmpty()
                    ? t("responsibility.liability.unassigned")
                    : String.join(
                            "\n",
                            row.parties().stream()
                                    .map(p -> t(
                                            "responsibility.liability.as",
                                            p.accountableName(),
                                            Msg.of(p.role()).text()))
                                    .toList());
            String implementer = row.parties().isEmpty()
                    ? "—"
                    : String.join(
                            "\n",
                            row.parties().stream()
                                    .map(IncidentDocx::implementer)
                                    .toList());
            rows.add(List.of(duty, accountable, implementer));
        }
        return rows;
    }

    private static String implementer(RowParty p) {
        return p.depth() == 0
                ? p.implementerName()
                : t("responsibility.liability.delegated", p.implementerName(), p.depth());
    }

    private String text(String incidentId) {
        RuleQuote q = RuleQuote.of(RequirementId.of(incidentId), catalog);
        return q.text() == null ? "" : q.text();
    }

    static String number(String incidentId) {
        return incidentId.substring(incidentId.lastIndexOf('-') + 1);
    }

    private static String t(String key, Object... args) {
        return Texts.get(key, args);
    }
}
