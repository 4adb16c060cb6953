package org.yunjian.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * One imported version of an organisation's harmful-content word list (政府网站指南 8.4.1.3 a)): its number (1, 2, …),
 * how many words it holds, the SM3 of the file as uploaded, the importer's note, who imported it and when. The
 * monitors of the systems the organisation is the customer of match its latest version.
 */
public record WordListVersion(
        UUID id,
        UUID organizationId,
        int version,
        int wordCount,
        String contentSm3,
        String note,
        String importedBy,
        Instant importedAt) {

    public static final int NOTE_MAX = 500;
    /** The largest file imported: 10,000 words of 50 characters in UTF-8 fit well within it. */
    public static final int FILE_MAX_BYTES = 2 * 1024 * 1024;
}
