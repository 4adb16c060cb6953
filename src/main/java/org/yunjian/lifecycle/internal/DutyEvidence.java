package org.yunjian.lifecycle.internal;

import java.time.Instant;
import java.util.UUID;
import org.yunjian.vault.Vault.Sealed;

/** Evidence of a duty: the sealed file and who put it there. */
public record DutyEvidence(Sealed file, UUID dutyId, UUID uploadedBy, UUID uploadedOrg, Instant uploadedAt) {}
