package org.yunjian.monitoring;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yunjian.documents.DocumentFormat;

/**
 * The monthly 安全运行报告 that were issued as records, for other modules (e.g. to offer one as evidence): what was
 * issued for a system and the stored bytes of a file. Read as the platform — no caller check: a module that shows
 * them to a person decides first whether that person sees the system. Issuing is the monitoring module's own
 * ({@code POST /api/systems/{id}/monitoring/reports/{month}/issue}; docs/modules/monitoring.md, "Issued reports").
 */
public interface OperationReportRecords {

    /** The language codes a report is issued in: the Chinese report and its English rendering. */
    List<String> LANGUAGES = List.of("zh", "en");

    /**
     * Every revision issued for the system, newest month first and within a month the latest revision first, each
     * checked against its signed manifest: the files' SM3 and sizes are the manifest's, an altered file or manifest is
     * marked ({@link IssuedReport#altered()}).
     */
    List<IssuedReport> issued(UUID systemId);

    /** The month's latest revision (the one in force), if the month was issued. */
    Optional<IssuedReport> current(UUID systemId, YearMonth month);

    /**
     * The stored bytes of the month's latest revision in {@code format} and {@code language} ({@code zh} or
     * {@code en}), byte for byte as issued — the same SM3 every time; empty if the month was not issued.
     *
     * @throws ReportAlteredException the stored bytes or the manifest are not what was signed
     */
    Optional<byte[]> content(UUID systemId, YearMonth month, DocumentFormat format, String language);

    /**
     * What the public report check tells of a genuine file of an issued report (issue 60: a 网站安全监测月报 checks as
     * genuine as an assessment report does): the number, the revision holding the file, when it was issued, the
     * customer organisation whose report it is, the file's format and language, and the latest revision.
     */
    record PublicMatch(
            String reportNumber,
            int revision,
            java.time.Instant issuedAt,
            String organization,
            DocumentFormat format,
            String language,
            int latestRevision) {}

    /**
     * For anyone, without a login (the public check counts failures against the caller's address): the issued
     * report {@code number} holding a file whose SM3 is {@code sm3} (64 hex digits, either case); empty otherwise.
     */
    Optional<PublicMatch> publicMatch(String number, String sm3);
}
