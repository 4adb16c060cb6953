package org.yunjian.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.ItemGenerator;
import org.yunjian.assessment.ItemLabels;
import org.yunjian.assessment.Records;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.Records.VerdictEntry;
import org.yunjian.assessment.ReportSetups;
import org.yunjian.assessment.ScoringPolicies;
import org.yunjian.catalog.Requirement;
import org.yunjian.documents.DocumentFormat;
import org.yunjian.inheritance.Inheritances;
import org.yunjian.party.CloudSystem;
import org.yunjian.report.internal.DocxReport;
import org.yunjian.report.internal.OscalResults;
import org.yunjian.report.internal.PdfReport;
import org.yunjian.report.internal.PlatformAssessments;
import org.yunjian.report.internal.ReportData;
import org.yunjian.report.internal.SealedDownloads;
import org.yunjian.report.internal.SignOffs;
import org.yunjian.responsibility.MatrixSummaries;
import org.yunjian.review.ReviewSteps;
import org.yunjian.review.Reviews;
import org.yunjian.security.OrganizationDirectory;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;

/**
 * The documents of an assessment: the Chinese report as DOCX and PDF and the OSCAL assessment results, all
 * from one {@link ReportData} read under the caller's access rules. Anyone who sees the assessment may
 * download them; before completion the report is marked 草稿. Once approved, every download returns the sealed
 * record's bytes ({@link ReportRecords}). Every download is audited as an export.
 */
@Service
public class Reports {

    /**
     * A format the assessment's documents are written in: the Word and PDF report ({@link DocumentFormat}, shared with
     * the other reports) and the OSCAL assessment results.
     */
    public enum Format {
        DOCX(DocumentFormat.DOCX),
        PDF(DocumentFormat.PDF),
        OSCAL_JSON("json", "application/json");

        private final String extension;
        private final String mediaType;

        Format(DocumentFormat document) {
            this(document.extension(), document.mediaType());
        }

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }

        /** {@code docx}, {@code pdf} or {@code oscal-json} (case-insensitive). */
        public static Format parse(String s) {
            String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "docx" -> DOCX;
                case "pdf" -> PDF;
                case "oscal-json", "oscal", "json" -> OSCAL_JSON;
                default -> throw new ValidationException("format", "assessment.error.reportFormat");
            };
        }
    }

    /** A rendered document and its download name ({@code 测评报告-<system>-YJ-2026-000123-2026-11-23.docx}). */
    public record Document(byte[] content, DownloadName name, Format format) {

        /** The name for people (any script: send it as RFC 6266 {@code filename*}). */
        public String fileName() {
            return name.forPeople();
        }
    }

    private final AssessmentService service;
    private final AssessmentReads repo;
    private final ItemGenerator generator;
    private final OrganizationDirectory directory;
    private final DocxReport docx;
    private final PdfReport pdf;
    private final OscalResults oscal;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ItemLabels labels;
    private final AssessmentReads reportNumbers;
    private final UserAdministration users;
    private final Inheritances inheritances;
    private final ScoringPolicies policies;
    private final SignOffs signOffs;
    private final MatrixSummaries matrices;
    private final ReviewSteps reviews;
    private final org.yunjian.party.Parties parties;
    private final PlatformAssessments platforms;
    private final SealedDownloads records;

    Reports(
            AssessmentService service,
            AssessmentReads repo,
            ItemGenerator generator,
            OrganizationDirectory directory,
            DocxReport docx,
            PdfReport pdf,
            OscalResults oscal,
            ApplicationEventPublisher events,
            Clock clock,
            ItemLabels labels,
            AssessmentReads numbers,
            UserAdministration users,
            Inheritances inheritances,
            ScoringPolicies policies,
            SignOffs signOffs,
            MatrixSummaries matrices,
            ReviewSteps reviews,
            org.yunjian.party.Parties parties,
            PlatformAssessments platforms,
            SealedDownloads records) {
        this.reviews = reviews;
        this.parties = parties;
        this.platforms = platforms;
        this.records = records;
        this.policies = policies;
        this.signOffs = signOffs;
        this.matrices = matrices;
        this.inheritances = inheritances;
        this.labels = labels;
        this.reportNumbers = numbers;
        this.users = users;
        this.service = service;
        this.repo = repo;
        this.generator = generator;
        this.directory = directory;
        this.docx = docx;
        this.pdf = pdf;
        this.oscal = oscal;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Renders the document and records the export in the audit log.
     *
     * @param channel where it was asked for ({@code web}, {@code api}, {@code cli:<os user>}), for the audit entry
     */
    @Transactional(readOnly = true)
    public Document export(UUID assessmentId, Format format, String channel) {
        Optional<Document> sealed = records.document(assessmentId, null, format, channel);
        if (sealed.isPresent()) {
            return sealed.get(); // approved: the record's bytes, never a new rendering (ReportRecords)
        }
        ReportData data = data(assessmentId);
        byte[] content = render(data, format);
        events.publishEvent(AuditableEvent.success(
                "assessment.report.export",
                "assessment",
                assessmentId,
                Msg.of(
                        data.draft() ? "assessment.audit.exportDraft" : "assessment.audit.export",
                        data.reportNumber(),
                        Msg.of("assessment.reportFormat." + format.name()),
                        data.items().size(),
                        channel,
                        Msg.of(data.assessment().status()))));
        return new Document(content, fileName(data, format), format);
    }

    /** The document in {@code format}, rendered from {@code data} now. */
    byte[] render(ReportData data, Format format) {
        return switch (format) {
            case DOCX -> docx.render(data);
            case PDF -> pdf.render(data);
            case OSCAL_JSON -> oscal.render(data);
        };
    }

    /**
     * {@code 测评报告-示例门户网站-YJ-2026-000123-2026-11-23.docx} (OSCAL: {@code 测评结果-…json}): the document
     * kind in the reader's language, the system's name made safe for a file name, the report number and the
     * generation date (Beijing time). The ASCII fallback keeps number and date only.
     */
    static DownloadName fileName(ReportData d, Format format) {
        String kind = format == Format.OSCAL_JSON ? "results" : "report";
        return DownloadName.of(
                "assessment.fileName." + kind,
                "assessment-" + kind,
                d.system().name(),
                d.reportNumber(),
                d.generatedAt(),
                format.extension());
    }

    /** What the documents print, read under the caller's access rules (404 if the assessment is invisible). */
    @Transactional(readOnly = true)
    public ReportData data(UUID assessmentId) {
        Access access = service.access(assessmentId);
        AssessmentInfo a = access.assessment();
        List<TestItem> items = repo.items(assessmentId);
        Map<UUID, List<EvidenceInfo>> evidence = repo.evidenceOfAssessment(assessmentId).stream()
                .filter(access::maySee)
                .collect(Collectors.groupingBy(EvidenceInfo::itemId));
        Map<UUID, List<VerdictEntry>> history = repo.historyOfAssessment(assessmentId);
        Map<UUID, List<Records.Interview>> interviews = repo.interviewsOfAssessment(assessmentId);
        java.time.Instant reviewedAt = Reviews.firstReview(reviews.steps(assessmentId));
        Map<UUID, Integer> numbers = new HashMap<>();
        Inheritances.View view = inheritances.view(a, access.system());
        List<ReportData.ItemReport> reports = new ArrayList<>();
        for (TestItem i : items) {
            int number = reports.size() + 1;
            numbers.put(i.id(), number);
            Requirement r = labels.requirement(i.requirementId()).orElse(null);
            reports.add(new ReportData.ItemReport(
                    number,
                    i,
                    r == null ? null : r.clause(),
                    labels.text(r),
                    labels.layer(i),
                    labels.controlPoint(i),
                    evidence.getOrDefault(i.id(), List.of()),
                    history.getOrDefault(i.id(), List.of()),
                    view.responsibleFor(i),
                    view.inheritedOf(i),
                    interviews.getOrDefault(i.id(), List.of()),
                    reviewedAt));
        }
        Map<UUID, TestItem> byId = items.stream().collect(Collectors.toMap(TestItem::id, i -> i));
        Map<UUID, String> names = new HashMap<>();
        List<ReportData.RemediationRow> remediations = new ArrayList<>();
        for (Remediation r : repo.remediations(assessmentId)) {
            TestItem i = byId.get(r.itemId());
            remediations.add(new ReportData.RemediationRow(
                    r,
                    numbers.getOrDefault(r.itemId(), 0),
                    i == null ? "" : i.requirementId(),
                    i == null ? "" : labels.controlPoint(i),
                    names.computeIfAbsent(r.responsibleOrgId(), this::orgName)));
        }
        List<UserView> accounts = users.list();
        Map<String, String> people = new HashMap<>();
        accounts.forEach(u -> people.put(u.username(), u.displayName()));
        List<String> assessorNames = accounts.stream()
                .filter(u -> a.assessors().contains(u.id()))
                .map(UserView::displayName)
                .toList();
        String number = a.reportNumber() != null ? a.reportNumber() : reportNumbers.reportNumber(assessmentId);
        var s = access.system();
        return new ReportData(
                a,
                s,
                orgName(s.customerId()),
                s.providerId() == null ? null : orgName(s.providerId()),
                orgName(a.assessorOrgId()),
                clock.instant(),
                service.score(items, policies.forAssessment(assessmentId)),
                reports,
                remediations,
                number,
                assessorNames,
                people,
                setup(a, s, access, view));
    }

    /**
     * The template, the sign-off block, the agents, the matrix summary (absent if the reader may not see it), the
     * 测评对象 list and the platform assessments the report relies on.
     */
    private ReportData.Setup setup(AssessmentInfo a, CloudSystem s, Access access, Inheritances.View view) {
        ReportSetups.ReportSetup chosen = policies.setup(a.id());
        List<String> agents = s.agents().stream()
                .map(g -> ReportText.t(
                        "report.object.agent",
                        orgName(g.organizationId()),
                        Msg.of(g.role()).text()))
                .toList();
        // the version approved when the assessment was completed (its report approved); now, for a draft
        MatrixSummaries.MatrixSummary matrix = readable(() -> matrices.approved(s.id(), a.completedAt()));
        MatrixSummaries.MatrixSummary draft = matrix == null ? readable(() -> matrices.of(s.id())) : null;
        List<org.yunjian.party.SystemAsset> assets;
        try {
            assets = parties.assets(s.id()).assets();
        } catch (NotFoundException e) {
            assets = List.of();
        }
        boolean english = "en".equals(org.yunjian.shared.Texts.locale().getLanguage());
        ReportData.Basis basis =
                new ReportData.Basis(generator.genericCatalogs(a.scope(), english), generator.hasItemTable(a.scope()));
        return new ReportData.Setup(
                chosen.template(),
                chosen.contractDate(),
                signOffs.sheet(a),
                agents,
                matrix,
                draft,
                assets,
                platforms.of(access, view),
                basis,
                null);
    }

    private static MatrixSummaries.MatrixSummary readable(
            java.util.function.Supplier<java.util.Optional<MatrixSummaries.MatrixSummary>> read) {
        try {
            return read.get().orElse(null);
        } catch (NotFoundException | org.springframework.security.access.AccessDeniedException e) {
            return null;
        }
    }

    /**
     * Names of the organisations taking part in an assessment the reader may see. By key, not through the
     * reader's party visibility: a provider's user may not browse the assessor organisation, but the report
     * it may read names it.
     */
    private String orgName(UUID id) {
        return directory
                .find(id)
                .map(OrganizationDirectory.OrganizationRef::name)
                .orElse("—");
    }
}
