package org.yunjian.report.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.assessment.Records.Interview;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.Records.VerdictEntry;
import org.yunjian.assessment.ReportTemplate;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.assessment.ScoringPolicy;
import org.yunjian.inheritance.Inheritances;
import org.yunjian.party.CloudSystem;
import org.yunjian.responsibility.MatrixSummaries;

/**
 * Everything an assessment report prints, read once under the caller's access rules (evidence the caller
 * may not see is not referenced), so the DOCX, the PDF and the OSCAL export say the same.
 *
 * @param generatedAt when the report was produced
 * @param score       the score as the policy computes it now (it names policy and version)
 * @param items       every test item in catalog order with its details
 * @param remediations every remediation task, with the item it belongs to
 * @param reportNumber the human report number {@code YJ-2026-000123}
 * @param assessorNames the assigned assessors by display name (empty: every user of the assessor organisation)
 * @param people       username → display name of everyone the report names
 * @param setup        the template, the contract date, the sign-off block and the system's other parties
 */
public record ReportData(
        AssessmentInfo assessment,
        CloudSystem system,
        String customerName,
        String providerName,
        String assessorName,
        Instant generatedAt,
        ScoreResult score,
        List<ItemReport> items,
        List<RemediationRow> remediations,
        String reportNumber,
        List<String> assessorNames,
        Map<String, String> people,
        Setup setup) {

    public ReportData {
        items = List.copyOf(items);
        remediations = List.copyOf(remediations);
        assessorNames = List.copyOf(assessorNames);
        people = Map.copyOf(people);
    }

    /** A report with the 2025 template, no contract date, nobody signed and no agents or matrix. */
    public ReportData(
            AssessmentInfo assessment,
            CloudSystem system,
            String customerName,
            String providerName,
            String assessorName,
            Instant generatedAt,
            ScoreResult score,
            List<ItemReport> items,
            List<RemediationRow> remediations,
            String reportNumber,
            List<String> assessorNames,
            Map<String, String> people) {
        this(
                assessment,
                system,
                customerName,
                providerName,
                assessorName,
                generatedAt,
                score,
                items,
                remediations,
                reportNumber,
                assessorNames,
                people,
                new Setup(
                        ReportTemplate.T2025, null, new SignOffs.SignOffSheet(List.of(), null, null), List.of(), null));
    }

    /**
     * What the template adds to the report.
     *
     * @param contractDate the contract (委托) date, or null if not recorded
     * @param signOffs     测评人 / 审核人 / 批准人 with dates
     * @param agents       the system's agents, each "name (role)"
     * @param matrix       the system's responsibility matrix in numbers: the version that was approved when the
     *                     assessment was completed (the latest approved now for a draft report), or null if none was
     *                     approved (or the system has none, or the reader may not see it)
     * @param draftMatrix  the matrix's current version when none was approved, else null
     * @param assets       the system's 测评对象 list
     * @param platforms    the cloud platform the system runs on and that platform's assessment(s) the report relies on
     * @param basis        what the assessment is measured against: a 等保 template, or imported catalogs (a generic
     *                     report)
     * @param revision     the 修订版 this rendering is sealed as (a correction after approval), or null for the
     *                     approved report itself and for drafts
     */
    public record Setup(
            ReportTemplate template,
            LocalDate contractDate,
            SignOffs.SignOffSheet signOffs,
            List<String> agents,
            MatrixSummaries.MatrixSummary matrix,
            MatrixSummaries.MatrixSummary draftMatrix,
            List<org.yunjian.party.SystemAsset> assets,
            List<PlatformAssessment> platforms,
            Basis basis,
            Revision revision) {
        public Setup {
            agents = List.copyOf(agents);
            assets = List.copyOf(assets);
            platforms = List.copyOf(platforms);
            basis = basis == null ? Basis.MLPS : basis;
        }

        /** A 等保 report (cloud extension only) without 测评对象 or platform assessments. */
        public Setup(
                ReportTemplate template,
                LocalDate contractDate,
                SignOffs.SignOffSheet signOffs,
                List<String> agents,
                MatrixSummaries.MatrixSummary matrix) {
            this(template, contractDate, signOffs, agents, matrix, null, List.of(), List.of(), Basis.MLPS, null);
        }

        /** A report on the given basis without 测评对象 or platform assessments. */
        public Setup(
                ReportTemplate template,
                LocalDate contractDate,
                SignOffs.SignOffSheet signOffs,
                List<String> agents,
                MatrixSummaries.MatrixSummary matrix,
                Basis basis) {
            this(template, contractDate, signOffs, agents, matrix, null, List.of(), List.of(), basis, null);
        }
    }

    /**
     * A 修订版: a correction after approval, sealed as a new revision of the report.
     *
     * @param number    the revision number (2 for the first correction)
     * @param reason    why it was corrected
     * @param issuedAt  when the 批准人 issued it
     */
    public record Revision(int number, String reason, Instant issuedAt, String approver) {}

    /**
     * This report with one item's text corrected (a 修订版 corrects what was approved, nothing else).
     *
     * @param number the item's number in the report (1-based)
     * @return the corrected report
     * @throws IllegalArgumentException when the report has no item of that number
     */
    public ReportData corrected(int number, org.yunjian.report.ReportCorrections.Field field, String text) {
        if (number < 1 || number > items.size()) {
            throw new IllegalArgumentException("no item " + number);
        }
        List<ItemReport> copy = new java.util.ArrayList<>(items);
        ItemReport i = copy.get(number - 1);
        copy.set(number - 1, i.withItem(field.apply(i.item(), text)));
        return with(copy, setup);
    }

    /** This report as the given 修订版 (its cover says so and it is dated the day the revision was issued). */
    public ReportData revised(Revision revision) {
        Setup s = setup;
        return with(
                items,
                new Setup(
                        s.template(),
                        s.contractDate(),
                        s.signOffs(),
                        s.agents(),
                        s.matrix(),
                        s.draftMatrix(),
                        s.assets(),
                        s.platforms(),
                        s.basis(),
                        revision));
    }

    /** This report with other items and set-up, everything else as it is. */
    private ReportData with(List<ItemReport> otherItems, Setup otherSetup) {
        return new ReportData(
                assessment,
                system,
                customerName,
                providerName,
                assessorName,
                generatedAt,
                score,
                otherItems,
                remediations,
                reportNumber,
                assessorNames,
                people,
                otherSetup);
    }

    /**
     * The assessment of the cloud platform a system runs on, as the 等级测评结论扩充表（云计算安全）records it: a
     * completed Yunjian assessment of the provider's platform, or a conclusion recorded on this assessment.
     *
     * @param platform     the platform's name (the provider's name for a recorded conclusion)
     * @param level        the platform's protection level, or null if not known
     * @param conclusion   the platform assessment's conclusion in words, or null if not known
     * @param date         when it was completed or concluded
     * @param organisation the assessment body
     * @param inherited    how many of this report's items inherit from it
     */
    public record PlatformAssessment(
            String platform,
            Integer level,
            String conclusion,
            String reportNumber,
            LocalDate date,
            String organisation,
            int inherited) {}

    /**
     * The basis of the report.
     *
     * @param catalogs           titles (reader's language) of the imported non-等保 catalogs the assessment is scoped
     *                           to when it has no 等保 part: the report is then a generic assessment report titled
     *                           from them, with a compliance-rate conclusion and none of the 等保 template; empty for a
     *                           等保 report
     * @param generalRequirements the 等保 scope holds an imported 通用要求 item table (通用要求 + 扩展要求 in one report)
     */
    public record Basis(List<String> catalogs, boolean generalRequirements) {
        public static final Basis MLPS = new Basis(List.of(), false);

        public Basis {
            catalogs = List.copyOf(catalogs);
        }

        public boolean generic() {
            return !catalogs.isEmpty();
        }
    }

    /** Whether this is a generic (imported catalog, non-等保) report. */
    public boolean generic() {
        return setup.basis().generic();
    }

    /** The items with a finding (不符合 / 部分符合), in item order. */
    public List<ItemReport> findings() {
        return items.stream()
                .filter(i -> i.item().verdict() != null && i.item().verdict().isFinding())
                .toList();
    }

    /** A person by display name (the username only if the account no longer exists). */
    public String person(String username) {
        return username == null ? "—" : people.getOrDefault(username, username);
    }

    /**
     * The report's date (报告日期): the day it was approved for a final report — the record sealed at approval, any
     * later download and every 修订版 say the same (a 修订版 adds its own date beside it) —, else the day the draft
     * was produced.
     */
    public Instant reportDate() {
        return !draft() && assessment.completedAt() != null ? assessment.completedAt() : generatedAt;
    }

    /** Completed and archived assessments give the final report; anything earlier is marked 草稿. */
    public boolean draft() {
        AssessmentStatus s = assessment.status();
        return s != AssessmentStatus.COMPLETED && s != AssessmentStatus.ARCHIVED;
    }

    /** The inherited items, in item order. */
    public List<ItemReport> inherited() {
        return items.stream().filter(i -> i.inherited() != null).toList();
    }

    /** The items the scoring policy lists as high-risk findings, in item order. */
    public List<ItemReport> highRisk() {
        Set<String> refs =
                score.highRisk().stream().map(ScoringPolicy.ScoredItem::ref).collect(Collectors.toSet());
        return items.stream().filter(i -> refs.contains(i.ref())).toList();
    }

    /**
     * One test item as reported.
     *
     * @param clause      the requirement's clause in its standard (e.g. 8.2.4.7), or null if unknown
     * @param requirement the requirement text (等保: 安全要求), or null if the catalog no longer has it
     * @param layer       安全层面 in the report's language
     * @param controlPoint 控制点 in the report's language
     * @param evidence    evidence the caller may see, oldest first
     * @param history     every verdict recorded, oldest first (a later one is a re-test)
     * @param responsible the organisations responsible for the item on the system, by name
     * @param inherited   the item's source while it is inherited, else null
     * @param interviews  the interviews recorded on the item, in the order held
     * @param reviewedAt  when the assessment's review first decided on it (sent back, approved or returned), or null
     *                    if it has not been reviewed yet: a verdict change after it is a re-test (复测)
     */
    public record ItemReport(
            int number,
            TestItem item,
            String clause,
            String requirement,
            String layer,
            String controlPoint,
            List<EvidenceInfo> evidence,
            List<VerdictEntry> history,
            List<Inheritances.Responsible> responsible,
            Inheritances.Inherited inherited,
            List<Interview> interviews,
            Instant reviewedAt) {
        public ItemReport {
            evidence = List.copyOf(evidence);
            history = List.copyOf(history);
            responsible = List.copyOf(responsible);
            interviews = List.copyOf(interviews);
        }

        public ItemReport(
                int number,
                TestItem item,
                String clause,
                String requirement,
                String layer,
                String controlPoint,
                List<EvidenceInfo> evidence,
                List<VerdictEntry> history,
                List<Inheritances.Responsible> responsible,
                Inheritances.Inherited inherited) {
            this(
                    number,
                    item,
                    clause,
                    requirement,
                    layer,
                    controlPoint,
                    evidence,
                    history,
                    responsible,
                    inherited,
                    List.of(),
                    null);
        }

        /**
         * Whether {@code v} is a re-test (复测): a change of an earlier verdict made after the review had looked at the
         * assessment. Corrections before the first review decision are not re-tests, whatever the entry's flag says.
         */
        public boolean retest(VerdictEntry v) {
            return reviewedAt != null
                    && !history.isEmpty()
                    && !history.get(0).equals(v)
                    && v.recordedAt().isAfter(reviewedAt);
        }

        public ItemReport(
                int number,
                TestItem item,
                String clause,
                String requirement,
                String layer,
                String controlPoint,
                List<EvidenceInfo> evidence,
                List<VerdictEntry> history) {
            this(number, item, clause, requirement, layer, controlPoint, evidence, history, List.of(), null);
        }

        /** The responsible organisations' names, joined. */
        public String responsibleNames() {
            return responsible.isEmpty()
                    ? "—"
                    : org.yunjian.shared.Msg.joined(responsible.stream()
                                    .map(r -> org.yunjian.shared.Msg.decode(r.name()))
                                    .toList())
                            .text();
        }

        /** This item with its test item replaced (a corrected text). */
        public ItemReport withItem(TestItem corrected) {
            return new ItemReport(
                    number,
                    corrected,
                    clause,
                    requirement,
                    layer,
                    controlPoint,
                    evidence,
                    history,
                    responsible,
                    inherited,
                    interviews,
                    reviewedAt);
        }

        /** Stable reference of the item: requirement id and side. */
        public String ref() {
            return item.requirementId() + "/" + item.side();
        }
    }

    /** A remediation task with its item's number and requirement, and the responsible organisation's name. */
    public record RemediationRow(
            Remediation task, int itemNumber, String requirementId, String controlPoint, String responsibleName) {}
}
