package org.yunjian.exitproject.internal;

import java.security.PublicKey;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.crypto.Pem;
import org.yunjian.exit.DeletionRecord;
import org.yunjian.exit.Keys;
import org.yunjian.exitproject.ExitStatus;
import org.yunjian.exitproject.internal.Records.CountersignKey;
import org.yunjian.exitproject.internal.Records.Countersignature;
import org.yunjian.exitproject.internal.Records.Entry;
import org.yunjian.exitproject.internal.Records.Kind;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;

/**
 * The provider's countersignature of the deletion record (docs/deletion-certificate.md, "Countersignature"): the
 * provider registers its SM2 public key on the project, downloads the record file, signs it offline
 * ({@code yunjian exit countersign} or any SM2 tool) and uploads the signature, which is verified here against the
 * registered key. The certificate is refused until a countersignature over the current record by the current key
 * is on file ({@link ProjectView#countersigning()}).
 */
@Service
@Transactional
public class CountersignService {

    private final ProjectRecords records;
    private final DeletionRecords deletionRecords;
    private final ApplicationEventPublisher events;
    private final ExitProjectWork work;

    CountersignService(
            ProjectRecords records,
            DeletionRecords deletionRecords,
            ApplicationEventPublisher events,
            ExitProjectWork work) {
        this.work = work;
        this.records = records;
        this.deletionRecords = deletionRecords;
        this.events = events;
    }

    /**
     * Registers the provider's countersigning key (provider; any phase before the certificate). Replacing a
     * registered key needs {@code replace} (else 409 naming the registered key) and voids a countersignature made
     * with the old one; both are audited.
     */
    public Entry<CountersignKey> registerKey(UUID id, String pem, boolean replace) {
        Access access = records.access(id);
        access.requireProvider("registering the countersigning key");
        records.open(
                id,
                "countersignKey",
                ExitStatus.PLANNING,
                ExitStatus.HANDOVER,
                ExitStatus.VERIFICATION,
                ExitStatus.DELETION);
        PublicKey key = InventoryService.readKey(pem);
        String fingerprint = Keys.fingerprint(key);
        var registered = records.view(access).countersignKey();
        if (registered.isPresent() && !replace) {
            throw new ConflictException(
                    "exit-countersign-key-registered",
                    "exitproject.conflict.countersignKeyRegistered",
                    registered.get().data().fingerprint());
        }
        Entry<CountersignKey> e = records.insert(
                id,
                UUID.randomUUID(),
                Kind.COUNTERSIGN_KEY,
                new CountersignKey(Pem.writePublicKey(key), fingerprint),
                access);
        events.publishEvent(AuditableEvent.success(
                "exit-project.countersign-key",
                "exit-project",
                id,
                registered.isEmpty()
                        ? Msg.of("exitproject.audit.countersignKey", fingerprint)
                        : Msg.of(
                                "exitproject.audit.countersignKeyReplaced",
                                registered.get().data().fingerprint(),
                                fingerprint)));
        work.changed(id);
        return e;
    }

    /** The deletion record file to countersign, byte for byte; 409 while no deletion is recorded. */
    @Transactional(readOnly = true)
    public byte[] recordFile(UUID id) {
        ProjectView v = records.view(records.access(id));
        if (v.deletion().isEmpty()) {
            throw new ConflictException("exit-precondition", "exitproject.conflict.noDeletionRecord");
        }
        return deletionRecords.file(v);
    }

    /**
     * Records the provider's countersignature (base64 or hex) of the current deletion record (provider; phase
     * DELETION). {@code recordSm3}, when given, is the SM3 of the file the provider signed: a record changed since
     * is a 409 saying so. A signature that does not verify against the record and the registered key is refused
     * (400 naming both) and the refusal audited.
     */
    public Entry<Countersignature> countersign(UUID id, String signature, String recordSm3) {
        Access access = records.access(id);
        access.requireProvider("countersigning the deletion record");
        records.open(id, "countersignature", ExitStatus.DELETION);
        ProjectView v = records.view(access);
        if (v.deletion().isEmpty()) {
            throw new ConflictException("exit-precondition", "exitproject.conflict.noDeletionRecord");
        }
        CountersignKey key = v.countersignKey()
                .map(Entry::data)
                .orElseThrow(() -> new ConflictException("exit-precondition", "exitproject.conflict.noCountersignKey"));
        if (recordSm3 != null && !recordSm3.isBlank() && !recordSm3.strip().equalsIgnoreCase(v.recordSm3())) {
            throw new ConflictException(
                    "exit-record-changed",
                    "exitproject.conflict.recordChanged",
                    abbrev(recordSm3.strip()),
                    abbrev(v.recordSm3()));
        }
        if (signature == null || signature.isBlank()) {
            throw new FieldErrors.ValidationException("signature", "exitproject.error.required");
        }
        byte[] value = DeletionRecord.decode(signature);
        if (!DeletionRecord.verify(deletionRecords.file(v), value, Keys.readPublicKey(key.pem()))) {
            events.publishEvent(AuditableEvent.failure(
                    "exit-project.countersign",
                    "exit-project",
                    id,
                    Msg.of("exitproject.audit.countersignRefused", v.recordSm3(), key.fingerprint())));
            throw new FieldErrors.ValidationException(
                    "signature", "exitproject.countersign.bad", abbrev(v.recordSm3()), abbrev(key.fingerprint()));
        }
        Entry<Countersignature> e = records.insert(
                id,
                UUID.randomUUID(),
                Kind.COUNTERSIGNATURE,
                new Countersignature(
                        v.recordSm3(),
                        key.fingerprint(),
                        java.util.Base64.getEncoder().encodeToString(value)),
                access);
        events.publishEvent(AuditableEvent.success(
                "exit-project.countersign",
                "exit-project",
                id,
                Msg.of("exitproject.audit.countersign", v.recordSm3(), key.fingerprint())));
        work.changed(id);
        return e;
    }

    private static String abbrev(String sm3) {
        return sm3 == null || sm3.length() <= 16 ? String.valueOf(sm3) : sm3.substring(0, 16) + "…";
    }
}
