package org.yunjian.exitproject;

import java.time.Instant;
import java.util.UUID;

/**
 * A deletion certificate was issued for an exit project.
 *
 * @param sm3 SM3 of the certificate file (hex)
 */
public record DeletionCertificateIssued(UUID projectId, UUID systemId, UUID certificateId, String sm3, Instant at) {}
