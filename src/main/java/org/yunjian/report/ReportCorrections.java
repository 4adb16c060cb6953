package org.yunjian.report;

import org.yunjian.assessment.Records.TestItem;
import org.yunjian.shared.Msg;

/**
 * What a 修订版 corrects: named texts of the approved report's items, each given by the 批准人. A revision starts
 * from the content frozen at approval (or at the previous revision) and changes these and nothing else: the
 * remediation progress, the matrix and the risk register after approval never enter it.
 */
public final class ReportCorrections {

    private ReportCorrections() {}

    /** The item texts a revision may correct, each with the label the report prints for it. */
    public enum Field {
        OBSERVATIONS("report.item.observations"),
        VERDICT_REASON("report.item.reason"),
        FINDING("report.item.finding"),
        RISK_REASON("report.item.riskReason"),
        RECOMMENDATION("report.item.recommendation");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        /** The report's own label for the field (现场记录, 安全问题 …). */
        public Msg label() {
            return Msg.of(label);
        }

        /** The bundle key of {@link #label()}, for pages. */
        public String labelKey() {
            return label;
        }

        /** What the item says in this field now (null: nothing). */
        public String of(TestItem t) {
            return switch (this) {
                case OBSERVATIONS -> t.observations();
                case VERDICT_REASON -> t.verdictReason();
                case FINDING -> t.finding();
                case RISK_REASON -> t.riskReason();
                case RECOMMENDATION -> t.recommendation();
            };
        }

        /** The item with this field saying {@code text}; everything else as it was. */
        public TestItem apply(TestItem t, String text) {
            return new TestItem(
                    t.id(),
                    t.assessmentId(),
                    t.position(),
                    t.requirementId(),
                    t.side(),
                    t.layer(),
                    t.controlPoint(),
                    t.verdict(),
                    this == VERDICT_REASON ? text : t.verdictReason(),
                    this == OBSERVATIONS ? text : t.observations(),
                    t.riskLevel(),
                    this == RISK_REASON ? text : t.riskReason(),
                    t.updatedAt(),
                    t.noEvidenceReason(),
                    this == FINDING ? text : t.finding(),
                    this == RECOMMENDATION ? text : t.recommendation(),
                    t.version());
        }
    }

    /**
     * One correction as the 批准人 asks for it.
     *
     * @param item  the item's number in the report (1-based, as printed)
     * @param field which of its texts
     * @param text  what it says from this revision on
     */
    public record Correction(Integer item, Field field, String text) {}

    /**
     * One correction as the revision records it: what the item said before and says now.
     *
     * @param item          the item's number in the report
     * @param requirementId the item's requirement (as printed beside its number)
     * @param field         the corrected text
     * @param before        what the previous revision said (null: nothing)
     * @param after         what this revision says
     */
    public record Change(int item, String requirementId, Field field, String before, String after) {}
}
