package org.yunjian.audit.internal;

import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.crypto.Verifier;

/**
 * Verifies the stored log against the keys, the anchors (one required every {@code anchor-every} entries,
 * each signed by the anchor key), the head row and the head witness; the result is never stored.
 */
@Service
public class AuditVerifier {

    private final AuditRepository repository;
    private final AuditKeys keys;
    private final HeadWitness witness;
    private final AuditProperties properties;

    AuditVerifier(AuditRepository repository, AuditKeys keys, HeadWitness witness, AuditProperties properties) {
        this.repository = repository;
        this.keys = keys;
        this.witness = witness;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public VerificationReport verify() {
        return verify(Optional.empty(), Optional.empty());
    }

    /**
     * @param pinnedKey the anchor public key to check signatures against instead of the key directory's
     *                  (an auditor's own copy)
     * @param exported  anchors read from the export file, to cross-check against the database
     */
    @Transactional(readOnly = true)
    public VerificationReport verify(Optional<PublicKey> pinnedKey, Optional<List<AuditAnchor>> exported) {
        ChainVerifier chain = pinnedKey
                .map(k -> new ChainVerifier(keys.hmac(), Verifier.of(k), AuditKeys.keyIdOf(k), properties.anchorEvery()))
                .orElseGet(() -> new ChainVerifier(keys.hmac(), keys.verifier(), keys.keyId(), properties.anchorEvery()));
        Optional<ChainVerifier.Head> w = witness.read().map(h -> new ChainVerifier.Head(h.seq(), h.mac()));
        Optional<ChainVerifier.Head> head = repository.head().map(h -> new ChainVerifier.Head(h.seq(), h.mac()));
        List<AuditEntry> entries = repository.allEntries();
        VerificationReport report = chain.verify(entries, repository.anchors(), w, head, exported);
        long lastStored = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
        return report.withUncommitted(witness.pending(), lastStored);
    }
}
