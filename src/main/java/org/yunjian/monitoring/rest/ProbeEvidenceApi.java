package org.yunjian.monitoring.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.monitoring.ProbeChain;
import org.yunjian.monitoring.ProbeCheckpoint;
import org.yunjian.monitoring.SealBreak;
import org.yunjian.monitoring.internal.ProbeEvidence;
import org.yunjian.shared.DownloadName;

/**
 * REST for the monitors' probes as sealed evidence: the verdict on a monitor's chain of sealed probes, and the response
 * a probe got, kept behind its SM3, to download and hash again. Whoever sees the monitor reads both; others get 404.
 */
@RestController
@Tag(name = "monitoring", description = "网站安全监测 Website security monitoring")
class ProbeEvidenceApi {

    /** The header that carries a downloaded response's SM3. */
    static final String SM3_HEADER = "X-Content-SM3";

    private final ProbeEvidence evidence;

    ProbeEvidenceApi(ProbeEvidence evidence) {
        this.evidence = evidence;
    }

    /** Where the chain broke first: the probe (null when probes at its end are missing), its position, why. */
    record BrokenResponse(UUID probeId, int position, Instant startedAt, SealBreak reason, String reasonLabel) {}

    /**
     * The signed checkpoint kept outside the database: {@code NONE} (none on this node yet), {@code CONFIRMED} (its
     * signature verifies; {@code seq}: the probe it confirms was stored) or {@code INVALID} (tampered with).
     */
    record CheckpointResponse(ProbeCheckpoint.Status status, Long seq) {}

    /** The verdict: probes checked, sealed, unsealed (from before sealing began), intact or the first break. */
    record VerificationResponse(
            UUID monitorId,
            int checked,
            int sealed,
            int unsealed,
            boolean intact,
            String verdict,
            BrokenResponse broken,
            CheckpointResponse checkpoint) {

        static VerificationResponse of(UUID monitorId, ProbeChain.Verdict v) {
            ProbeChain.Broken b = v.broken();
            ProbeCheckpoint.Read c = v.checkpoint();
            return new VerificationResponse(
                    monitorId,
                    v.checked(),
                    v.sealed(),
                    v.unsealed(),
                    v.intact(),
                    ProbeEvidence.verdict(v).text(),
                    b == null
                            ? null
                            : new BrokenResponse(
                                    b.probeId(),
                                    b.position(),
                                    b.startedAt(),
                                    b.reason(),
                                    b.reason().text().text()),
                    new CheckpointResponse(
                            c.status(), c.status() == ProbeCheckpoint.Status.CONFIRMED ? c.seq() : null));
        }
    }

    @GetMapping("/api/monitors/{id}/probes/verification")
    @PreAuthorize(MonitorApi.WHO)
    @Operation(
            summary = "Verify the monitor's sealed probes: each seal recomputed, each signature checked with the "
                    + "platform's key, the chain followed to its head and checked against the signed checkpoint kept "
                    + "outside the database; how many checked, sealed and unsealed (stored before sealing began), the "
                    + "checkpoint (NONE, CONFIRMED with the probe it confirms, INVALID) and the first broken probe with "
                    + "why (SEAL_MISMATCH, SIGNATURE_INVALID, CHAIN_GAP, NOT_SEALED, TRUNCATED: the newest probes "
                    + "removed, CHECKPOINT_INVALID: the checkpoint tampered with)")
    VerificationResponse verification(@PathVariable UUID id) {
        return VerificationResponse.of(id, evidence.verify(id));
    }

    @GetMapping("/api/monitors/{id}/probes/{probeId}/response")
    @PreAuthorize(MonitorApi.WHO)
    @Operation(
            summary = "The response the probe got, byte for byte as received, when it is kept (a probe that opened an "
                    + "alert, the content of an approved baseline): application/octet-stream with its SM3 in "
                    + "X-Content-SM3; 404 when not kept")
    ResponseEntity<byte[]> response(@PathVariable UUID id, @PathVariable UUID probeId) {
        ProbeEvidence.KeptResponse r = evidence.response(id, probeId);
        DownloadName name = DownloadName.of(
                "monitoring.seal.responseFile",
                "probe-response",
                r.monitorName(),
                r.sm3().substring(0, 16),
                r.probe().startedAt(),
                "bin");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, name.contentDisposition())
                .header("X-Content-Type-Options", "nosniff")
                .header(SM3_HEADER, r.sm3())
                .body(r.content());
    }
}
