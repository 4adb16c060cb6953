package org.yunjian.risk.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.risk.RiskRegister;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;

/**
 * The register as a table in the reader's language, written as CSV (UTF-8 with BOM, so Excel reads Chinese) or as
 * XLSX (frozen header). The same rows as the page, in the same order.
 */
@Component
public class RiskRegisterExport {

    private static final String[] COLUMNS = {
        "requirement",
        "side",
        "controlPoint",
        "verdict",
        "risk",
        "description",
        "treatment",
        "owner",
        "transferTo",
        "due",
        "milestones",
        "state",
        "acceptance",
        "approver",
        "retest"
    };

    private final RiskRegister register;
    private final AssessmentService assessments;

    RiskRegisterExport(RiskRegister register, AssessmentService assessments) {
        this.register = register;
        this.assessments = assessments;
    }

    /** Header and rows of the register, every cell text. */
    public List<List<String>> table(UUID assessmentId) {
        RiskRegister.Register r = register.view(assessmentId);
        List<List<String>> out = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (String c : COLUMNS) {
            header.add(Texts.get("risk.export." + c));
        }
        out.add(header);
        for (RiskRegister.Entry e : r.entries()) {
            String milestones = String.join(
                    "; ",
                    e.milestones().stream()
                            .map(m -> m.description() + " " + Formats.date(m.targetDate())
                                    + (m.doneOn() == null ? "" : " ✓ " + Formats.date(m.doneOn())))
                            .toList());
            String retest = e.retest() == null
                    ? ""
                    : (e.retest().verdict() == null
                                    ? Texts.get("risk.retest.pending")
                                    : Texts.get(
                                            "risk.retest.line",
                                            Msg.of(e.retest().verdict()).text(),
                                            Formats.date(e.retest().at())))
                            + ", " + Texts.get("risk.retest.report", e.retest().reportNumber());
            out.add(List.of(
                    e.item().requirementId(),
                    Msg.of(e.item().side()).text(),
                    nz(e.controlPoint()),
                    e.item().verdict() == null ? "" : Msg.of(e.item().verdict()).text(),
                    e.risk() == null ? "" : Msg.of(e.risk()).text(),
                    nz(e.description()),
                    Msg.of(e.treatment()).text(),
                    nz(e.ownerName()),
                    nz(e.transferName()),
                    e.task().dueDate() == null
                            ? Texts.get("risk.due.none")
                            : Formats.date(e.task().dueDate()),
                    milestones,
                    Msg.of(e.state()).text(),
                    e.acceptance() == null ? "" : Formats.date(e.acceptance().expiresOn()),
                    nz(e.approvedByName()),
                    retest));
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public byte[] csv(UUID assessmentId) {
        StringBuilder b = new StringBuilder("\uFEFF");
        for (List<String> row : table(assessmentId)) {
            b.append(String.join(
                            ",", row.stream().map(RiskRegisterExport::csvCell).toList()))
                    .append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Quoted when needed; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe. */
    static String csvCell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    public byte[] xlsx(UUID assessmentId) {
        List<List<String>> table = table(assessmentId);
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(Texts.get("risk.export.sheet"));
            for (int r = 0; r < table.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = table.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(Text.safe(cells.get(c)));
                }
            }
            sheet.createFreezePane(0, 1);
            for (int c = 0; c < COLUMNS.length; c++) {
                sheet.setColumnWidth(c, (c == 5 || c == 10 ? 40 : 16) * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String contentDisposition(UUID assessmentId, String extension) {
        var access = assessments.access(assessmentId);
        return DownloadName.of(
                        "risk.export.filename",
                        "risk-register",
                        access.system().name(),
                        access.assessment().reportNumber(),
                        null,
                        extension)
                .contentDisposition();
    }
}
