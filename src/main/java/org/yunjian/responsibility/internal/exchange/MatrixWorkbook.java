package org.yunjian.responsibility.internal.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.Requirement;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.Hop;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.RuleException;
import org.yunjian.responsibility.RuleQuote;
import org.yunjian.responsibility.internal.EditInputs;
import org.yunjian.responsibility.internal.MatrixDocument.StoredAgreement;
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;

/**
 * One matrix version as an XLSX workbook in the shape of a customer responsibility matrix: one row per duty and
 * accountable party (a duty with several accountable parties has several rows), with the requirement, clause,
 * layer, phases, accountable and implementing party, the delegation chain, whether the customer can inherit the
 * duty and the customer's responsibility; three editable hop column groups (receiver, agreement, clause) with
 * drop-downs of the participants and the recorded agreements, and after the hidden key each hop's hand-over day
 * (年-月-日). The parties sheet lists the agreements with what §5 asks them to state, a further sheet the approved
 * exceptions. Sheet {@code meta} (very hidden, protected) names the
 * system, the version and the fingerprint of each row's chain as exported, so a re-import can list conflicts
 * ({@link MatrixWorkbookImport}). Written in the reader's language, read in either.
 */
@Component
public class MatrixWorkbook {

    static final String FORMAT = "yunjian-responsibility-workbook/1";
    static final String META = "meta";
    /** The most hops the sheet offers: one more than the 5 b) 1) limit of two, so the rule check can flag it. */
    static final int HOPS = 3;

    static final int CLAUSE = 0,
            TEXT = 1,
            LAYER = 2,
            PHASES = 3,
            ACCOUNTABLE = 4,
            ROLE = 5,
            IMPLEMENTER = 6,
            CHAIN = 7,
            INHERIT = 8,
            CUSTOMER = 9,
            FIRST_HOP = 10,
            KEY = FIRST_HOP + 3 * HOPS;
    /** The hand-over day of hop h (0-based), after the hidden key column (issue 36: §5 b) 2) checks it). */
    static int dayColumn(int h) {
        return KEY + 1 + h;
    }

    static final int LAST_COLUMN = KEY + HOPS;
    /** Row 1 holds the note, row 2 the header; rows start at index 2. */
    static final int HEADER_ROW = 1, FIRST_ROW = 2;
    /** Meta sheet: rows 0–4 name format, system, name, version and time; fingerprints from row 6. */
    static final int META_FIRST_FINGERPRINT = 6;

    static final List<String> FIXED_HEADER_KEYS = List.of(
            "clause",
            "requirement",
            "layer",
            "phases",
            "accountable",
            "role",
            "implementer",
            "chain",
            "inherit",
            "customer");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ResponsibilityService service;
    private final Catalog catalog;
    private final Clock clock;
    private final org.yunjian.responsibility.RuleCheck ruleCheck;
    private final org.yunjian.security.PeopleNames people;

    MatrixWorkbook(
            ResponsibilityService service,
            Catalog catalog,
            Clock clock,
            org.yunjian.responsibility.RuleCheck ruleCheck,
            org.yunjian.security.PeopleNames people) {
        this.service = service;
        this.people = people;
        this.ruleCheck = ruleCheck;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The workbook of the current version, or of {@code version}. */
    public byte[] export(UUID systemId, Integer version) {
        return write(version == null ? service.current(systemId) : service.version(systemId, version));
    }

    /** {@code 责任分工表-<system>-v3-2026-11-23.xlsx} in the reader's language, with an ASCII fallback. */
    public String contentDisposition(UUID systemId, Integer version) {
        MatrixView v = version == null ? service.current(systemId) : service.version(systemId, version);
        return DownloadName.of(
                        "responsibility.workbook.fileName",
                        "responsibility-workbook",
                        v.access().system().name(),
                        "v" + v.version().version(),
                        clock.instant(),
                        "xlsx")
                .contentDisposition();
    }

    /** The row key kept in the hidden column: duty, accountable organisation, role ({@code duty|} for none). */
    static String key(MatrixRow row, Assignment a) {
        return row.duty().id().value() + "|"
                + (a == null
                        ? ""
                        : a.accountable().organisation() + "|"
                                + a.accountable().role().name());
    }

    static String sheetName(Locale lang) {
        return Msg.of("responsibility.workbook.sheet").text(lang);
    }

    static String partiesSheetName(Locale lang) {
        return Msg.of("responsibility.workbook.partiesSheet").text(lang);
    }

    static List<String> header(Locale lang) {
        List<String> out = new java.util.ArrayList<>(FIXED_HEADER_KEYS.stream()
                .map(k -> Msg.of("responsibility.workbook.header." + k).text(lang))
                .toList());
        for (int h = 1; h <= HOPS; h++) {
            out.add(Msg.of("responsibility.workbook.header.hopTo", h).text(lang));
            out.add(Msg.of("responsibility.workbook.header.hopAgreement", h).text(lang));
            out.add(Msg.of("responsibility.workbook.header.hopClause", h).text(lang));
        }
        out.add(Msg.of("responsibility.workbook.header.key").text(lang));
        for (int h = 1; h <= HOPS; h++) {
            out.add(Msg.of("responsibility.workbook.header.hopDay", h).text(lang));
        }
        return out;
    }

    static String col(int index) {
        return CellReference.convertNumToColString(index);
    }

    private byte[] write(MatrixView v) {
        Locale lang = Texts.locale();
        ResponsibilityMatrix m = v.matrix();
        Map<UUID, String> names =
                m.participants().stream().collect(Collectors.toMap(Participant::organisation, Participant::name));
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(wb);
            XSSFSheet sheet = wb.createSheet(sheetName(lang));
            XSSFSheet parties = wb.createSheet(partiesSheetName(lang));
            XSSFSheet meta = wb.createSheet(META);
            Row note = sheet.createRow(0);
            set(note, 0, Texts.get("responsibility.workbook.note", HOPS), st.note);
            note.setHeightInPoints(48);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, KEY - 1));
            Row header = sheet.createRow(HEADER_ROW);
            List<String> names0 = header(lang);
            for (int c = 0; c < names0.size(); c++) {
                set(header, c, names0.get(c), c >= FIRST_HOP && c != KEY ? st.editableHeader : st.header);
            }
            metaRow(meta, 0, "format", FORMAT);
            metaRow(meta, 1, "system", m.systemId().toString());
            metaRow(meta, 2, "name", Text.safe(v.access().system().name()));
            metaRow(meta, 3, "version", Integer.toString(v.version().version()));
            metaRow(meta, 4, "exported", clock.instant().toString());
            metaRow(meta, 5, "key", "fingerprint");
            int r = FIRST_ROW;
            int metaRow = META_FIRST_FINGERPRINT;
            for (MatrixRow row : m.rows()) {
                List<Assignment> parts =
                        row.assignments().isEmpty() ? java.util.Collections.singletonList(null) : row.assignments();
                for (Assignment a : parts) {
                    Row x = sheet.createRow(r++);
                    fixed(x, row, a, names, st);
                    set(x, KEY, key(row, a), st.text);
                    metaRow(meta, metaRow++, key(row, a), a == null ? "" : a.fingerprint());
                }
            }
            int last = r - 1;
            participants(parties, m, v.document().agreements(), names, st);
            exceptions(
                    wb.createSheet(
                            Msg.of("responsibility.workbook.exceptionsSheet").text(lang)),
                    m,
                    names,
                    st);
            validations(
                    sheet,
                    last,
                    m.participants().size(),
                    v.document().agreements().size(),
                    lang);
            layout(sheet);
            sheet.createFreezePane(1, FIRST_ROW);
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, last), 0, KEY - 1));
            meta.protectSheet(HexFormat.of().formatHex(RANDOM.generateSeed(16)));
            wb.setSheetVisibility(wb.getSheetIndex(meta), SheetVisibility.VERY_HIDDEN);
            wb.setActiveSheet(0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fixed(Row x, MatrixRow row, Assignment a, Map<UUID, String> names, Styles st) {
        Requirement req = catalog.requirement(row.duty().id()).orElse(null);
        set(x, CLAUSE, req == null ? row.duty().clause() : ClauseLabel.text(req), st.text);
        set(x, TEXT, req == null ? null : req.textIn(Texts.locale()), st.text);
        set(
                x,
                LAYER,
                row.duty().layer() == null ? null : Msg.of(row.duty().layer()).text(),
                st.text);
        set(x, PHASES, MatrixTexts.phases(row.duty()), st.text);
        if (!row.applicable()) {
            set(x, CHAIN, row.notApplicable().text(), st.text);
            return;
        }
        if (a == null) {
            set(x, CHAIN, Texts.get("responsibility.workbook.gap"), st.text);
            return;
        }
        set(x, ACCOUNTABLE, names.get(a.accountable().organisation()), st.text);
        set(x, ROLE, Msg.of(a.accountable().role()).text(), st.text);
        set(x, IMPLEMENTER, names.get(a.implementer()), st.text);
        set(x, CHAIN, MatrixTexts.chain(a, names), st.text);
        set(x, INHERIT, row.inheritance().map(i -> Msg.of(i).text()).orElse(null), st.text);
        set(x, CUSTOMER, MatrixTexts.customerResponsibility(row, names), st.text);
        for (int h = 0; h < HOPS; h++) {
            Hop hop = h < a.chain().size() ? a.chain().get(h) : null;
            set(x, FIRST_HOP + 3 * h, hop == null ? null : names.get(hop.to()), st.editable);
            set(x, FIRST_HOP + 3 * h + 1, hop == null ? null : hop.agreement(), st.editable);
            set(x, FIRST_HOP + 3 * h + 2, hop == null ? null : hop.clause(), st.editable);
            set(
                    x,
                    dayColumn(h),
                    hop == null || hop.handedOverOn() == null
                            ? null
                            : hop.handedOverOn().toString(),
                    st.editable);
        }
    }

    private static void participants(
            Sheet s, ResponsibilityMatrix m, List<StoredAgreement> agreements, Map<UUID, String> names, Styles st) {
        Row h = s.createRow(0);
        set(h, 0, Texts.get("responsibility.workbook.parties.name"), st.header);
        set(h, 1, Texts.get("responsibility.workbook.parties.roles"), st.header);
        set(h, 3, Texts.get("responsibility.workbook.agreements.name"), st.header);
        set(h, 4, Texts.get("responsibility.workbook.agreements.partyA"), st.header);
        set(h, 5, Texts.get("responsibility.workbook.agreements.partyB"), st.header);
        set(h, 6, Texts.get("responsibility.workbook.agreements.clauses"), st.header);
        set(h, 7, Texts.get("responsibility.page.agreement.signedOn"), st.header);
        set(h, 8, Texts.get("responsibility.page.agreement.supervisionClause"), st.header);
        set(h, 9, Texts.get("responsibility.page.agreement.accountabilityClause"), st.header);
        set(h, 10, Texts.get("responsibility.page.agreement.customerConsentOn"), st.header);
        int rows = Math.max(m.participants().size(), agreements.size());
        for (int i = 0; i < rows; i++) {
            Row r = s.createRow(i + 1);
            if (i < m.participants().size()) {
                Participant p = m.participants().get(i);
                set(r, 0, p.name(), st.text);
                set(r, 1, MatrixTexts.roles(p.roles()), st.text);
            }
            if (i < agreements.size()) {
                StoredAgreement a = agreements.get(i);
                set(r, 3, a.name(), st.text);
                set(r, 4, names.get(a.partyA()), st.text);
                set(r, 5, names.get(a.partyB()), st.text);
                set(r, 6, String.join(Texts.get("responsibility.workbook.listSeparator"), a.clauses()), st.text);
                set(r, 7, a.signedOn() == null ? null : a.signedOn().toString(), st.text);
                set(r, 8, a.supervisionClause(), st.text);
                set(r, 9, a.accountabilityClause(), st.text);
                set(
                        r,
                        10,
                        a.customerConsentOn() == null
                                ? null
                                : a.customerConsentOn().toString(),
                        st.text);
            }
        }
        s.setColumnWidth(0, 36 * 256);
        s.setColumnWidth(1, 40 * 256);
        s.setColumnWidth(2, 4 * 256);
        s.setColumnWidth(3, 30 * 256);
        s.setColumnWidth(4, 30 * 256);
        s.setColumnWidth(5, 30 * 256);
        s.setColumnWidth(6, 24 * 256);
        for (int c = 7; c <= 10; c++) {
            s.setColumnWidth(c, 18 * 256);
        }
        s.createFreezePane(0, 1);
    }

    /** The approved exceptions to the "原则上" rules of §5, for reading (the platform records them, not the sheet). */
    private void exceptions(Sheet s, ResponsibilityMatrix m, Map<UUID, String> names, Styles st) {
        Row h = s.createRow(0);
        List<String> header = List.of(
                "responsibility.page.exception.check",
                "responsibility.page.exception.organisation",
                "responsibility.page.exception.duty",
                "responsibility.page.exception.reason",
                "responsibility.page.exception.approved");
        for (int c = 0; c < header.size(); c++) {
            set(h, c, Texts.get(header.get(c)), st.header);
            s.setColumnWidth(c, (c == 3 ? 48 : 24) * 256);
        }
        int r = 1;
        Map<String, String> approvers = people.displayNames(
                m.exceptions().stream().map(RuleException::approvedBy).toList());
        for (RuleException e : m.exceptions()) {
            Row x = s.createRow(r++);
            set(
                    x,
                    0,
                    RuleQuote.of(ruleCheck.rule(e.check(), null), catalog).ref() + " "
                            + e.check().text().text(),
                    st.text);
            set(x, 1, MatrixTexts.name(names, e.organisation()), st.text);
            set(
                    x,
                    2,
                    e.dutyId()
                            .map(d -> catalog.requirement(d)
                                    .map(ClauseLabel::text)
                                    .orElse(d.value()))
                            .orElse(null),
                    st.text);
            set(x, 3, e.reason(), st.text);
            set(
                    x,
                    4,
                    approvers.getOrDefault(e.approvedBy(), e.approvedBy()) + " "
                            + org.yunjian.shared.Formats.minute(e.approvedAt()),
                    st.text);
        }
        s.createFreezePane(0, 1);
    }

    /** Drop-downs of the participants and the recorded agreements on the hop columns; clauses limited in length. */
    private static void validations(XSSFSheet sheet, int last, int participants, int agreements, Locale lang) {
        if (last < FIRST_ROW) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        String parties = "'" + partiesSheetName(lang) + "'!";
        for (int h = 0; h < HOPS; h++) {
            int to = FIRST_HOP + 3 * h;
            if (participants > 0) {
                add(
                        sheet,
                        helper.createFormulaListConstraint(parties + "$A$2:$A$" + (participants + 1)),
                        to,
                        last,
                        "responsibility.workbook.validation.to");
            }
            if (agreements > 0) {
                add(
                        sheet,
                        helper.createFormulaListConstraint(parties + "$D$2:$D$" + (agreements + 1)),
                        to + 1,
                        last,
                        "responsibility.workbook.validation.agreement");
            }
            add(
                    sheet,
                    helper.createTextLengthConstraint(
                            DataValidationConstraint.OperatorType.LESS_OR_EQUAL,
                            Integer.toString(EditInputs.CLAUSE_MAX),
                            null),
                    to + 2,
                    last,
                    "responsibility.workbook.validation.clause");
        }
    }

    private static void add(XSSFSheet sheet, DataValidationConstraint c, int col, int last, String errorKey) {
        DataValidation dv = sheet.getDataValidationHelper()
                .createValidation(c, new CellRangeAddressList(FIRST_ROW, last, col, col));
        dv.setShowErrorBox(true);
        dv.setEmptyCellAllowed(true);
        dv.createErrorBox(Texts.get("responsibility.workbook.validation.title"), Texts.get(errorKey));
        sheet.addValidationData(dv);
    }

    private static void layout(Sheet sheet) {
        int[] widths = {10, 60, 12, 22, 28, 16, 28, 48, 10, 44};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        for (int h = 0; h < HOPS; h++) {
            sheet.setColumnWidth(FIRST_HOP + 3 * h, 28 * 256);
            sheet.setColumnWidth(FIRST_HOP + 3 * h + 1, 24 * 256);
            sheet.setColumnWidth(FIRST_HOP + 3 * h + 2, 10 * 256);
        }
        sheet.setColumnWidth(KEY, 20 * 256);
        sheet.setColumnHidden(KEY, true);
        for (int h = 0; h < HOPS; h++) {
            sheet.setColumnWidth(dayColumn(h), 16 * 256);
        }
    }

    private static void metaRow(Sheet meta, int r, String key, String value) {
        Row row = meta.createRow(r);
        row.createCell(0).setCellValue(key);
        row.createCell(1).setCellValue(value);
    }

    private static void set(Row row, int col, String value, CellStyle style) {
        var cell = row.createCell(col);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(Text.safe(value)); // a stored control character must not break the file
        }
    }

    /** Cell styles: wrapped text, headers bold on a fill, editable cells marked by their own fill. */
    private static final class Styles {
        final CellStyle text;
        final CellStyle editable;
        final CellStyle header;
        final CellStyle editableHeader;
        final CellStyle note;

        Styles(XSSFWorkbook wb) {
            text = base(wb);
            editable = base(wb);
            editable.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            editable.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            editable.setLocked(false);
            Font bold = wb.createFont();
            bold.setBold(true);
            header = base(wb);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            editableHeader = base(wb);
            editableHeader.setFont(bold);
            editableHeader.setFillForegroundColor(IndexedColors.GOLD.getIndex());
            editableHeader.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            note = wb.createCellStyle();
            note.setWrapText(true);
            note.setVerticalAlignment(VerticalAlignment.TOP);
        }

        private static CellStyle base(XSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setWrapText(true);
            s.setVerticalAlignment(VerticalAlignment.TOP);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
