package org.yunjian.audit.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.crypto.Verifier;
import org.yunjian.shared.Msg;

/**
 * Verifies the stored log against the keys, the anchors (one required every {@code anchor-every} entries,
 * each signed by the anchor key), the head row and the head witness (its MAC, where it started again, the newest
 * anchor it saw); the result is never stored. It says when no anchor export kept outside the key directory was
 * checked: without one, truncating the newest entries together with their anchors cannot be ruled out against
 * someone who can write the key directory and replays an older genuine witness (docs/security.md).
 */
@Service
public class AuditVerifier {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifier.class);

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

    /**
     * Verifies with the configured anchor export where it lies outside the key directory (an off-site copy), as
     * the page and the REST endpoint do.
     */
    @Transactional(readOnly = true)
    public VerificationReport verify() {
        Optional<Path> export = offSiteExport();
        Optional<List<AuditAnchor>> anchors = Optional.empty();
        try {
            anchors = export.map(AnchorExport::read);
        } catch (RuntimeException unreadable) {
            log.warn("Anchor export {} not read: {}", export.get(), unreadable.toString());
            export = Optional.empty();
        }
        return verify(Optional.empty(), anchors, export);
    }

    /**
     * @param pinnedKey the anchor public key to check signatures against instead of the key directory's
     *                  (an auditor's own copy)
     * @param exported  anchors read from the export file, to cross-check against the database
     * @param from      the file {@code exported} was read from: outside the key directory it is an off-site copy
     */
    @Transactional(readOnly = true)
    public VerificationReport verify(
            Optional<PublicKey> pinnedKey, Optional<List<AuditAnchor>> exported, Optional<Path> from) {
        ChainVerifier chain = pinnedKey
                .map(k ->
                        new ChainVerifier(keys.hmac(), Verifier.of(k), AuditKeys.keyIdOf(k), properties.anchorEvery()))
                .orElseGet(
                        () -> new ChainVerifier(keys.hmac(), keys.verifier(), keys.keyId(), properties.anchorEvery()));
        Optional<HeadWitness.State> state = witness.state();
        Optional<ChainVerifier.Head> w = state.map(s -> s.trust() == HeadWitness.Trust.FORGED
                ? new ChainVerifier.Head(-1, ChainVerifier.FORGED)
                : new ChainVerifier.Head(s.confirmed().seq(), s.confirmed().mac()));
        Optional<ChainVerifier.Head> head = repository.head().map(h -> new ChainVerifier.Head(h.seq(), h.mac()));
        List<AuditEntry> entries = repository.allEntries();
        List<AuditAnchor> anchors = repository.anchors();
        VerificationReport report = chain.verify(entries, anchors, w, head, exported);
        long lastStored =
                entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
        List<Finding> findings = new ArrayList<>();
        List<Msg> notes = new ArrayList<>();
        state.ifPresent(s -> witnessed(s, anchors, exported, findings, notes));
        boolean offSite = exported.isPresent() && from.map(this::offSite).orElse(false);
        if (!offSite) {
            notes.add(
                    from.isPresent() && exported.isPresent()
                            ? Msg.of(
                                    "audit.verify.noOffSite.inKeyDir",
                                    from.get().toString())
                            : Msg.of("audit.verify.noOffSite.none"));
        }
        OptionalLong pending = state.filter(s -> s.trust() != HeadWitness.Trust.FORGED)
                .map(HeadWitness.State::pending)
                .orElse(OptionalLong.empty());
        return report.withUncommitted(pending, lastStored).with(findings, notes, offSite);
    }

    /**
     * What the head witness says beyond the chain: an old-format witness, one that started again (missing, old
     * format or forged when a commit found it), and the newest anchor committed, which the anchors and the export
     * may not lack.
     */
    private static void witnessed(
            HeadWitness.State s,
            List<AuditAnchor> anchors,
            Optional<List<AuditAnchor>> exported,
            List<Finding> findings,
            List<Msg> notes) {
        if (s.trust() == HeadWitness.Trust.LEGACY) {
            findings.add(Finding.of(Finding.Kind.WITNESS, 0, 0, "witness.legacy"));
        }
        if (s.trust() != HeadWitness.Trust.AUTHENTIC) {
            return;
        }
        HeadWitness.Restart r = s.restarted();
        if (r != null) {
            if (r.reason().equals("missing") || r.reason().equals("legacy")) {
                notes.add(Msg.of("audit.verify.restarted." + r.reason(), Finding.number(r.seq())));
            } else {
                findings.add(Finding.of(
                        Finding.Kind.WITNESS, r.seq(), r.seq(), "witness.restartedForged", Finding.number(r.seq())));
            }
        }
        long anchor = s.anchor();
        if (anchor > 0 && anchors.stream().noneMatch(a -> a.seq() == anchor)) {
            findings.add(Finding.of(
                    Finding.Kind.ANCHOR_MISSING, anchor, anchor, "anchor.witnessed", Finding.number(anchor)));
        }
        exported.ifPresent(list -> {
            long last = list.stream().mapToLong(AuditAnchor::seq).max().orElse(0);
            if (last < anchor) {
                findings.add(Finding.of(
                        Finding.Kind.ANCHOR_EXPORT_MISSING,
                        anchor,
                        anchor,
                        "anchor.export.truncated",
                        Finding.number(anchor),
                        Finding.number(last)));
            }
        });
    }

    /** The configured anchor export, if it exists and lies outside the key directory. */
    public Optional<Path> offSiteExport() {
        Path export = properties.anchorExport();
        return export != null && Files.isRegularFile(export) && offSite(export)
                ? Optional.of(export)
                : Optional.empty();
    }

    /** Whether {@code file} lies outside the key directory (whoever writes that could rewrite it too). */
    public boolean offSite(Path file) {
        try {
            return !file.toRealPath().startsWith(properties.keyDir().toRealPath());
        } catch (IOException e) {
            return !file.toAbsolutePath()
                    .normalize()
                    .startsWith(properties.keyDir().toAbsolutePath().normalize());
        }
    }
}
