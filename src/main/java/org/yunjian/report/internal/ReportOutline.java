package org.yunjian.report.internal;

import java.util.List;
import org.yunjian.assessment.ReportTemplate;
import org.yunjian.assessment.ScoreResult;

/**
 * The chapters of the report in the order of its template (docs/modules/assessment.md lists both), and what a
 * chapter holds: blocks of text, tables and bar charts that the DOCX and the PDF render alike.
 */
public final class ReportOutline {

    private ReportOutline() {}

    /** A chapter of the report; its heading is {@code report.ch.<key>}. {@code numbered}: body chapters 1, 2, …. */
    public enum Chapter {
        BASIC_INFO("basicInfo", false),
        STATEMENT("statement", false),
        CONCLUSION_TABLE("conclusionTable", false),
        OVERALL("overall", false),
        MAIN_ISSUES("mainIssues", false),
        MAJOR_RISKS("majorRisks", false),
        CONCLUSION_EXTENSION("conclusionExtension", false),
        OVERVIEW("overview", true),
        OBJECT("object", true),
        SINGLE_RESULTS("singleResults", true),
        SINGLE_SUMMARY("singleSummary", true),
        HOLISTIC("holistic", true),
        RISK_ANALYSIS("riskAnalysis", true),
        CONCLUSION("conclusion", true),
        REMEDIATION("remediation", true),
        APPENDICES("appendices", false),
        SIGN_OFF("signOff", false),
        // the generic report of an assessment against imported (non-等保) catalogs: GenericChapters
        GENERIC_SUMMARY("genericSummary", false),
        GENERIC_OVERVIEW("genericOverview", true),
        GENERIC_RESULTS("genericResults", true),
        GENERIC_CONCLUSION("genericConclusion", true),
        GENERIC_APPENDIX("genericAppendix", false);

        private final String key;
        private final boolean numbered;

        Chapter(String key, boolean numbered) {
            this.key = key;
            this.numbered = numbered;
        }

        public String key() {
            return key;
        }

        public boolean numbered() {
            return numbered;
        }
    }

    /** The chapters before the table of contents. */
    static List<Chapter> front(ReportTemplate t) {
        return t == ReportTemplate.T2021
                ? List.of(
                        Chapter.BASIC_INFO,
                        Chapter.STATEMENT,
                        Chapter.CONCLUSION_TABLE,
                        Chapter.MAJOR_RISKS,
                        Chapter.CONCLUSION_EXTENSION)
                : List.of(
                        Chapter.BASIC_INFO,
                        Chapter.STATEMENT,
                        Chapter.CONCLUSION_TABLE,
                        Chapter.OVERALL,
                        Chapter.MAIN_ISSUES);
    }

    /** The chapters after the table of contents. */
    static List<Chapter> body(ReportTemplate t) {
        return t == ReportTemplate.T2021
                ? List.of(
                        Chapter.OVERVIEW,
                        Chapter.OBJECT,
                        Chapter.SINGLE_RESULTS,
                        Chapter.SINGLE_SUMMARY,
                        Chapter.HOLISTIC,
                        Chapter.RISK_ANALYSIS,
                        Chapter.CONCLUSION,
                        Chapter.REMEDIATION,
                        Chapter.APPENDICES,
                        Chapter.SIGN_OFF)
                : List.of(
                        Chapter.OVERVIEW,
                        Chapter.OBJECT,
                        Chapter.SINGLE_RESULTS,
                        Chapter.HOLISTIC,
                        Chapter.RISK_ANALYSIS,
                        Chapter.CONCLUSION,
                        Chapter.REMEDIATION,
                        Chapter.APPENDICES,
                        Chapter.SIGN_OFF);
    }

    /** The generic report's chapters before the table of contents: the compliance-rate summary. */
    static List<Chapter> genericFront() {
        return List.of(Chapter.GENERIC_SUMMARY);
    }

    /**
     * The generic report's chapters after the table of contents: overview, object, results by the catalog's
     * groups and per item, findings, the compliance-rate conclusion, remediation, evidence and sign-off.
     */
    static List<Chapter> genericBody() {
        return List.of(
                Chapter.GENERIC_OVERVIEW,
                Chapter.OBJECT,
                Chapter.GENERIC_RESULTS,
                Chapter.RISK_ANALYSIS,
                Chapter.GENERIC_CONCLUSION,
                Chapter.REMEDIATION,
                Chapter.GENERIC_APPENDIX,
                Chapter.SIGN_OFF);
    }

    /** One piece of a chapter. */
    public sealed interface Block permits Para, Sub, Caption, Table, Bars {

        /** {@code Para}, {@code Sub}, … — what the PDF template switches on. */
        default String kind() {
            return getClass().getSimpleName();
        }
    }

    /** A paragraph (line breaks kept). */
    public record Para(String text) implements Block {}

    /** A sub-heading: level 2 or 3. */
    public record Sub(int level, String text) implements Block {}

    /** A bold line introducing the table below it (an item's heading). */
    public record Caption(String text) implements Block {}

    /**
     * A table; {@code keyValue}: two columns, the first a label, no header row printed in bold.
     *
     * @param id an identifier for the PDF (tests find tables by it), or null
     */
    public record Table(String id, List<String> header, List<List<String>> rows, boolean keyValue) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    /** A bar chart of group rates (native chart in Word, CSS bars in the PDF). */
    public record Bars(String id, String title, List<ScoreResult.Group> groups, boolean horizontal) implements Block {
        public Bars {
            groups = List.copyOf(groups);
        }

        /** The bars as the PDF draws them. */
        public List<PdfReport.Bar> bars() {
            return PdfReport.bars(groups);
        }
    }

    /** A chapter with its heading (numbered if a body chapter) and its blocks. */
    public record Section(Chapter chapter, String heading, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }

        public String anchor() {
            return "ch-" + chapter.key();
        }
    }
}
