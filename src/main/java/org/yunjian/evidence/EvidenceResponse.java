package org.yunjian.evidence;

import java.time.Instant;
import java.util.UUID;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.shared.version.Versioned;

/** An evidence file as the REST API shows it (item evidence and evidence-request answers alike). */
public record EvidenceResponse(
        UUID id,
        UUID itemId,
        String displayName,
        String contentType,
        long size,
        String sm3,
        String uploadedBy,
        UUID ownerOrgId,
        boolean sharedWithProvider,
        Instant createdAt,
        long version)
        implements Versioned {
    public static EvidenceResponse of(EvidenceInfo e) {
        return new EvidenceResponse(
                e.id(),
                e.itemId(),
                e.displayName(),
                e.contentType(),
                e.size(),
                e.sm3(),
                e.uploadedByName(),
                e.ownerOrgId(),
                e.sharedWithProvider(),
                e.createdAt(),
                e.version());
    }
}
