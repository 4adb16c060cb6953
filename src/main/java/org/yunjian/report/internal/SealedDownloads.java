package org.yunjian.report.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.crypto.Sm3;
import org.yunjian.report.ReportRecords.Revision;
import org.yunjian.report.Reports;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;

/**
 * The downloads of an approved report's record, for {@link Reports#export} (the latest revision) and
 * {@link ReportRecords} (any revision): the stored bytes in the reader's language, under the caller's access, each
 * download audited. A
 * provider's user who is neither the customer nor the assessor is refused: the record was sealed as the approver
 * read it, with evidence the customer did not share with the provider.
 */
@Component
public class SealedDownloads {

    private final AssessmentService service;
    private final ReportRecordRepository repo;
    private final ApplicationEventPublisher events;

    SealedDownloads(AssessmentService service, ReportRecordRepository repo, ApplicationEventPublisher events) {
        this.service = service;
        this.repo = repo;
        this.events = events;
    }

    /** A sealed file of a revision (null: the latest); empty when the assessment has no record. */
    public Optional<Reports.Document> document(
            UUID assessmentId, Integer revision, Reports.Format format, String channel) {
        Access access = service.access(assessmentId);
        Optional<Revision> r = revision(access, revision);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        byte[] content = repo.content(
                        r.get().id(), format, org.yunjian.shared.Texts.locale().getLanguage())
                .orElseThrow();
        events.publishEvent(AuditableEvent.success(
                "assessment.report.export",
                "assessment",
                assessmentId,
                Msg.of(
                        "record.audit.download",
                        r.get().reportNumber(),
                        r.get().revision(),
                        Msg.of("assessment.reportFormat." + format.name()),
                        Sm3.hex(content),
                        channel)));
        return Optional.of(new Reports.Document(
                content,
                name(
                        access.system().name(),
                        r.get().reportNumber(),
                        r.get().revision(),
                        r.get().approvedAt(),
                        format),
                format));
    }

    /** The seal of a revision ({@code *.seal.json}), for {@code yunjian report verify}; audited like a download. */
    public Reports.Document seal(UUID assessmentId, int revision, String channel) {
        Access access = service.access(assessmentId);
        Revision r = revision(access, revision).orElseThrow(() -> new NotFoundException("report revision", revision));
        byte[] seal = repo.seal(r.id());
        events.publishEvent(AuditableEvent.success(
                "assessment.report.export",
                "assessment",
                assessmentId,
                Msg.of("record.audit.sealDownload", r.reportNumber(), r.revision(), r.sealSm3(), channel)));
        return new Reports.Document(
                seal,
                DownloadName.of(
                        "record.fileName.seal",
                        "assessment-report-seal",
                        access.system().name(),
                        r.reportNumber() + "-r" + r.revision(),
                        r.approvedAt(),
                        "seal.json"),
                Reports.Format.OSCAL_JSON);
    }

    private Optional<Revision> revision(Access access, Integer revision) {
        List<Revision> all = repo.revisions(access.assessment().id());
        if (all.isEmpty()) {
            if (revision != null) {
                throw new NotFoundException("report revision", revision);
            }
            return Optional.empty();
        }
        if (access.relations().contains(Access.Relation.PROVIDER)
                && !access.relations().contains(Access.Relation.CUSTOMER)
                && !access.relations().contains(Access.Relation.ASSESSOR_ORG)) {
            throw new ForbiddenException(Msg.of("record.error.providerNotRecipient"));
        }
        if (revision == null) {
            return Optional.of(all.get(all.size() - 1));
        }
        return Optional.of(all.stream()
                .filter(r -> r.revision() == revision)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("report revision", revision)));
    }

    /**
     * The first revision as the report always was named ({@code 测评报告-<system>-YJ-2026-000123-2026-11-23.pdf}, dated
     * on the approval), later ones with their number ({@code …-YJ-2026-000123-r2-….pdf}).
     */
    public static DownloadName name(
            String system, String reportNumber, int revision, Instant approvedAt, Reports.Format f) {
        String kind = f == Reports.Format.OSCAL_JSON ? "results" : "report";
        return DownloadName.of(
                "assessment.fileName." + kind,
                "assessment-" + kind,
                system,
                revision == 1 ? reportNumber : reportNumber + "-r" + revision,
                approvedAt,
                f.extension());
    }
}
