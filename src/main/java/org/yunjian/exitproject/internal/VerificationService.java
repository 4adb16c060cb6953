package org.yunjian.exitproject.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.crypto.Sm3;
import org.yunjian.exit.BucketDeletionCheck;
import org.yunjian.exit.Keys;
import org.yunjian.exit.SignedVerificationReport;
import org.yunjian.exit.Totals;
import org.yunjian.exitproject.ExitStatus;
import org.yunjian.exitproject.internal.Records.Entry;
import org.yunjian.exitproject.internal.Records.Kind;
import org.yunjian.exitproject.internal.Records.Manifest;
import org.yunjian.exitproject.internal.Records.StorageCheck;
import org.yunjian.exitproject.internal.Records.Verification;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldValues;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;

/**
 * Integrity verification (GB/T 31167-2014 9.3) and object-storage deletion checks: the customer's signed
 * verification reports and the deletion check reports, checked before they are recorded.
 */
@Service
@Transactional
public class VerificationService {

    private final ExitProjectRepository repo;
    private final ProjectRecords records;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final long storageCheckMaxSize;
    private final ExitProjectWork work;

    VerificationService(
            ExitProjectRepository repo,
            ProjectRecords records,
            FileStore files,
            ApplicationEventPublisher events,
            ExitProjectProperties properties,
            ExitProjectWork work) {
        this.work = work;
        this.repo = repo;
        this.records = records;
        this.files = files;
        this.events = events;
        this.storageCheckMaxSize = properties.storageCheckMaxSize().toBytes();
    }

    // --- verification

    /**
     * Records the signed JSON report of a {@code yunjian exit verify --json --key …} run, read through
     * {@link SignedVerificationReport}: only the customer records one, and only when it names an approved manifest of
     * this project (file and signature digest), its verdict agrees with its findings and its signature is valid;
     * each refusal names the problem (400).
     */
    public Entry<Verification> recordVerification(UUID id, String fileName, byte[] report, String note) {
        Access access = records.access(id);
        access.require(access.mayVerify(), "recording verification runs");
        if (!access.isCustomer()) {
            throw new FieldErrors.ValidationException("file", "exitproject.report.notCustomer");
        }
        records.open(id, "verification", ExitStatus.VERIFICATION);
        if (report == null || report.length == 0) {
            throw new FieldErrors.ValidationException("file", "exitproject.error.required");
        }
        records.textRules().require("note", note, Text.Kind.LINES);
        SignedVerificationReport.Read read = readReport(report);
        SignedVerificationReport r = read.report();
        List<Entry<?>> all =
                repo.records(id).stream().<Entry<?>>map(records::entry).toList();
        boolean approved = access.project().inventoryApproved();
        List<Entry<Manifest>> manifests = ProjectRecords.of(all, Kind.MANIFEST);
        Entry<Manifest> verified = manifests.stream()
                .filter(m -> m.data().fileSm3().equals(r.manifestSm3())
                        && java.util.Objects.equals(m.data().signatureSm3(), r.manifestSignatureSm3()))
                .findFirst()
                .orElse(null);
        if (verified == null || !approved) {
            throw new FieldErrors.ValidationException("file", "exitproject.report.otherManifest");
        }
        if (!read.signed()) {
            throw new FieldErrors.ValidationException("file", "exitproject.report.unsigned");
        }
        if (read.signedBy(verifierKeys(access)) == null) {
            throw new FieldErrors.ValidationException("file", "exitproject.report.notVerifier");
        }
        Totals t = r.totals();
        Map<String, Long> totals = t.byName(false);
        Verification v = new Verification(
                ProjectRecords.safeName(fileName, "report.json"),
                read.sm3(),
                str(r.target()),
                str(r.algorithm()),
                r.manifestSignature().name(),
                str(r.signatureDetail()),
                r.clean(),
                r.interrupted(),
                totals,
                r.findings().size(),
                FieldValues.stripped(note),
                r.manifestSm3(),
                r.manifestSignatureSm3(),
                str(r.tool()),
                read.signer());
        UUID recordId = UUID.randomUUID();
        Entry<Verification> e = records.insert(id, recordId, Kind.VERIFICATION, v, access);
        Path received = files.receive(id, new java.io.ByteArrayInputStream(report));
        files.keep(received, id, recordId);
        events.publishEvent(AuditableEvent.success(
                "exit-project.verification.record",
                "exit-project",
                id,
                Msg.of(
                        v.clean()
                                ? "exitproject.audit.verification.clean"
                                : "exitproject.audit.verification.differences",
                        v.reportSm3(),
                        v.manifestSm3())));
        work.changed(id);
        return e;
    }

    /** The report through its one contract type; a report that is not one is refused naming why. */
    static SignedVerificationReport.Read readReport(byte[] report) {
        try {
            return SignedVerificationReport.read(report);
        } catch (SignedVerificationReport.Invalid e) {
            throw new FieldErrors.ValidationException(
                    "file",
                    "exitproject.report."
                            + switch (e.reason()) {
                                case MALFORMED -> "malformed";
                                case NOT_CANONICAL -> "notCanonical";
                                case VERDICT_DISAGREES -> "verdictDisagrees";
                                case BAD_SIGNATURE -> "badSignature";
                            });
        }
    }

    /** The keys a verification report may be signed with: the verifier key registered on the project. */
    private static List<PublicKey> verifierKeys(Access access) {
        String pem = access.project().verifierKeyPem();
        return pem == null ? List.of() : List.of(Keys.readPublicKey(pem));
    }

    /** A text field of an uploaded report, as stored and shown: what no document can carry becomes U+FFFD. */
    private static String str(Object o) {
        return o instanceof String s ? Text.safe(s) : null;
    }

    // --- object storage

    /**
     * Records the JSON report of a {@code yunjian exit check-deleted --json} run over an object-storage bucket or
     * prefix (provider, customer or agent; phase DELETION). The report is read with
     * {@link BucketDeletionCheck.Report#parse(String)} and refused (400 naming the problem) when it is not one, is
     * inconsistent or exceeds {@code yunjian.exit-project.storage-check-max-size}; it is kept as evidence.
     */
    public Entry<StorageCheck> recordStorageCheck(UUID id, String fileName, byte[] report, String note) {
        Access access = records.access(id);
        access.require(access.mayCheckStorage(), "recording object-storage deletion checks");
        records.open(id, "storageCheck", ExitStatus.DELETION);
        if (report == null || report.length == 0) {
            throw new FieldErrors.ValidationException("file", "exitproject.error.required");
        }
        if (report.length > storageCheckMaxSize) {
            throw new FieldErrors.ValidationException(
                    "file", "exitproject.error.checkTooLarge", Formats.size(storageCheckMaxSize));
        }
        FieldErrors errors = new FieldErrors();
        records.optional(errors, "note", note, 4000);
        errors.throwIfAny();
        StorageCheck c = parseStorageCheck(
                ProjectRecords.safeName(fileName, "check-deleted.json"), report, FieldValues.stripped(note));
        UUID recordId = UUID.randomUUID();
        Entry<StorageCheck> e = records.insert(id, recordId, Kind.STORAGE_CHECK, c, access);
        files.keep(files.receive(id, new java.io.ByteArrayInputStream(report)), id, recordId);
        events.publishEvent(AuditableEvent.success(
                "exit-project.storage-check.record",
                "exit-project",
                id,
                c.empty()
                        ? Msg.of("exitproject.audit.storageCheck.empty", c.location(), c.reportSm3())
                        : Msg.of(
                                "exitproject.audit.storageCheck.remaining",
                                c.location(),
                                c.remaining(),
                                c.reportSm3())));
        work.changed(id);
        return e;
    }

    static StorageCheck parseStorageCheck(String name, byte[] report, String note) {
        BucketDeletionCheck.Report r;
        try {
            r = BucketDeletionCheck.Report.parse(new String(report, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new FieldErrors.ValidationException(
                    "file", "exitproject.error.notCheckReportBecause", ToolkitText.of(e));
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("current", r.current());
        totals.put("nonCurrent", r.nonCurrent());
        totals.put("deleteMarkers", r.deleteMarkers());
        totals.put("multipartUploads", r.multipartUploads());
        totals.put("bytes", r.bytes());
        return new StorageCheck(
                name,
                Sm3.hex(report),
                r.target(),
                r.bucket(),
                r.prefix(),
                r.checkedAt().toString(),
                r.empty(),
                totals,
                r.remaining().size(),
                note);
    }
}
