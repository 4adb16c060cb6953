package org.yunjian.catalog.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The sample 通用要求 item table shipped as {@code docs/samples/通用要求-sample.xlsx} and {@code .csv}. Every word of
 * its items, methods and criteria is an invented placeholder ("示例…"), never the text of GB/T 22239 or GB/T 28448;
 * only the ten 安全层面 are the report template's structural names. Regenerate them with
 * {@code ./mvnw -o -q test -Dtest=ItemTableImportTests -Dyunjian.samples.write=true}; {@code ItemTableImportTests}
 * fails when the committed files differ from what this class writes.
 */
public final class ItemTableSample {

    static final Path XLSX = Path.of("docs/samples/通用要求-sample.xlsx");
    static final Path CSV = Path.of("docs/samples/通用要求-sample.csv");

    static final List<String> HEADER =
            List.of("编号", "安全类/层面", "控制点", "测评项", "级别", "测评侧", "测评方法", "符合判定", "部分符合判定", "不符合判定");

    private ItemTableSample() {}

    /** The rows: ten of level 3 (one per layer, sides and step types varied) and one of level 2. */
    static List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        String[][] layers = {
            {"PE", "安全物理环境", "云服务商"}, {"CN", "安全通信网络", "双方"}, {"AB", "安全区域边界", "双方"},
            {"CE", "安全计算环境", "云服务客户"}, {"MC", "安全管理中心", "云服务客户"}, {"MP", "安全管理制度", "云服务客户"},
            {"MO", "安全管理机构", "云服务客户"}, {"MS", "安全管理人员", "云服务客户"}, {"CM", "安全建设管理", "云服务客户"},
            {"OM", "安全运维管理", "云服务商"}
        };
        for (int i = 0; i < layers.length; i++) {
            String[] l = layers[i];
            int n = i + 1;
            rows.add(List.of(
                    "G3-" + l[0] + "-1",
                    l[1],
                    "示例控制点 " + n,
                    "【示例】第 " + n + " 条占位测评项：被测对象应具备示例能力 " + n + "（虚构文字，非标准原文）。",
                    "3",
                    l[2],
                    "访谈：询问示例负责人关于示例能力 " + n + " 的安排。\n核查/测试：查看并试验示例配置 " + n + "。",
                    "示例：访谈与核查结果均满足示例能力 " + n + "。",
                    "示例：仅部分满足示例能力 " + n + "。",
                    "示例：不具备示例能力 " + n + "。"));
        }
        rows.add(List.of(
                "G2-CE-1",
                "安全计算环境",
                "示例控制点 4",
                "【示例】第二级占位测评项（虚构文字，非标准原文）。",
                "2",
                "云服务客户",
                "核查：查看示例记录。",
                "示例：记录齐全。",
                "",
                "示例：没有记录。"));
        return rows;
    }

    /** RFC 4180, UTF-8 with a byte-order mark (so Excel opens the Chinese correctly), CRLF line ends. */
    static byte[] csv() {
        StringBuilder sb = new StringBuilder("\uFEFF");
        List<List<String>> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows());
        for (List<String> r : all) {
            List<String> cells = r.stream()
                    .map(c -> c.matches(".*[,\"\\r\\n].*") || c.contains("\n")
                            ? "\"" + c.replace("\"", "\"\"") + "\""
                            : c)
                    .toList();
            sb.append(String.join(",", cells)).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("通用要求");
            XSSFCellStyle bold = wb.createCellStyle();
            XSSFFont font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            XSSFCellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            XSSFRow h = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                h.createCell(c).setCellValue(HEADER.get(c));
                h.getCell(c).setCellStyle(bold);
            }
            List<List<String>> rows = rows();
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String v = rows.get(r).get(c);
                    if (c == 4) {
                        row.createCell(c).setCellValue(Integer.parseInt(v)); // a number, as people type it
                    } else {
                        row.createCell(c).setCellValue(v);
                    }
                    row.getCell(c).setCellStyle(wrap);
                }
            }
            int[] widths = {12, 14, 14, 48, 6, 10, 48, 30, 30, 30};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 1);
            wb.getProperties()
                    .getCoreProperties()
                    .setCreated(java.util.Optional.of(
                            java.util.Date.from(java.time.Instant.parse("2026-11-25T00:00:00Z"))));
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Writes both files under docs/samples (run from the project directory). */
    public static void main(String[] args) throws IOException {
        Files.createDirectories(XLSX.getParent());
        Files.write(XLSX, xlsx());
        Files.write(CSV, csv());
    }
}
