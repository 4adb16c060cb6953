package org.yunjian.procurement.internal;

import java.time.Instant;
import java.util.UUID;
import org.yunjian.catalog.RequirementId;
import org.yunjian.vault.Vault;

/** An evidence file of a candidate's judgement on a criterion, sealed by the evidence vault. */
public record SelectionEvidence(
        UUID candidate, RequirementId criterion, Vault.Sealed sealed, String uploadedBy, Instant uploadedAt) {}
