package org.yunjian.findings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.yunjian.catalog.ControlMap.Relationship;
import org.yunjian.shared.version.Versioned;
import org.yunjian.vault.Vault.Sealed;

/** What an import stores: the import with its sealed file, its findings and where each finding goes. */
public final class FindingRecords {

    private FindingRecords() {}

    /** The assessor's decision on one placement of a finding. */
    public enum TargetState {
        PROPOSED,
        ADOPTED,
        DISMISSED
    }

    /** One imported file: results or POA&amp;M, its format, title and OSCAL version, the sealed file, who and when. */
    public record Import(
            UUID id,
            UUID assessmentId,
            ImportKind kind,
            String format,
            String title,
            String oscalVersion,
            Sealed file,
            String importedBy,
            Instant importedAt) {}

    /** One finding, standalone observation or POA&amp;M item as the source has it. */
    public record Finding(
            UUID id,
            UUID importId,
            UUID assessmentId,
            int position,
            EntryKind kind,
            String sourceUuid,
            String title,
            String description,
            String controlId,
            String sourceStatus,
            LocalDate deadline,
            String detail,
            List<String> observations) {}

    /**
     * A finding placed on a Chinese item its control maps to; {@code itemId} null when the assessment has no test
     * item of that requirement.
     */
    public record Target(
            UUID id,
            UUID findingId,
            UUID assessmentId,
            String requirementId,
            UUID itemId,
            Relationship relationship,
            int confidence,
            TargetState state,
            String decidedBy,
            Instant decidedAt,
            String reason,
            long version)
            implements Versioned {}
}
