package org.yunjian.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Independent reading of the 等保 work instructions (docs/standards/…txt) for the completeness
 * tests: the rows of the flattened table, and their grouping into control points. Written
 * separately from the generator that produced the catalog, so the two must agree.
 */
final class MlpsGuideText {

    static final Path FILE = Path.of("docs/standards/mlps2-cloud-extension-level3-assessment-guide.txt");

    private static final Pattern LETTER = Pattern.compile("^([a-z])\\)\\s*");
    private static final Pattern STEP = Pattern.compile("(?<![0-9(])([0-9])\\)");
    private static final Pattern CRITERION = Pattern.compile("(部分符合情况|不符合情况|符合情况)\\s*[:：]\\s*");

    record Row(
            int line,
            String label,
            String letter,
            String marker,
            String requirement,
            String interpretation,
            String testMethod,
            String expectedEvidence,
            String criteriaCell) {}

    record Step(Integer number, String text) {}

    record ControlPoint(String label, List<Row> rows) {}

    static List<Row> rows() throws IOException {
        List<String> lines =
                List.of(Files.readString(FILE, StandardCharsets.UTF_8).split("\n", -1));
        List<Row> rows = new ArrayList<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length != 6) {
                continue;
            }
            if (!header) {
                if (!cells[0].equals("控制点") || !cells[5].equals("符合情况")) {
                    throw new IllegalStateException("table header not found at line " + (i + 1));
                }
                header = true;
                continue;
            }
            Matcher m = LETTER.matcher(cells[1]);
            boolean lettered = m.find();
            rows.add(new Row(
                    i + 1,
                    cells[0].strip(),
                    lettered ? m.group(1) : null,
                    lettered ? cells[1].substring(0, m.end()) : null,
                    lettered ? cells[1].substring(m.end()) : cells[1],
                    cells[2],
                    cells[3],
                    cells[4],
                    cells[5]));
        }
        return rows;
    }

    /**
     * Groups rows into control points: a control point starts at an unlettered row or at a row
     * lettered {@code a}; its label is the one label printed on any of its rows (the flattening
     * sometimes moved it down to a later item).
     */
    static List<ControlPoint> controlPoints() throws IOException {
        List<ControlPoint> out = new ArrayList<>();
        List<Row> current = null;
        for (Row row : rows()) {
            if (row.letter() == null || row.letter().equals("a")) {
                current = new ArrayList<>();
                out.add(new ControlPoint(null, current));
            } else {
                char previous = current.get(current.size() - 1).letter().charAt(0);
                if (row.letter().charAt(0) != previous + 1) {
                    throw new IllegalStateException(
                            "line " + row.line() + ": item " + row.letter() + " after " + previous);
                }
            }
            current.add(row);
        }
        List<ControlPoint> labelled = new ArrayList<>();
        for (ControlPoint cp : out) {
            List<String> labels =
                    cp.rows().stream().map(Row::label).filter(l -> !l.isEmpty()).toList();
            if (labels.size() != 1) {
                throw new IllegalStateException(
                        "control point starting at line " + cp.rows().get(0).line() + " has labels " + labels);
            }
            labelled.add(new ControlPoint(labels.get(0), cp.rows()));
        }
        return labelled;
    }

    static List<Step> steps(String testMethod) {
        Matcher m = STEP.matcher(testMethod);
        List<int[]> marks = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        while (m.find()) {
            marks.add(new int[] {m.start(), m.end()});
            numbers.add(Integer.parseInt(m.group(1)));
        }
        if (marks.isEmpty()) {
            return List.of(new Step(null, testMethod.strip()));
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : testMethod.length();
            steps.add(new Step(
                    numbers.get(i), testMethod.substring(marks.get(i)[1], end).strip()));
        }
        return steps;
    }

    /** 符合情况 / 部分符合情况 / 不符合情况 → text, in source order. */
    static Map<String, String> criteria(String cell) {
        Matcher m = CRITERION.matcher(cell);
        List<int[]> marks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        while (m.find()) {
            marks.add(new int[] {m.start(), m.end()});
            labels.add(m.group(1));
        }
        if (marks.isEmpty() || marks.get(0)[0] != 0) {
            throw new IllegalStateException("criteria cell does not start with a verdict label: " + cell);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < marks.size(); i++) {
            int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : cell.length();
            if (out.put(labels.get(i), cell.substring(marks.get(i)[1], end).strip()) != null) {
                throw new IllegalStateException("verdict " + labels.get(i) + " twice in " + cell);
            }
        }
        return out;
    }

    private MlpsGuideText() {}
}
