package org.yunjian.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.Assessments;
import org.yunjian.crypto.Sm3;
import org.yunjian.exit.ReportSeal;
import org.yunjian.report.internal.ReportData;
import org.yunjian.report.internal.ReportRecordRepository;
import org.yunjian.report.internal.RevisionBasis;
import org.yunjian.report.internal.SealedDownloads;
import org.yunjian.report.internal.SignOffs;
import org.yunjian.review.ReportSealing;
import org.yunjian.review.ReviewSteps;
import org.yunjian.review.Reviews;
import org.yunjian.security.AddressRefusals;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.ContentSniffing;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldValues;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.keys.PlatformSigningKey;

/**
 * Approved reports are records (issue 34). When the 批准人 approves, the report is rendered once — DOCX, PDF and the
 * OSCAL assessment results, in Chinese and in English — and each file is kept byte for byte with its SM3, the set sealed ({@link ReportSeal})
 * with the platform's SM2 key, naming the report number, the revision, the assessment and system, each file, the
 * 测评人 / 审核人 / 批准人 with their dates and the approval time. Every later download of the assessment's documents
 * returns the latest revision's bytes ({@link Reports#export}); what changes afterwards (remediation progress, the
 * matrix) is the 整改跟踪 view's, never the record's. A correction is a new revision by the 批准人, with a reason;
 * earlier revisions stay downloadable. Anyone may check a report number and an SM3 ({@link #check}).
 */
@Service
@Transactional
public class ReportRecords implements ReportSealing {

    /** One sealed file of a revision, in {@code zh} or {@code en}. */
    public record SealedFile(Reports.Format format, String language, String fileName, String sm3, long size) {}

    /** The record's languages: the Chinese 测评报告 and its English rendering. */
    static final List<java.util.Locale> LANGUAGES =
            List.of(org.yunjian.shared.Texts.CHINESE, org.yunjian.shared.Texts.ENGLISH);

    /**
     * One revision of an approved report: who approved it when, why and what it corrected (revisions after the
     * first), its files.
     */
    public record Revision(
            UUID id,
            UUID assessmentId,
            int revision,
            String reportNumber,
            String assessorOrgName,
            UUID approverId,
            String approverName,
            Instant approvedAt,
            String reason,
            String sealSm3,
            List<SealedFile> files,
            List<ReportCorrections.Change> changes) {
        public Revision {
            files = List.copyOf(files);
            changes = changes == null ? List.of() : List.copyOf(changes);
        }

        public Revision withFiles(List<SealedFile> f) {
            return new Revision(
                    id,
                    assessmentId,
                    revision,
                    reportNumber,
                    assessorOrgName,
                    approverId,
                    approverName,
                    approvedAt,
                    reason,
                    sealSm3,
                    f,
                    changes);
        }
    }

    /** Whether {@code sm3} is an SM3 as the check takes it: 64 hexadecimal digits, either case, spaces around. */
    public static boolean wellFormedSm3(String sm3) {
        return org.yunjian.crypto.Sm3Digest.parse(sm3).isPresent();
    }

    /**
     * The public check's input as both its page and its API take it: a report number and a well-formed SM3, else a
     * {@link FieldErrors.ValidationException} naming the field — never a silent "no".
     */
    public static void requireCheckable(String number, String sm3) {
        if (number == null || number.isBlank()) {
            throw new FieldErrors.ValidationException("number", "record.check.error.number");
        }
        if (!wellFormedSm3(sm3)) {
            throw new FieldErrors.ValidationException("sm3", "record.check.error.sm3");
        }
    }

    /**
     * What the public check tells about a genuine file: nothing more than this. For a 测评报告 the assessor organisation
     * and when it was approved; for a 网站安全监测月报 ({@code monitoring}) the customer whose report it is and when it
     * was issued.
     */
    public record Match(
            String reportNumber,
            int revision,
            Instant approvedAt,
            String assessorOrgName,
            Reports.Format format,
            String language,
            int latestRevision,
            boolean monitoring) {

        public Match(
                String reportNumber,
                int revision,
                Instant approvedAt,
                String assessorOrgName,
                Reports.Format format,
                String language,
                int latestRevision) {
            this(reportNumber, revision, approvedAt, assessorOrgName, format, language, latestRevision, false);
        }

        public boolean superseded() {
            return latestRevision > revision;
        }

        /** A monitoring report's match as the check tells it. */
        static Match of(org.yunjian.monitoring.OperationReportRecords.PublicMatch m) {
            return new Match(
                    m.reportNumber(),
                    m.revision(),
                    m.issuedAt(),
                    m.organization(),
                    m.format() == org.yunjian.documents.DocumentFormat.DOCX ? Reports.Format.DOCX : Reports.Format.PDF,
                    m.language(),
                    m.latestRevision(),
                    true);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ReportRecords.class);

    private final TransactionTemplate afterApproval;
    private final org.springframework.beans.factory.ObjectProvider<org.yunjian.monitoring.OperationReportRecords>
            monitoringRecords;
    private final Reports reports;
    private final AssessmentService service;
    private final AssessmentReads assessments;
    private final Assessments aggregates;
    private final ReportRecordRepository repo;
    private final ReviewSteps reviews;
    private final PlatformSigningKey key;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;
    private final SealedDownloads downloads;
    private final org.yunjian.security.UserAdministration users;
    private final AddressRefusals refusals;
    private final RevisionBasis basis;

    ReportRecords(
            Reports reports,
            AssessmentService service,
            AssessmentReads assessments,
            Assessments aggregates,
            ReportRecordRepository repo,
            ReviewSteps reviews,
            PlatformSigningKey key,
            ApplicationEventPublisher events,
            java.time.Clock clock,
            SealedDownloads downloads,
            org.yunjian.security.UserAdministration users,
            AddressRefusals refusals,
            RevisionBasis basis,
            PlatformTransactionManager transactions,
            org.springframework.beans.factory.ObjectProvider<org.yunjian.monitoring.OperationReportRecords>
                    monitoringRecords) {
        this.monitoringRecords = monitoringRecords;
        this.basis = basis;
        this.afterApproval = new TransactionTemplate(transactions);
        this.afterApproval.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.refusals = refusals;
        this.downloads = downloads;
        this.users = users;
        this.reports = reports;
        this.service = service;
        this.assessments = assessments;
        this.aggregates = aggregates;
        this.repo = repo;
        this.reviews = reviews;
        this.key = key;
        this.events = events;
        this.clock = clock;
    }

    // --- sealing

    /**
     * Seals revision 1 once the approval has committed, in a transaction of its own, as the 批准人 who approved.
     * Rendering six documents takes seconds; inside the approval's transaction it would hold the audit log's head
     * (locked by the approval's own audit entry) that long, and every audited action of every node would wait for it
     * (PostgreSQL's lock_timeout: 5 s). Here the documents are rendered first and the head is locked only for the
     * record's own audit entry. Should sealing fail, the approval stands and the report renders live until the 批准人
     * issues a revision (logged).
     */
    @Override
    public void freezeAfterCommit(UUID assessmentId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            freeze(assessmentId);
            return;
        }
        Authentication approver = SecurityContextHolder.getContext().getAuthentication();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                SecurityContext previous = SecurityContextHolder.getContext();
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(approver);
                SecurityContextHolder.setContext(context);
                try {
                    afterApproval.executeWithoutResult(t -> {
                        if (repo.revisions(assessmentId).isEmpty()) {
                            freeze(assessmentId);
                        }
                    });
                } catch (org.yunjian.documents.FontUnavailableException e) { // the fix is the operator's: one line
                    log.warn(
                            "Approved report of assessment {} not sealed (renders live until a revision): {}",
                            assessmentId,
                            e.getMessage());
                } catch (RuntimeException e) {
                    log.error(
                            "Approved report of assessment {} not sealed (renders live until a revision)",
                            assessmentId,
                            e);
                } finally {
                    SecurityContextHolder.setContext(previous);
                }
            }
        });
    }

    /**
     * Seals revision 1 of an approved report ({@link #freezeAfterCommit} once the approval committed; the demo's
     * {@link #reseal}): the approval time and the approver are the approval step's.
     */
    void freeze(UUID assessmentId) {
        Reviews.Step approval =
                Reviews.signatures(reviews.steps(assessmentId)).get(org.yunjian.assessment.AssessmentRole.APPROVER);
        Revision r = seal(
                assessmentId,
                1,
                null,
                approval == null ? null : approval.actorId(),
                approval == null ? "—" : approval.actorName(),
                approval == null ? clock.instant() : approval.at(),
                language -> reports.data(assessmentId),
                List.of());
        events.publishEvent(AuditableEvent.success(
                "assessment.report.freeze",
                "assessment",
                assessmentId,
                Msg.of("record.audit.freeze", r.reportNumber(), r.revision(), r.sealSm3())));
    }

    /**
     * A correction after approval: the assessment's 批准人 seals a new revision of the report from the content the
     * previous revision was rendered from, with the named corrections and nothing else, saying why and confirming
     * (irreversible); the earlier revisions stay. Only for a completed (or archived) assessment. Without any record
     * (sealing at approval failed) the content is the report as approval would have sealed it.
     */
    public Revision revise(
            UUID assessmentId, String reason, boolean confirmed, List<ReportCorrections.Correction> corrections) {
        Access access = service.access(assessmentId);
        if (!access.relations().contains(Access.Relation.APPROVER)) {
            throw new ForbiddenException(Msg.of("record.error.notApprover"));
        }
        FieldErrors errors = new FieldErrors();
        if (!confirmed) {
            errors.add("confirm", "assessment.confirm.missing");
        }
        if (FieldValues.blank(reason)) {
            errors.add("reason", "record.error.reasonRequired");
        }
        service.tooLong(errors, "reason", reason, 4000);
        errors.throwIfAny();
        AssessmentStatus status = aggregates.lock(assessmentId).status();
        if (status != AssessmentStatus.COMPLETED && status != AssessmentStatus.ARCHIVED) {
            throw new ConflictException("assessment-not-approved", "record.error.notApproved", Msg.of(status));
        }
        List<Revision> earlier = repo.revisions(assessmentId);
        Revision previous = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
        Map<String, ReportData> bases = new LinkedHashMap<>();
        for (java.util.Locale language : LANGUAGES) {
            ReportData base = previous == null
                    ? reports.data(assessmentId)
                    : repo.basis(previous.id(), language.getLanguage())
                            .map(basis::thaw)
                            .orElseThrow(() -> new ConflictException(
                                    "report-basis-missing", "record.error.noBasis", previous.revision()));
            bases.put(language.getLanguage(), base);
        }
        RevisionBasis.Corrected chinese = RevisionBasis.correct(bases.get("zh"), corrections);
        int next = previous == null ? 1 : previous.revision() + 1;
        Instant at = clock.instant();
        String approverName = reviewsName(access);
        Revision r = seal(
                assessmentId,
                next,
                reason.strip(),
                access.user().userId(),
                approverName,
                at,
                language -> RevisionBasis.apply(bases.get(language.getLanguage()), chinese.changes())
                        .revised(new ReportData.Revision(next, reason.strip(), at, approverName)),
                chinese.changes());
        events.publishEvent(AuditableEvent.success(
                "assessment.report.revise",
                "assessment",
                assessmentId,
                Msg.of("record.audit.revise", r.reportNumber(), r.revision(), r.reason(), r.sealSm3())));
        return r;
    }

    private String reviewsName(Access access) {
        return users.list().stream()
                .filter(u -> u.id().equals(access.user().userId()))
                .map(org.yunjian.security.UserView::displayName)
                .findFirst()
                .orElse(access.user().username());
    }

    /**
     * Renders every document in Chinese and in English (whatever language the approver reads in) from the content
     * {@code source} gives for each language and seals the set with that content's SM3: a reader later downloads the
     * sealed file in their language, and the next revision starts from the same content.
     */
    private Revision seal(
            UUID assessmentId,
            int revision,
            String reason,
            UUID approverId,
            String approverName,
            Instant approvedAt,
            java.util.function.Function<java.util.Locale, ReportData> source,
            List<ReportCorrections.Change> changes) {
        java.util.Locale reader = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        Map<SealedFile, byte[]> contents = new LinkedHashMap<>();
        Map<String, byte[]> frozen = new LinkedHashMap<>();
        List<SealedFile> files = new ArrayList<>();
        ReportData chinese = null;
        try {
            for (java.util.Locale language : LANGUAGES) {
                org.springframework.context.i18n.LocaleContextHolder.setLocale(language);
                ReportData data = source.apply(language);
                frozen.put(language.getLanguage(), basis.freeze(data));
                chinese = chinese == null ? data : chinese;
                for (Reports.Format f : Reports.Format.values()) {
                    byte[] content = reports.render(data, f);
                    SealedFile file = new SealedFile(
                            f,
                            language.getLanguage(),
                            SealedDownloads.name(data.system().name(), data.reportNumber(), revision, approvedAt, f)
                                    .ascii(),
                            Sm3.hex(content),
                            content.length);
                    contents.put(file, content);
                    files.add(file);
                }
            }
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(reader);
        }
        Map<String, Object> sealed = sealContent(chinese, revision, reason, approverName, approvedAt, files);
        sealed.put(
                "basis",
                frozen.entrySet().stream()
                        .map(e -> Map.<String, Object>of("language", e.getKey(), "sm3", Sm3.hex(e.getValue())))
                        .toList());
        sealed.put(
                "changes",
                changes.stream()
                        .map(c -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("item", c.item());
                            m.put("requirementId", c.requirementId());
                            m.put("field", c.field().name());
                            m.put("before", c.before());
                            m.put("after", c.after());
                            return m;
                        })
                        .toList());
        byte[] seal =
                ReportSeal.sign(sealed, key.pair().getPrivate(), key.pair().getPublic());
        Revision r = new Revision(
                UUID.randomUUID(),
                assessmentId,
                revision,
                chinese.reportNumber(),
                chinese.assessorName(),
                approverId,
                approverName,
                approvedAt,
                reason,
                Sm3.hex(seal),
                files,
                changes);
        repo.insert(r, seal, contents, frozen);
        return r;
    }

    private static Map<String, Object> sealContent(
            ReportData d,
            int revision,
            String reason,
            String approverName,
            Instant approvedAt,
            List<SealedFile> files) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("reportNumber", d.reportNumber());
        c.put("revision", revision);
        c.put(
                "assessment",
                Map.of(
                        "id",
                        d.assessment().id().toString(),
                        "name",
                        d.assessment().name()));
        c.put(
                "system",
                Map.of("id", d.system().id().toString(), "name", d.system().name()));
        c.put("assessorOrganization", d.assessorName());
        c.put(
                "files",
                files.stream()
                        .map(f -> Map.<String, Object>of(
                                "name",
                                f.fileName(),
                                "format",
                                f.format().name(),
                                "language",
                                f.language(),
                                "sm3",
                                f.sm3(),
                                "size",
                                f.size()))
                        .toList());
        SignOffs.SignOffSheet sheet = d.setup().signOffs();
        c.put("testers", sheet.testers().stream().map(ReportRecords::signature).toList());
        c.put("reviewer", sheet.reviewer() == null ? null : signature(sheet.reviewer()));
        c.put(
                "approver",
                revision == 1 && sheet.approver() != null
                        ? signature(sheet.approver())
                        : signature(new SignOffs.Signature(approverName, approvedAt)));
        c.put("approvedAt", approvedAt.toString());
        c.put("reason", reason);
        return c;
    }

    private static Map<String, Object> signature(SignOffs.Signature s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("signedAt", s.at() == null ? null : s.at().toString());
        return m;
    }

    // --- reading

    /** Every revision of the assessment's record (empty: not approved, or approved before records were kept). */
    @Transactional(readOnly = true)
    public List<Revision> revisions(UUID assessmentId) {
        service.access(assessmentId);
        return repo.revisions(assessmentId);
    }

    /** A sealed file of a revision (null: the latest), audited as a download; empty without a record. */
    public Optional<Reports.Document> document(
            UUID assessmentId, Integer revision, Reports.Format format, String channel) {
        return downloads.document(assessmentId, revision, format, channel);
    }

    /** The seal of a revision ({@code *.seal.json}), for {@code yunjian report verify}. */
    public Reports.Document seal(UUID assessmentId, int revision, String channel) {
        return downloads.seal(assessmentId, revision, channel);
    }

    // --- the public check

    /**
     * Whether a file with SM3 {@code sm3} is a sealed file of report {@code reportNumber}: the revision, its approval
     * date, the assessor organisation and the file kind — nothing at all for a wrong pair.
     */
    @Transactional(readOnly = true)
    public Optional<Match> check(String reportNumber, String sm3) {
        String number = reportNumber == null ? "" : reportNumber.strip();
        Optional<String> typed = org.yunjian.crypto.Sm3Digest.parse(sm3).map(org.yunjian.crypto.Sm3Digest::hex);
        if (number.isEmpty() || typed.isEmpty()) {
            return Optional.empty();
        }
        String hash = typed.get();
        List<Revision> found = repo.bySm3(number, hash);
        if (found.isEmpty()) {
            // the platform's other issued records: a 网站安全监测月报 (YJ-SOR-…) checks here too (issue 60)
            return monitoringRecords.getIfAvailable() == null
                    ? Optional.empty()
                    : monitoringRecords
                            .getIfAvailable()
                            .publicMatch(number, hash)
                            .map(Match::of);
        }
        Revision r = found.get(found.size() - 1);
        SealedFile file =
                r.files().stream().filter(f -> f.sm3().equals(hash)).findFirst().orElseThrow();
        return Optional.of(new Match(
                r.reportNumber(),
                r.revision(),
                r.approvedAt(),
                r.assessorOrgName(),
                file.format(),
                file.language(),
                repo.latestRevision(number)));
    }

    /** The answer to an anonymous check: the match (empty: no), or how long the address must wait. */
    public record PublicAnswer(Optional<Match> match, java.time.Duration retryAfter) {
        public boolean throttled() {
            return retryAfter != null;
        }
    }

    /**
     * {@link #check} for anyone, rate-limited per address like logins: a check that finds nothing counts against
     * the address ({@link AddressRefusals}); past the limit the address is refused for a while, however it asks.
     */
    @Transactional(readOnly = true)
    public PublicAnswer publicCheck(String address, String reportNumber, String sm3) {
        Optional<java.time.Duration> wait = refusals.retryAfter(address);
        if (wait.isPresent()) {
            return new PublicAnswer(Optional.empty(), wait.get());
        }
        Optional<Match> m = check(reportNumber, sm3);
        if (m.isEmpty()) {
            refusals.refused(address);
        }
        return new PublicAnswer(m, null);
    }

    /**
     * The SM3 of an uploaded report file, typed by its content (a PDF, a Word document or JSON text; anything else
     * is refused as input, whatever its name says).
     */
    public String sm3OfUpload(byte[] content) {
        String type = ContentSniffing.detect(content);
        boolean json = content.length > 0 && content[0] == '{' && type.startsWith("text/");
        boolean office = "application/zip".equals(type)
                || "application/x-tika-ooxml".equals(type)
                || Reports.Format.DOCX.mediaType().equals(type);
        if (!(json || office || "application/pdf".equals(type))) {
            throw new org.yunjian.shared.FieldErrors.ValidationException("file", "record.check.error.type");
        }
        return Sm3.hex(content);
    }

    /** The platform's public key (PEM) that signs the seals. */
    public String publicKeyPem() {
        return key.publicKeyPem();
    }

    /** The platform key's SM3 fingerprint. */
    public String fingerprint() {
        return key.fingerprint();
    }

    /** For the demo only: drops the record sealed at seeding so that it can be sealed again after back-dating. */
    @Transactional
    public void reseal(UUID assessmentId) {
        repo.deleteAll(assessmentId);
        try {
            freeze(assessmentId);
        } catch (org.yunjian.documents.FontUnavailableException e) {
            // a machine with only a JDK: the demo starts, its report renders live, and PDFs name the missing font
            log.warn("Demo report of assessment {} not sealed: {}", assessmentId, e.getMessage());
        }
    }
}
