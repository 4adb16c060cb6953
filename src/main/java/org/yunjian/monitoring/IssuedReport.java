package org.yunjian.monitoring;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.yunjian.documents.DocumentFormat;

/**
 * A monthly 安全运行报告 issued as a record (one revision of it): the month (in the users' zone), its number, who issued
 * it and when, why when it corrects an earlier revision, whether a later revision superseded it, the SM3 of its signed
 * manifest and its files — each kept byte for byte ({@link OperationReportRecords#content}).
 *
 * @param revision     1 for the first issue, then each correction
 * @param reason       why this revision corrects the one before it, {@code null} for revision 1
 * @param superseded   whether a later revision of the month replaced it (it stays downloadable)
 * @param manifestSm3  SM3 (hex) of the signed manifest file
 * @param manifestValid whether the manifest verifies with the platform's key and names this record (when read through
 *     the check against it; a report just issued is)
 */
public record IssuedReport(
        UUID id,
        UUID systemId,
        YearMonth month,
        int revision,
        String reportNumber,
        UUID issuerId,
        String issuerName,
        Instant issuedAt,
        String reason,
        boolean superseded,
        String manifestSm3,
        List<File> files,
        boolean manifestValid) {

    public IssuedReport {
        files = List.copyOf(files);
    }

    /** A report as stored, not (yet) checked against its manifest. */
    public IssuedReport(
            UUID id,
            UUID systemId,
            YearMonth month,
            int revision,
            String reportNumber,
            UUID issuerId,
            String issuerName,
            Instant issuedAt,
            String reason,
            boolean superseded,
            String manifestSm3,
            List<File> files) {
        this(
                id,
                systemId,
                month,
                revision,
                reportNumber,
                issuerId,
                issuerName,
                issuedAt,
                reason,
                superseded,
                manifestSm3,
                files,
                true);
    }

    /** Whether the record or one of its files fails its check against the signed manifest. */
    public boolean altered() {
        return !manifestValid || files.stream().anyMatch(f -> !f.matches());
    }

    /**
     * One stored file: Word or PDF, in {@code zh} or {@code en}, its download name (ASCII), SM3 (hex) and size — as the
     * signed manifest names them once checked ({@code sm3} null when the manifest fails) — and whether the stored bytes
     * match them.
     */
    public record File(DocumentFormat format, String language, String name, String sm3, long size, boolean matches) {

        /** A file as rendered or stored, not (yet) checked. */
        public File(DocumentFormat format, String language, String name, String sm3, long size) {
            this(format, language, name, sm3, size, true);
        }
    }

    /** The file of {@code format} in {@code language}, if the issue holds one. */
    public java.util.Optional<File> file(DocumentFormat format, String language) {
        return files.stream()
                .filter(f -> f.format() == format && f.language().equals(language))
                .findFirst();
    }
}
