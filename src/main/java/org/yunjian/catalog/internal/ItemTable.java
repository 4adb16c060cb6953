package org.yunjian.catalog.internal;

import static org.yunjian.shared.FieldValues.nullIfBlank;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.yunjian.catalog.AssessedSide;
import org.yunjian.catalog.CatalogLoadException;
import org.yunjian.catalog.MlpsAssessment;
import org.yunjian.catalog.TestStepType;
import org.yunjian.catalog.internal.OscalModel.Control;
import org.yunjian.catalog.internal.OscalModel.Group;
import org.yunjian.catalog.internal.OscalModel.Part;
import org.yunjian.catalog.internal.OscalModel.Prop;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * An assessment body's own 等保 item table (测评作业指导书: 通用要求 rows with methods and criteria) read from XLSX or
 * CSV and turned into an OSCAL catalog with Yunjian's {@code mlps-*} props and parts, the same shape an exported 等保
 * standard has, so it is validated, stored, versioned and loaded like any other OSCAL import
 * (docs/modules/catalog.md, "通用要求 item tables", lists the columns).
 *
 * <p>Every problem of every row is collected (row as the spreadsheet numbers it, column by its header) and the
 * import is refused as a whole. The XLSX is read as the assessment workbook is ({@code WorkbookReader}): POI's
 * zip-bomb guards on (expansion ratio at POI's default, each entry at most {@link #MAX_ENTRY_BYTES}), no document
 * type declarations, so no external entity is resolved; the caller caps the upload's size.
 */
final class ItemTable {

    static final int MAX_ROWS = 5000;
    static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
    private static final int MAX_PROBLEMS = 50;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    /** The columns, by their zh-CN and en headers ({@code catalog.table.col.<key>}). */
    enum Column {
        ID("id", true),
        LAYER("layer", true),
        CONTROL_POINT("controlPoint", true),
        ITEM("item", true),
        LEVEL("level", true),
        SIDE("side", true),
        METHOD("method", true),
        COMPLIANT("compliant", true),
        PARTIALLY("partiallyCompliant", false),
        NON_COMPLIANT("nonCompliant", true);

        final String key;
        final boolean required;

        Column(String key, boolean required) {
            this.key = key;
            this.required = required;
        }

        String header(Locale l) {
            return Msg.of("catalog.table.col." + key).text(l);
        }
    }

    /**
     * The 安全层面 of the report templates, in their order; an imported row's 安全类/层面 is mapped onto one of them
     * (with or without the leading 安全, or the English name).
     */
    static final List<String> LAYERS = MlpsAssessment.templateLayers();

    private static final Pattern ID = Pattern.compile("^[A-Za-z][A-Za-z0-9._-]{0,39}$");
    /** Between combined step types: / ／ 、 , ，. */
    private static final String TYPE_SEPARATOR = "\\s*[/\uff0f\u3001,\uff0c]\\s*";
    /** A step: an optional number, the type(s), a colon (: or ：), the text. */
    private static final Pattern STEP = Pattern.compile(
            "^\\s*(?:\\d+[.\u3001)\uff09]\\s*)?((?:" + types() + ")(?:" + TYPE_SEPARATOR + "(?:" + types()
                    + "))*)\\s*[:\uff1a]\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);

    private ItemTable() {}

    /** Whether the upload is an item table: an XLSX (a zip) or a file named {@code *.csv}. */
    static boolean isTable(String fileName, byte[] content) {
        boolean zip =
                content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        return zip || fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** One problem: where (row as numbered in the file, column header in the reader's language) and what. */
    record Problem(int row, Column column, Msg what) {
        Msg text() {
            return column == null
                    ? Msg.of("catalog.table.atRow", row, what)
                    : Msg.of("catalog.table.at", row, Msg.of("catalog.table.col." + column.key), what);
        }
    }

    /** The refusal: every problem found, nothing stored. */
    static final class TableException extends CatalogLoadException {
        TableException(String file, List<Problem> problems) {
            super(
                    Msg.of(
                            "catalog.table.rejected",
                            file,
                            problems.size(),
                            Msg.joined(
                                    "catalog.table.problemJoin",
                                    problems.stream().map(Problem::text).toList())),
                    file,
                    problems.get(0).row(),
                    problems.get(0).column() == null
                            ? ""
                            : problems.get(0).column().header(Texts.locale()),
                    problems.get(0).what());
        }
    }

    /**
     * Reads the table and returns it as an OSCAL catalog titled after the file.
     *
     * @throws TableException naming every bad row and column (nothing is stored)
     */
    static OscalModel.Catalog read(String file, byte[] content, Instant now) {
        List<List<String>> cells = content.length > 0 && content[0] == 'P' ? xlsx(file, content) : csv(file, content);
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = rows(cells, problems);
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(2, null, Msg.of("catalog.table.error.noRows")));
        }
        if (!problems.isEmpty()) {
            throw new TableException(file, problems.subList(0, Math.min(MAX_PROBLEMS, problems.size())));
        }
        return catalog(file, rows, now);
    }

    /** A row that passed every check. */
    record Row(
            int row,
            String id,
            int layer,
            String controlPoint,
            String item,
            int level,
            AssessedSide side,
            String method,
            List<Step> steps,
            String compliant,
            String partially,
            String nonCompliant) {}

    record Step(int number, String text, Set<TestStepType> types) {}

    // ---- reading the cells

    private static List<List<String>> xlsx(String file, byte[] content) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getNumberOfSheets() == 0 ? null : wb.getSheetAt(0);
            if (sheet == null) {
                throw new TableException(file, List.of(new Problem(1, null, Msg.of("catalog.table.error.noRows"))));
            }
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw tooMany(file);
            }
            DataFormatter fmt = new DataFormatter(Locale.ROOT);
            List<List<String>> out = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                List<String> line = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        line.add(row.getCell(c) == null ? "" : fmt.formatCellValue(row.getCell(c)));
                    }
                }
                out.add(line);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            if (e instanceof TableException t) {
                throw t;
            }
            throw new TableException(file, List.of(new Problem(1, null, Msg.of("catalog.table.error.notXlsx"))));
        }
    }

    private static TableException tooMany(String file) {
        return new TableException(
                file, List.of(new Problem(MAX_ROWS + 2, null, Msg.of("catalog.table.error.tooManyRows", MAX_ROWS))));
    }

    /**
     * RFC 4180 CSV (comma, optional double quotes with "" inside, CRLF or LF); UTF-8 with or without BOM, else GB18030
     * (what Excel writes for a Chinese locale). The project has no CSV library; this is the whole grammar.
     */
    static List<List<String>> csv(String file, byte[] content) {
        String text = decode(content);
        List<List<String>> out = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int row = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                line.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(cell.toString());
                cell.setLength(0);
                out.add(line);
                line = new ArrayList<>();
                if (++row > MAX_ROWS + 1) {
                    throw tooMany(file);
                }
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new TableException(file, List.of(new Problem(row, null, Msg.of("catalog.table.error.openQuote"))));
        }
        if (!cell.isEmpty() || !line.isEmpty()) {
            line.add(cell.toString());
            out.add(line);
        }
        return out;
    }

    private static String decode(byte[] content) {
        int start = content.length >= 3
                        && (content[0] & 0xFF) == 0xEF
                        && (content[1] & 0xFF) == 0xBB
                        && (content[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("GB18030"));
        }
    }

    // ---- checking the rows

    private static List<Row> rows(List<List<String>> cells, List<Problem> problems) {
        if (cells.isEmpty()) {
            return List.of();
        }
        Map<Column, Integer> at = header(cells.get(0), problems);
        if (!problems.isEmpty()) {
            return List.of();
        }
        List<Row> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int r = 1; r < cells.size(); r++) {
            List<String> line = cells.get(r);
            if (line.stream().allMatch(String::isBlank)) {
                continue;
            }
            int n = r + 1;
            int before = problems.size();
            Map<Column, String> v = new LinkedHashMap<>();
            for (Column c : Column.values()) {
                Integer i = at.get(c);
                String s = i == null || i >= line.size() ? "" : line.get(i).strip();
                if (c.required && s.isEmpty()) {
                    problems.add(new Problem(n, c, Msg.of("catalog.table.error.empty")));
                }
                v.put(c, s);
            }
            String id = v.get(Column.ID);
            if (!id.isEmpty() && !ID.matcher(id).matches()) {
                problems.add(new Problem(n, Column.ID, Msg.of("catalog.table.error.id", id)));
            } else if (!id.isEmpty() && !ids.add(id.toLowerCase(Locale.ROOT))) {
                problems.add(new Problem(n, Column.ID, Msg.of("catalog.table.error.idTwice", id)));
            }
            int layer = layer(v.get(Column.LAYER));
            if (!v.get(Column.LAYER).isEmpty() && layer < 0) {
                problems.add(new Problem(
                        n,
                        Column.LAYER,
                        Msg.of(
                                "catalog.table.error.layer",
                                v.get(Column.LAYER),
                                String.join(
                                        Msg.of("catalog.table.listSeparator").text(), LAYERS))));
            }
            int level = level(v.get(Column.LEVEL));
            if (!v.get(Column.LEVEL).isEmpty() && level < 0) {
                problems.add(new Problem(n, Column.LEVEL, Msg.of("catalog.table.error.level", v.get(Column.LEVEL))));
            }
            AssessedSide side = side(v.get(Column.SIDE));
            if (!v.get(Column.SIDE).isEmpty() && side == null) {
                problems.add(new Problem(n, Column.SIDE, Msg.of("catalog.table.error.side", v.get(Column.SIDE))));
            }
            List<Step> steps = new ArrayList<>();
            for (String l : v.get(Column.METHOD).split("\\R")) {
                if (l.isBlank()) {
                    continue;
                }
                Matcher m = STEP.matcher(l);
                if (!m.matches()) {
                    problems.add(new Problem(n, Column.METHOD, Msg.of("catalog.table.error.step", l.strip())));
                    continue;
                }
                Set<TestStepType> types = EnumSet.noneOf(TestStepType.class);
                for (String t : m.group(1).split(TYPE_SEPARATOR)) {
                    types.add(stepType(t));
                }
                steps.add(new Step(steps.size() + 1, m.group(2).strip(), types));
            }
            if (problems.size() == before) {
                out.add(new Row(
                        n,
                        id,
                        layer,
                        v.get(Column.CONTROL_POINT),
                        v.get(Column.ITEM),
                        level,
                        side,
                        v.get(Column.METHOD),
                        steps,
                        v.get(Column.COMPLIANT),
                        nullIfBlank(v.get(Column.PARTIALLY)),
                        v.get(Column.NON_COMPLIANT)));
            }
        }
        return out;
    }

    /** Column positions by header (either language, any order); a required column missing is a problem of row 1. */
    private static Map<Column, Integer> header(List<String> header, List<Problem> problems) {
        Map<Column, Integer> at = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = normal(header.get(i));
            for (Column c : Column.values()) {
                if (h.equals(normal(c.header(Texts.CHINESE))) || h.equals(normal(c.header(Texts.ENGLISH)))) {
                    at.putIfAbsent(c, i);
                }
            }
        }
        for (Column c : Column.values()) {
            if (c.required && !at.containsKey(c)) {
                problems.add(new Problem(
                        1,
                        c,
                        Msg.of("catalog.table.error.noColumn", c.header(Texts.CHINESE), c.header(Texts.ENGLISH))));
            }
        }
        return at;
    }

    private static String normal(String s) {
        return s.replaceAll("[\\s\\p{Z}]+", "").toLowerCase(Locale.ROOT);
    }

    /** The layer's index in {@link #LAYERS}, or -1. */
    static int layer(String s) {
        String n = normal(s);
        for (int i = 0; i < LAYERS.size(); i++) {
            String zh = LAYERS.get(i);
            String en = normal(Msg.of("catalog.table.layer." + i).text(Texts.ENGLISH));
            if (n.equals(zh) || n.equals(zh.substring(2)) || n.equals(en)) {
                return i;
            }
        }
        return -1;
    }

    /** 1–4 ({@code 3}, {@code 第三级}, {@code Level 3}: {@code catalog.table.level.<n>}), or -1. */
    private static int level(String s) {
        for (int n = 1; n <= 4; n++) {
            if (aliases("catalog.table.level." + n).contains(normal(s))) {
                return n;
            }
        }
        return -1;
    }

    /** The side by its names in either language ({@code catalog.table.side.<SIDE>}), or null. */
    private static AssessedSide side(String s) {
        for (AssessedSide side : AssessedSide.values()) {
            if (aliases("catalog.table.side." + side.name()).contains(normal(s))) {
                return side;
            }
        }
        return null;
    }

    /** The '|'-separated names of {@code key} in both bundles, normalised. */
    private static Set<String> aliases(String key) {
        Set<String> out = new HashSet<>();
        for (java.util.Locale l : List.of(Texts.CHINESE, Texts.ENGLISH)) {
            for (String a : Msg.of(key).text(l).split("\\|")) {
                out.add(normal(a));
            }
        }
        return out;
    }

    /** The step types' names in both languages (访谈|核查|测试|Interview|Examine|Test), as a regex alternation. */
    private static String types() {
        List<String> names = new ArrayList<>();
        for (TestStepType t : TestStepType.values()) {
            names.add(Pattern.quote(Msg.of(t).text(Texts.CHINESE)));
            names.add(Pattern.quote(Msg.of(t).text(Texts.ENGLISH)));
        }
        return String.join("|", names);
    }

    private static TestStepType stepType(String s) {
        for (TestStepType t : TestStepType.values()) {
            if (s.equalsIgnoreCase(Msg.of(t).text(Texts.CHINESE))
                    || s.equalsIgnoreCase(Msg.of(t).text(Texts.ENGLISH))) {
                return t;
            }
        }
        throw new IllegalArgumentException(s); // the pattern admits only the names above
    }

    // ---- the OSCAL catalog

    private static OscalModel.Catalog catalog(String file, List<Row> rows, Instant now) {
        String name = file.replaceAll("\\.(?i:csv|xlsx)$", "");
        Map<Integer, Map<String, List<Row>>> byLayer = new java.util.TreeMap<>();
        for (Row r : rows) {
            byLayer.computeIfAbsent(r.layer(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.controlPoint(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Group> groups = new ArrayList<>();
        int cp = 0;
        for (Map.Entry<Integer, Map<String, List<Row>>> l : byLayer.entrySet()) {
            List<Group> points = new ArrayList<>();
            for (Map.Entry<String, List<Row>> p : l.getValue().entrySet()) {
                cp++;
                List<Control> controls = p.getValue().stream()
                        .map(r -> control(r, LAYERS.get(l.getKey())))
                        .toList();
                points.add(new Group(
                        "cp-" + cp,
                        "control-point",
                        p.getKey(),
                        List.of(),
                        List.of(Prop.yunjian("kind", "CONTROL_POINT")),
                        List.of(),
                        List.of(),
                        controls));
            }
            groups.add(new Group(
                    "layer-" + (l.getKey() + 1),
                    "section",
                    LAYERS.get(l.getKey()),
                    List.of(),
                    List.of(Prop.yunjian(
                            "title-en",
                            Msg.of("catalog.table.layer." + l.getKey()).text(Texts.ENGLISH))),
                    List.of(),
                    points,
                    List.of()));
        }
        List<Prop> props = List.of(
                Prop.yunjian("title-en", Msg.of("catalog.table.title", name).text(Texts.ENGLISH)),
                Prop.yunjian("item-table", "mlps-general"));
        return new OscalModel.Catalog(
                OscalMapping.uuid5("item-table:" + file + ":" + now).toString(),
                Msg.of("catalog.table.title", name).text(Texts.CHINESE),
                null,
                now.toString(),
                "1",
                OscalModel.OSCAL_VERSION,
                props,
                List.of(),
                List.of(),
                groups);
    }

    private static Control control(Row r, String area) {
        List<Prop> props = new ArrayList<>();
        props.add(Prop.yunjian("kind", "ITEM"));
        props.add(Prop.yunjian("clause", r.id()));
        props.add(Prop.yunjian("mlps-area", area));
        props.add(Prop.yunjian("mlps-control-point", oneLine(r.controlPoint())));
        props.add(Prop.yunjian("mlps-assessed-side", r.side().name()));
        props.add(Prop.yunjian("mlps-level", String.valueOf(r.level())));
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(r.id() + "_smt", "statement", null, null, List.of(), r.item(), List.of()));
        List<Part> steps = new ArrayList<>();
        for (Step s : r.steps()) {
            List<Prop> sp = new ArrayList<>();
            sp.add(Prop.yunjian("number", String.valueOf(s.number())));
            s.types().stream().sorted().forEach(t -> sp.add(Prop.yunjian("step-type", t.name())));
            steps.add(new Part(
                    r.id() + "_method.step." + s.number(),
                    "mlps-test-step",
                    OscalModel.NS,
                    null,
                    sp,
                    s.text(),
                    List.of()));
        }
        parts.add(new Part(r.id() + "_method", "mlps-test-method", OscalModel.NS, null, List.of(), r.method(), steps));
        criterion(parts, r.id(), "compliant", r.compliant());
        criterion(parts, r.id(), "partially-compliant", r.partially());
        criterion(parts, r.id(), "non-compliant", r.nonCompliant());
        return new Control(r.id(), "item", r.id(), List.of(), props, parts, List.of());
    }

    private static void criterion(List<Part> parts, String id, String level, String prose) {
        if (prose != null) {
            parts.add(new Part(
                    id + "_criterion." + level,
                    "mlps-criterion",
                    OscalModel.NS,
                    null,
                    List.of(Prop.yunjian("level", level)),
                    prose,
                    List.of()));
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
