package org.yunjian.audit.internal;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Verifies the stored log against the keys, anchors, head row and head witness; the result is never stored. */
@Service
public class AuditVerifier {

    private final AuditRepository repository;
    private final AuditKeys keys;
    private final HeadWitness witness;

    AuditVerifier(AuditRepository repository, AuditKeys keys, HeadWitness witness) {
        this.repository = repository;
        this.keys = keys;
        this.witness = witness;
    }

    @Transactional(readOnly = true)
    public VerificationReport verify() {
        ChainVerifier chain = new ChainVerifier(keys.hmac(), keys.verifier(), keys.keyId());
        Optional<ChainVerifier.Head> w = witness.read().map(h -> new ChainVerifier.Head(h.seq(), h.mac()));
        Optional<ChainVerifier.Head> head = repository.head().map(h -> new ChainVerifier.Head(h.seq(), h.mac()));
        return chain.verify(repository.allEntries(), repository.anchors(), w, head);
    }
}
