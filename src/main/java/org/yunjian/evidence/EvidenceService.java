package org.yunjian.evidence;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentService.ItemDetail;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.crypto.DecryptionFailedException;
import org.yunjian.crypto.Sm3;
import org.yunjian.crypto.Sm3Digest;
import org.yunjian.crypto.Sm4Gcm;
import org.yunjian.evidence.internal.EvidenceFileRepository;
import org.yunjian.evidence.internal.EvidenceLinkRepository;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.PreconditionRequiredException;
import org.yunjian.shared.version.StaleVersionException;
import org.yunjian.vault.BlobStore;
import org.yunjian.vault.ContentTypes;
import org.yunjian.vault.FileTypes;
import org.yunjian.vault.VaultKeys;
import org.yunjian.vault.VaultProperties;

/**
 * Evidence files: checked by content, SM3-hashed, sealed with SM4-GCM under a fresh per-file key that is
 * stored wrapped under the master key; on download opened and re-hashed, so a blob altered in storage is
 * refused, not served. Deleting the key row destroys the evidence even where the blob survives (backups).
 */
@Service
public class EvidenceService {

    private static final Logger log = LoggerFactory.getLogger(EvidenceService.class);

    private final AssessmentService assessments;
    private final EvidenceFileRepository files;
    private final BlobStore store;
    private final VaultKeys keys;
    private final VaultProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EvidenceLinkRepository links;

    EvidenceService(
            AssessmentService assessments,
            EvidenceFileRepository files,
            BlobStore store,
            VaultKeys keys,
            VaultProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            EvidenceLinkRepository links) {
        this.links = links;
        this.assessments = assessments;
        this.files = files;
        this.store = store;
        this.keys = keys;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** An evidence file's type for people ("PNG 图片", "Word 文档"), never its media type. */
    public static Msg typeName(String contentType) {
        return ContentTypes.typeName(contentType);
    }

    /** Decrypted, verified content with its metadata. */
    public record Download(EvidenceInfo info, byte[] content, String fileName) {}

    @Transactional
    public EvidenceInfo upload(UUID itemId, String originalName, byte[] content, boolean sharedWithProvider) {
        ItemDetail d = assessments.item(itemId);
        if (!d.access().mayUpload()) {
            throw new AccessDeniedException("assessment.denied.evidenceUpload");
        }
        assessments.requireOpen(d.item().assessmentId());
        return store(
                d.access(),
                d.item().assessmentId(),
                java.util.List.of(itemId),
                originalName,
                content,
                sharedWithProvider,
                null);
    }

    /**
     * Checks, seals and stores a file as evidence of the assessment, owned by the caller's organisation and linked to
     * every item given (the first is the one it was uploaded for). The caller has checked the right to upload and
     * locked the open assessment; a refused file leaves nothing stored.
     */
    public EvidenceInfo store(
            Access access,
            UUID assessmentId,
            java.util.List<UUID> itemIds,
            String originalName,
            byte[] content,
            boolean sharedWithProvider,
            java.time.LocalDate validUntil) {
        UUID itemId = itemIds.get(0);
        long max = properties.evidenceMaxSize().toBytes();
        if (content == null || content.length == 0) {
            throw new ValidationException("file", "assessment.error.evidence.empty");
        }
        if (content.length > max) {
            throw new ValidationException(
                    "file", "assessment.error.evidence.tooLarge", Formats.size(content.length), Formats.size(max));
        }
        StringBuilder rejected = new StringBuilder();
        Optional<String> type = ContentTypes.accept(content, rejected);
        if (type.isEmpty()) {
            events.publishEvent(AuditableEvent.denied(
                    "assessment.evidence.upload",
                    "assessment-item",
                    itemId,
                    Msg.of("assessment.audit.evidence.refused", ContentTypes.refusedName(rejected.toString()))));
            throw new ValidationException(
                    "file", "assessment.error.evidence.type", ContentTypes.refusedName(rejected.toString()));
        }
        UUID id = UUID.randomUUID();
        Sm3Digest digest = Sm3.digest(content);
        byte[] fileKey = Sm4Gcm.generateKey();
        byte[] sealed = Sm4Gcm.encrypt(fileKey, content, VaultKeys.aad(id));
        String blob =
                HexFormat.of()
                                .formatHex(
                                        org.yunjian.crypto.Sm3.digest(id.toString() + clock.instant())
                                                .bytes(),
                                        0,
                                        16) + ".sm4";
        Instant now = clock.instant();
        var user = access.user();
        // a provider's own evidence is the provider's to show; it is never hidden from the provider
        EvidenceInfo info = new EvidenceInfo(
                id,
                itemId,
                assessmentId,
                sanitise(originalName),
                type.get(),
                content.length,
                digest.hex(),
                blob,
                user.userId(),
                user.username(),
                user.organizationId(),
                sharedWithProvider,
                now,
                0);
        try {
            store.put(blob, sealed);
            removeOnRollback(blob);
        } catch (IOException e) {
            throw new EvidenceException(
                    EvidenceException.Kind.STORAGE, Msg.of("assessment.error.evidence.notStored"), e);
        }
        files.insertEvidence(info, keys.wrap(id, fileKey), VaultKeys.VERSION);
        for (UUID other : itemIds.subList(1, itemIds.size())) {
            links.insert(id, other, assessmentId, user.userId(), user.username(), now);
        }
        if (validUntil != null) {
            links.setValidUntil(id, validUntil);
        }
        java.util.Arrays.fill(fileKey, (byte) 0);
        events.publishEvent(AuditableEvent.success(
                "assessment.evidence.upload",
                "evidence",
                id,
                Msg.of(
                        "assessment.audit.evidence.upload",
                        info.displayName(),
                        ContentTypes.typeName(info.contentType()),
                        Formats.size(info.size()),
                        info.sm3())));
        return info;
    }

    /** Checks access, then decrypts and verifies; not transactional, so the failure audit entry survives. */
    public Download download(UUID evidenceId) {
        EvidenceInfo info = visible(evidenceId);
        if (readingAccess(info).filter(a -> a.mayRead(info)).isEmpty()) {
            events.publishEvent(
                    AuditableEvent.denied("assessment.evidence.download", "evidence", evidenceId, (String) null));
            throw new AccessDeniedException("assessment.denied.evidenceRead");
        }
        return open(info);
    }

    /**
     * The download through one assessment the evidence is linked into (the one it was uploaded in, or a later one it
     * was carried into), with the caller's access there: the same stored file, decrypted and verified the same way.
     */
    public Download download(UUID evidenceId, UUID assessmentId) {
        EvidenceInfo info = files.evidence(evidenceId).orElseThrow(() -> new NotFoundException("evidence", evidenceId));
        Access access;
        try {
            access = assessments.access(assessmentId);
        } catch (NotFoundException e) {
            throw new NotFoundException("evidence", evidenceId);
        }
        if (!links.assessmentsOf(evidenceId, info.assessmentId()).contains(assessmentId) || !access.maySee(info)) {
            throw new NotFoundException("evidence", evidenceId);
        }
        if (!access.mayRead(info)) {
            events.publishEvent(
                    AuditableEvent.denied("assessment.evidence.download", "evidence", evidenceId, (String) null));
            throw new AccessDeniedException("assessment.denied.evidenceRead");
        }
        return open(info);
    }

    private Download open(EvidenceInfo info) {
        UUID evidenceId = info.id();
        String wrapped = files.wrappedKey(evidenceId).orElse(null);
        if (wrapped == null) {
            throw new EvidenceException(
                    EvidenceException.Kind.KEY_DESTROYED,
                    Msg.of("assessment.error.evidence.keyDestroyed", info.displayName()),
                    null);
        }
        byte[] content;
        try {
            byte[] fileKey = keys.unwrap(evidenceId, wrapped);
            content = Sm4Gcm.decrypt(fileKey, store.get(info.blobName()), VaultKeys.aad(evidenceId));
            java.util.Arrays.fill(fileKey, (byte) 0);
        } catch (DecryptionFailedException e) {
            integrityFailure(info, "decryption");
            throw new EvidenceException(EvidenceException.Kind.INTEGRITY, integrityMessage(info), e);
        } catch (IOException e) {
            integrityFailure(info, "unreadable");
            throw new EvidenceException(
                    EvidenceException.Kind.STORAGE, Msg.of("assessment.error.evidence.missing", info.displayName()), e);
        }
        if (!MessageDigest.isEqual(
                Sm3.digest(content).bytes(), Sm3Digest.of(info.sm3()).bytes())) {
            integrityFailure(info, "sm3");
            throw new EvidenceException(EvidenceException.Kind.INTEGRITY, integrityMessage(info), null);
        }
        events.publishEvent(
                AuditableEvent.success("assessment.evidence.download", "evidence", evidenceId, (String) null));
        return new Download(info, content, servedName(info));
    }

    private static Msg integrityMessage(EvidenceInfo info) {
        return Msg.of("assessment.error.evidence.altered", info.displayName(), info.sm3());
    }

    private void integrityFailure(EvidenceInfo info, String what) {
        log.error("Evidence {} failed its integrity check: {}", info.id(), what);
        events.publishEvent(AuditableEvent.failure(
                "assessment.evidence.download",
                "evidence",
                info.id(),
                Msg.of("assessment.audit.evidence.integrity." + what)));
    }

    /** The evidence if it exists and the caller may see it (else 404). */
    @Transactional(readOnly = true)
    public EvidenceInfo visible(UUID evidenceId) {
        EvidenceInfo info = files.evidence(evidenceId).orElseThrow(() -> new NotFoundException("evidence", evidenceId));
        if (readingAccess(info).isEmpty()) {
            throw new NotFoundException("evidence", evidenceId);
        }
        return info;
    }

    /**
     * The caller's access through an assessment the evidence belongs to — the one it was uploaded in, or one it was
     * linked or carried into — preferring one that lets the caller read it; empty when the caller sees it in none.
     */
    public Optional<Access> readingAccess(EvidenceInfo info) {
        Access seeing = null;
        for (UUID assessmentId : links.assessmentsOf(info.id(), info.assessmentId())) {
            Access a;
            try {
                a = assessments.access(assessmentId);
            } catch (NotFoundException e) {
                continue;
            }
            if (a.mayRead(info)) {
                return Optional.of(a);
            }
            if (seeing == null && a.maySee(info)) {
                seeing = a;
            }
        }
        return Optional.ofNullable(seeing);
    }

    /** Shares or unshares the evidence; {@code version}: the evidence's version the caller read. */
    @Transactional
    public EvidenceInfo setShared(UUID evidenceId, ExpectedVersion version, boolean shared) {
        EvidenceInfo info = visible(evidenceId);
        if (!readingAccess(info).orElseThrow().owns(info)) {
            throw new AccessDeniedException("assessment.denied.evidenceShare");
        }
        assessments.requireOpen(info.assessmentId());
        files.claimEvidence(evidenceId, version.value(), clock.instant());
        files.setShared(evidenceId, shared);
        events.publishEvent(AuditableEvent.success(
                "assessment.evidence.share",
                "evidence",
                evidenceId,
                Msg.of(shared ? "assessment.audit.evidence.shared" : "assessment.audit.evidence.unshared")));
        return files.evidence(evidenceId).orElseThrow();
    }

    /** The evidence if the caller's organisation uploaded it (404 if invisible, 403 if someone else's). */
    @Transactional(readOnly = true)
    public EvidenceInfo requireOwned(UUID evidenceId) {
        EvidenceInfo info = visible(evidenceId);
        if (!readingAccess(info).orElseThrow().owns(info)) {
            throw new AccessDeniedException("assessment.denied.evidenceDelete");
        }
        return info;
    }

    /**
     * Destroys the key (cryptographic erasure), the metadata and the blob. {@code version}: the evidence's version
     * the caller read (its {@code ETag}); a newer one refuses the deletion naming the file, and nothing is deleted —
     * no key, no row, no blob, no audit entry of a deletion.
     */
    @Transactional
    public void delete(UUID evidenceId, ExpectedVersion version) {
        EvidenceInfo info = requireOwned(evidenceId);
        assessments.requireOpen(info.assessmentId());
        if (links.assessmentsOf(evidenceId, info.assessmentId()).size() > 1) {
            throw new ConflictException(
                    "evidence-carried", Msg.of("assessment.evidence.conflict.carried", info.displayName()));
        }
        claim(info, version);
        files.deleteEvidence(evidenceId);
        events.publishEvent(AuditableEvent.success(
                "assessment.evidence.delete",
                "evidence",
                evidenceId,
                Msg.of("assessment.audit.evidence.delete", info.displayName(), info.sm3())));
        afterCommit(() -> deleteBlob(info.blobName()));
    }

    /**
     * Moves the evidence's version on if it is still the one named, else the refusal for the version (stale, or
     * naming none) naming the file — for a change of several records (a carry) or one whose page shows several files.
     */
    public void claim(EvidenceInfo info, ExpectedVersion version) {
        Msg file = Msg.of("assessment.locking.evidence", info.displayName());
        try {
            files.claimEvidence(info.id(), version.value(), clock.instant());
        } catch (StaleVersionException | PreconditionRequiredException e) {
            throw e.naming(file);
        }
    }

    private void deleteBlob(String name) {
        try {
            store.delete(name);
        } catch (IOException e) {
            log.warn("Evidence blob {} could not be removed; its key is destroyed", name);
        }
    }

    /** Blob removal waits for the commit: a rolled-back deletion must leave the evidence readable. */
    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    /** A blob written for an upload whose transaction rolls back is removed again. */
    private void removeOnRollback(String name) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteBlob(name);
                    }
                }
            });
        }
    }

    /** A display name safe to store and show: no path, no control or bidi characters, at most 200 chars. */
    static String sanitise(String original) {
        return Text.fileName(original, "evidence");
    }

    /** The name to serve under: the display name's stem and the extension of the detected type. */
    static String servedName(EvidenceInfo info) {
        String stem = info.displayName();
        int dot = stem.lastIndexOf('.');
        if (dot > 0) {
            stem = stem.substring(0, dot);
        }
        return stem + "." + FileTypes.extension(info.contentType());
    }
}
