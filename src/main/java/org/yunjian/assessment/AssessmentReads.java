package org.yunjian.assessment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.assessment.Records.Interview;
import org.yunjian.assessment.Records.ItemInheritance;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.Records.VerdictEntry;
import org.yunjian.assessment.internal.AssessmentRepository;
import org.yunjian.assessment.internal.InheritanceRepository;
import org.yunjian.assessment.internal.ItemSumRepository;
import org.yunjian.assessment.internal.ReportNumberRepository;

/**
 * What other modules may read of an assessment (issue 61): the assessment, its items, their verdict history and
 * interviews, and — until their owners read them themselves — the evidence links, remediation rows and inheritance
 * rows the item detail shows. Read-only: changes go through {@link Assessments}. The SQL stays in the module's
 * {@code internal} repositories, which no other module sees.
 */
@Component
public class AssessmentReads {

    /** Width of the position prefix in a stored control point sum key (the dashboards split it). */
    public static final int POSITION_WIDTH = ItemSumRepository.POSITION_WIDTH;

    /** Width of the requirement part in a stored control point sum key. */
    public static final int REQUIREMENT_WIDTH = ItemSumRepository.REQUIREMENT_WIDTH;

    /** Maps an {@code assessment_item} row (for a read model that selects {@code i.*}). */
    public static final RowMapper<TestItem> ITEM = AssessmentRepository.ITEM;

    private final AssessmentRepository repo;
    private final InheritanceRepository inheritance;
    private final ReportNumberRepository reportNumbers;

    AssessmentReads(
            AssessmentRepository repo, InheritanceRepository inheritance, ReportNumberRepository reportNumbers) {
        this.repo = repo;
        this.inheritance = inheritance;
        this.reportNumbers = reportNumbers;
    }

    // --- the assessment and its items

    public Optional<AssessmentInfo> find(UUID id) {
        return repo.find(id);
    }

    public List<AssessmentInfo> findAll() {
        return repo.findAll();
    }

    public List<AssessmentInfo> findBySystems(Collection<UUID> systemIds) {
        return repo.findBySystems(systemIds);
    }

    public List<TestItem> items(UUID assessmentId) {
        return repo.items(assessmentId);
    }

    public Optional<TestItem> item(UUID id) {
        return repo.item(id);
    }

    public List<VerdictEntry> history(UUID itemId) {
        return repo.history(itemId);
    }

    public Map<UUID, List<VerdictEntry>> historyOfAssessment(UUID assessmentId) {
        return repo.historyOfAssessment(assessmentId);
    }

    public Map<UUID, List<Interview>> interviewsOfAssessment(UUID assessmentId) {
        return repo.interviewsOfAssessment(assessmentId);
    }

    /** The report number, assigned on first use for an assessment created before numbers existed. */
    public String reportNumber(UUID assessmentId) {
        return reportNumbers.ensure(assessmentId);
    }

    // --- rows of the features the item detail shows (evidence, risk, inheritance)

    public List<EvidenceInfo> evidenceOfAssessment(UUID assessmentId) {
        return repo.evidenceOfAssessment(assessmentId);
    }

    public List<Remediation> remediations(UUID assessmentId) {
        return repo.remediations(assessmentId);
    }

    public List<Remediation> remediationsOfItem(UUID itemId) {
        return repo.remediationsOfItem(itemId);
    }

    /** Ids and systems of every completed or archived assessment; the caller decides which platforms qualify. */
    public List<UUID[]> completed() {
        return inheritance.completed();
    }

    public Optional<ItemInheritance> inheritance(UUID itemId) {
        return inheritance.find(itemId);
    }

    public List<ItemInheritance> inheritancesOf(UUID assessmentId) {
        return inheritance.ofAssessment(assessmentId);
    }
}
