package org.yunjian.procurement.internal;

import java.time.Instant;
import java.util.UUID;
import org.yunjian.catalog.RequirementId;
import org.yunjian.evidence.EvidenceVault;

/** An evidence file of a candidate's judgement on a criterion, sealed by the evidence vault. */
public record SelectionEvidence(
        UUID candidate, RequirementId criterion, EvidenceVault.Sealed sealed, String uploadedBy, Instant uploadedAt) {}
