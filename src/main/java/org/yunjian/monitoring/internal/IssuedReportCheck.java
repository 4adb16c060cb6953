package org.yunjian.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunjian.crypto.Sm3;
import org.yunjian.documents.DocumentFormat;
import org.yunjian.exit.ReportSeal;
import org.yunjian.monitoring.IssuedReport;
import org.yunjian.monitoring.ReportAlteredException;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;
import org.yunjian.shared.keys.PlatformSigningKey;

/**
 * An issued 安全运行报告's row checked against what was signed (issue 56): its manifest must verify with the platform's
 * key and name this record (number, revision, system, month), and each stored file must have the SM3 and size the
 * manifest gives it. What is shown and sent comes from the signed manifest, never from a column a writer of the
 * database could change: the files' SM3 and sizes from the manifest, the manifest's own SM3 computed from its bytes.
 * A download that fails the check is refused ({@link ReportAlteredException}), logged and audited
 * ({@code monitor.report.altered}); a listing marks the record or the file instead.
 */
@Component
class IssuedReportCheck {

    private static final Logger log = LoggerFactory.getLogger(IssuedReportCheck.class);

    private final IssuedReportRepository repo;
    private final PlatformSigningKey key;
    private final ApplicationEventPublisher events;

    IssuedReportCheck(IssuedReportRepository repo, PlatformSigningKey key, ApplicationEventPublisher events) {
        this.repo = repo;
        this.key = key;
        this.events = events;
    }

    /**
     * {@code r} as signed: each file with the SM3 and size its manifest names and whether the stored bytes match them,
     * the manifest's SM3 of its bytes; a manifest that fails is marked, its files too.
     */
    IssuedReport checked(IssuedReport r) {
        byte[] manifest = repo.manifest(r.id());
        Optional<ReportSeal.Sealed> sealed = sealed(r, manifest);
        List<IssuedReport.File> files = new ArrayList<>();
        for (IssuedReport.File stored : r.files()) {
            Optional<Map<?, ?>> signed = sealed.flatMap(s -> signedFile(s, stored.format(), stored.language()));
            if (signed.isEmpty()) {
                files.add(new IssuedReport.File(
                        stored.format(), stored.language(), stored.name(), null, stored.size(), false));
                continue;
            }
            Map<?, ?> f = signed.get();
            boolean matches = repo.content(r.id(), stored.format(), stored.language())
                    .map(content -> matches(content, f))
                    .orElse(false);
            files.add(new IssuedReport.File(
                    stored.format(),
                    stored.language(),
                    String.valueOf(f.get("name")),
                    String.valueOf(f.get("sm3")),
                    ((Number) f.get("size")).longValue(),
                    matches));
        }
        return new IssuedReport(
                r.id(),
                r.systemId(),
                r.month(),
                r.revision(),
                r.reportNumber(),
                r.issuerId(),
                r.issuerName(),
                r.issuedAt(),
                r.reason(),
                r.superseded(),
                Sm3.hex(manifest),
                files,
                sealed.isPresent());
    }

    /** A stored file and the SM3 its manifest signed for it, once they were found to match. */
    record Checked(byte[] content, IssuedReport.File file) {}

    /**
     * The stored file of {@code format} in {@code language}, checked against the signed manifest.
     *
     * @throws ReportAlteredException the manifest fails, names no such file, or the bytes differ from what it signed
     */
    Checked file(IssuedReport r, DocumentFormat format, String language) {
        ReportSeal.Sealed sealed = requireSealed(r, repo.manifest(r.id()));
        Map<?, ?> f = signedFile(sealed, format, language).orElseThrow(() -> manifestRefused(r));
        String name = String.valueOf(f.get("name"));
        byte[] content = repo.content(r.id(), format, language).orElse(new byte[0]);
        if (!matches(content, f)) {
            String sm3 = String.valueOf(f.get("sm3"));
            refused(r, Msg.of("monitoring.audit.reportAltered.file", name), "file " + name);
            throw new ReportAlteredException(
                    Msg.of("monitoring.report.error.altered", r.reportNumber(), r.revision(), name, sm3));
        }
        return new Checked(
                content,
                new IssuedReport.File(format, language, name, String.valueOf(f.get("sm3")), content.length, true));
    }

    /**
     * The record's signed manifest, checked.
     *
     * @throws ReportAlteredException it does not verify or names another record
     */
    byte[] manifest(IssuedReport r) {
        byte[] manifest = repo.manifest(r.id());
        requireSealed(r, manifest);
        return manifest;
    }

    private ReportSeal.Sealed requireSealed(IssuedReport r, byte[] manifest) {
        return sealed(r, manifest).orElseThrow(() -> manifestRefused(r));
    }

    private ReportAlteredException manifestRefused(IssuedReport r) {
        refused(r, Msg.of("monitoring.audit.reportAltered.manifest"), "manifest");
        return new ReportAlteredException(
                Msg.of("monitoring.report.error.manifestInvalid", r.reportNumber(), r.revision()));
    }

    private void refused(IssuedReport r, Msg what, String logged) {
        log.error(
                "Issued report {} r{} of system {} failed its check against the signed manifest: {}",
                r.reportNumber(),
                r.revision(),
                r.systemId(),
                logged);
        events.publishEvent(AuditableEvent.failure(
                "monitor.report.altered",
                "system",
                r.systemId(),
                Msg.of("monitoring.audit.reportAltered", r.reportNumber(), r.revision(), what)));
    }

    /** The manifest verified with the platform's key and naming this record, or empty. */
    private Optional<ReportSeal.Sealed> sealed(IssuedReport r, byte[] manifest) {
        ReportSeal.Sealed s;
        try {
            s = ReportSeal.verify(manifest, key.pair().getPublic());
        } catch (RuntimeException notVerified) { // DeletionCertificate.Invalid, or not a seal at all
            return Optional.empty();
        }
        Map<?, ?> c = s.content();
        Map<?, ?> system = c.get("system") instanceof Map<?, ?> m ? m : Map.of();
        boolean ours = r.reportNumber().equals(c.get("reportNumber"))
                && String.valueOf(r.revision()).equals(String.valueOf(c.get("revision")))
                && r.systemId().toString().equals(system.get("id"))
                && r.month().toString().equals(c.get("month"));
        return ours ? Optional.of(s) : Optional.empty();
    }

    private static Optional<Map<?, ?>> signedFile(ReportSeal.Sealed s, DocumentFormat format, String language) {
        return s.files().stream()
                .filter(o -> o instanceof Map<?, ?> f
                        && format.name().equals(f.get("format"))
                        && language.equals(f.get("language"))
                        && f.get("sm3") instanceof String
                        && f.get("size") instanceof Number)
                .<Map<?, ?>>map(o -> (Map<?, ?>) o)
                .findFirst();
    }

    private static boolean matches(byte[] content, Map<?, ?> signed) {
        byte[] expected = String.valueOf(signed.get("sm3")).getBytes(StandardCharsets.US_ASCII);
        return ((Number) signed.get("size")).longValue() == content.length
                && MessageDigest.isEqual(Sm3.hex(content).getBytes(StandardCharsets.US_ASCII), expected);
    }
}
