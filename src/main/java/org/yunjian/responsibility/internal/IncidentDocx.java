package org.yunjian.responsibility.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.RequirementId;
import org.yunjian.responsibility.Liability;
import org.yunjian.responsibility.RuleQuote;
import org.yunjian.responsibility.internal.IncidentRepository.IncidentRecord;
import org.yunjian.responsibility.internal.LiabilityAnalysis.AnalysedRow;
import org.yunjian.responsibility.internal.LiabilityAnalysis.Holder;
import org.yunjian.responsibility.internal.LiabilityAnalysis.LiableRole;
import org.yunjian.responsibility.internal.LiabilityAnalysis.RowParty;
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

    /** Font identifiers (宋体 / 黑体), not text: Word looks fonts up by these names. */
    static final String BODY_FONT_EAST_ASIA = "\u5b8b\u4f53";
    static final String HEADING_FONT_EAST_ASIA = "\u9ed1\u4f53";
    static final String LATIN_FONT = "Times New Roman";
    /** A4 in twentieths of a point, margins 2.54 cm top and bottom, 3.17 cm left and right. */
    static final int A4_WIDTH = 11906;
    static final int A4_HEIGHT = 16838;
    static final int MARGIN_TB = 1440;
    static final int MARGIN_LR = 1800;

    private final Catalog catalog;
    private final Liability liability;
    private final PeopleNames people;

    IncidentDocx(Catalog catalog, Liability liability, PeopleNames people) {
        this.catalog = catalog;
        this.liability = liability;
        this.people = people;
    }

    byte[] render(IncidentRecord r, String systemName) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            styles(doc);
            page(doc);
            doc.getProperties().getCoreProperties().setTitle(Text.safe(t("responsibility.incident.doc.title") + " · "
                    + r.title()));
            doc.getProperties().getCoreProperties().setSubjectProperty(Text.safe(systemName));
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun tr = title.createRun();
            tr.setText(t("responsibility.incident.doc.title"));
            tr.setBold(true);
            tr.setFontSize(18);
            tr.setFontFamily(HEADING_FONT_EAST_ASIA, XWPFRun.FontCharRange.eastAsia);
            XWPFParagraph sub = doc.createParagraph();
            sub.setAlignment(ParagraphAlignment.CENTER);
            sub.createRun().setText(Text.safe(systemName));

            heading(doc, 1, t("responsibility.incident.doc.h.record"));
            table(doc, List.of(t("responsibility.incident.doc.item"), t("responsibility.incident.doc.content")),
                    recordRows(r, systemName));
            heading(doc, 2, t("responsibility.incident.description"));
            para(doc, r.description());

            Liability.Incident incident = liability.incident(RequirementId.of(r.incident())).orElse(null);
            heading(doc, 1, t("responsibility.incident.doc.h.standard"));
            RuleQuote q = RuleQuote.of(RequirementId.of(r.incident()), catalog);
            para(doc, t("responsibility.incident.doc.quote", number(r.incident()), q.text() == null ? "" : q.text()));
            if (incident != null) {
                para(doc, t("responsibility.incident.doc.clause", incident.relatedClause(),
                        Msg.of(incident.kind()).text()));
            }

            heading(doc, 1, t("responsibility.incident.doc.h.liable"));
            para(doc, t("responsibility.incident.frozen", Formats.minute(r.recordedAt())));
            para(doc, r.analysis().onMatrix()
                    ? t("responsibility.incident.basis.version", r.analysis().matrixVersion(),
                    Msg.of(r.analysis().matrixStatus()).text())
                    : t("responsibility.incident.basis.none"));
            table(doc, List.of(t("responsibility.liability.role"), t("responsibility.liability.holders"),
                    t("responsibility.liability.contacts")), liableRows(r.analysis()));

            heading(doc, 1, t("responsibility.incident.doc.h.rows"));
            if (r.analysis().rows().isEmpty()) {
                para(doc, t(r.analysis().onMatrix() ? "responsibility.liability.rows.none"
                        : "responsibility.liability.noMatrix"));
            } else {
                table(doc, List.of(t("responsibility.liability.duty"), t("responsibility.liability.accountable"),
                        t("responsibility.liability.implementer")), rowRows(r.analysis()));
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
        rows.add(List.of(t("responsibility.incident.type"), "B." + number(r.incident()) + " "
                + text(r.incident())));
        rows.add(List.of(t("responsibility.incident.occurredAt"), Formats.minute(r.occurredAt())));
        rows.add(List.of(t("responsibility.incident.reference"), r.reference() == null ? "—" : r.reference()));
        rows.add(List.of(t("responsibility.incident.recordedBy"), recorder));
        rows.add(List.of(t("responsibility.incident.recordedAt"), Formats.minute(r.recordedAt())));
        return rows;
    }

    private static List<List<String>> liableRows(LiabilityAnalysis a) {
        List<List<String>> rows = new ArrayList<>();
        for (LiableRole l : a.liable()) {
            String holders = l.holders().isEmpty() ? t(a.onMatrix() ? "responsibility.liability.nobody"
                    : "responsibility.liability.noMatrixShort")
                    : String.join("\n", l.holders().stream().map(Holder::name).toList());
            String contacts = String.join("\n", l.holders().stream().map(h -> t("responsibility.liability.contactLine",
                    h.name(), contacts(h))).toList());
            rows.add(List.of(Msg.of(l.role()).text(), holders, contacts.isEmpty() ? "—" : contacts));
        }
        return rows;
    }

    /** The contacts of a holder in one line, or a note that the organisation has none on the platform. */
    static String contacts(Holder h) {
        return h.contacts().isEmpty() ? t("responsibility.liability.noContacts")
                : String.join(t("responsibility.liability.contactSeparator"), h.contacts());
    }

    private List<List<String>> rowRows(LiabilityAnalysis a) {
        List<List<String>> rows = new ArrayList<>();
        for (AnalysedRow row : a.rows()) {
            RuleQuote q = RuleQuote.of(RequirementId.of(row.duty()), catalog);
            String duty = q.ref() + " " + (q.text() == null ? "" : q.text());
            String accountable = row.parties().isEmpty() ? t("responsibility.liability.unassigned")
                    : String.join("\n", row.parties().stream().map(p -> t("responsibility.liability.as",
                    p.accountableName(), Msg.of(p.role()).text())).toList());
            String implementer = row.parties().isEmpty() ? "—"
                    : String.join("\n", row.parties().stream().map(IncidentDocx::implementer).toList());
            rows.add(List.of(duty, accountable, implementer));
        }
        return rows;
    }

    private static String implementer(RowParty p) {
        return p.depth() == 0 ? p.implementerName()
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

    // --- layout

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH));
        size.setH(BigInteger.valueOf(A4_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(MARGIN_TB));
        mar.setBottom(BigInteger.valueOf(MARGIN_TB));
        mar.setLeft(BigInteger.valueOf(MARGIN_LR));
        mar.setRight(BigInteger.valueOf(MARGIN_LR));
        mar.setHeader(BigInteger.valueOf(851));
        mar.setFooter(BigInteger.valueOf(992));
        mar.setGutter(BigInteger.ZERO);
    }

    private static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        styles.setDefaultFonts(fonts(LATIN_FONT, BODY_FONT_EAST_ASIA));
        styles.setSpellingLanguage(Texts.locale().getLanguage().equals("en") ? "en-US" : "zh-CN");
        styles.setEastAsia("zh-CN");
        heading(styles, 1, 28);
        heading(styles, 2, 24);
    }

    private static CTFonts fonts(String latin, String eastAsia) {
        CTFonts f = CTFonts.Factory.newInstance();
        f.setAscii(latin);
        f.setHAnsi(latin);
        f.setCs(latin);
        f.setEastAsia(eastAsia);
        return f;
    }

    private static void heading(XWPFStyles styles, int level, int halfPoints) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId("Heading" + level);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal("heading " + level);
        ct.addNewNext().setVal("Normal");
        ct.addNewQFormat();
        CTPPrGeneral ppr = ct.addNewPPr();
        ppr.addNewKeepNext();
        ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
        var spacing = ppr.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(240));
        spacing.setAfter(BigInteger.valueOf(120));
        CTRPr rpr = ct.addNewRPr();
        rpr.addNewRFonts().set(fonts(LATIN_FONT, HEADING_FONT_EAST_ASIA));
        rpr.addNewB();
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
        styles.addStyle(new XWPFStyle(ct, styles));
    }

    private static void heading(XWPFDocument doc, int level, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + level);
        p.createRun().setText(Text.safe(text));
    }

    private static void para(XWPFDocument doc, String text) {
        lines(doc.createParagraph(), text, false);
    }

    private static void lines(XWPFParagraph p, String text, boolean bold) {
        XWPFRun run = p.createRun();
        run.setBold(bold);
        String[] lines = (text == null ? "" : text).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(Text.safe(lines[i]), i);
        }
    }

    private static void table(XWPFDocument doc, List<String> header, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, header.size());
        table.setWidth("100%");
        fill(table.getRow(0), header, true);
        for (int r = 0; r < rows.size(); r++) {
            fill(table.getRow(r + 1), rows.get(r), false);
        }
        doc.createParagraph();
    }

    private static void fill(XWPFTableRow row, List<String> values, boolean header) {
        for (int c = 0; c < values.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            if (header) {
                cell.setColor("D9E2F3");
            }
            lines(cell.getParagraphs().get(0), values.get(c), header);
        }
        if (header) {
            row.setRepeatHeader(true);
        }
    }
}
