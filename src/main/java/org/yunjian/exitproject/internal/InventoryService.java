package org.yunjian.exitproject.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.crypto.Sm3;
import org.yunjian.exit.FileEntry;
import org.yunjian.exit.InventoryItem;
import org.yunjian.exit.Keys;
import org.yunjian.exit.ManifestCheck;
import org.yunjian.exit.ManifestEntry;
import org.yunjian.exit.ManifestException;
import org.yunjian.exit.ManifestReader;
import org.yunjian.exit.Sensitivity;
import org.yunjian.exit.SignatureStatus;
import org.yunjian.exitproject.ExitStatus;
import org.yunjian.exitproject.internal.Records.Entry;
import org.yunjian.exitproject.internal.Records.Item;
import org.yunjian.exitproject.internal.Records.Kind;
import org.yunjian.exitproject.internal.Records.Manifest;
import org.yunjian.exitproject.internal.Records.ProjectInfo;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldValues;
import org.yunjian.shared.Msg;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The hand-over inventory of an exit project (GB/T 31167-2014 9.2, JR/T 8.1.3): the provider's and the verifier's
 * keys, signed manifests, non-file items and the customer's approval.
 */
@Service
@Transactional
public class InventoryService {

    private final ExitProjectRepository repo;
    private final ProjectRecords records;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExitProjectWork work;

    InventoryService(
            ExitProjectRepository repo,
            ProjectRecords records,
            FileStore files,
            ApplicationEventPublisher events,
            Clock clock,
            ExitProjectWork work) {
        this.work = work;
        this.repo = repo;
        this.records = records;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    // --- hand-over inventory

    /** The provider's SM2 public key that its manifests must be signed with. */
    public ProjectInfo setProviderKey(UUID id, String pem, ExpectedVersion version) {
        Access access = records.access(id);
        access.requireProvider("registering the manifest signing key");
        records.open(id, "providerKey", ExitStatus.PLANNING, ExitStatus.HANDOVER);
        PublicKey key = readKey(pem);
        String fingerprint = Keys.fingerprint(key);
        Instant now = clock.instant();
        repo.setProviderKey(
                id,
                org.yunjian.crypto.Pem.writePublicKey(key),
                fingerprint,
                org.yunjian.security.CurrentUser.require().username(),
                now,
                version.value());
        reopen(id, now, "providerKey");
        events.publishEvent(AuditableEvent.success(
                "exit-project.provider-key", "exit-project", id, Msg.of("exitproject.audit.providerKey", fingerprint)));
        work.changed(id);
        return repo.find(id).orElseThrow();
    }

    /**
     * The SM2 public key verification reports must be signed with: the customer's own, or that of a verifier it
     * names (customer only; audited). Reports signed with any other key are refused.
     */
    public ProjectInfo setVerifierKey(UUID id, String pem, ExpectedVersion version) {
        Access access = records.access(id);
        access.requireCustomer("registering the verifier's key");
        records.open(id, "verifierKey", ExitStatus.PLANNING, ExitStatus.HANDOVER, ExitStatus.VERIFICATION);
        PublicKey key = readKey(pem);
        String fingerprint = Keys.fingerprint(key);
        repo.setVerifierKey(
                id, org.yunjian.crypto.Pem.writePublicKey(key), fingerprint, clock.instant(), version.value());
        events.publishEvent(AuditableEvent.success(
                "exit-project.verifier-key", "exit-project", id, Msg.of("exitproject.audit.verifierKey", fingerprint)));
        work.changed(id);
        return repo.find(id).orElseThrow();
    }

    /** An SM2 public key as pasted or uploaded (PEM), or a 400 on {@code pem} naming why it is none. */
    static PublicKey readKey(String pem) {
        try {
            return Keys.readPublicKey(pem == null ? "" : pem);
        } catch (RuntimeException e) {
            throw invalidKey(e);
        }
    }

    /** A PEM that is no SM2 public key: the toolkit's reason when it gave one. */
    private static FieldErrors.ValidationException invalidKey(RuntimeException e) {
        if (e instanceof ManifestException) {
            return new FieldErrors.ValidationException(
                    "pem", "exitproject.verifierKey.invalidBecause", ToolkitText.of(e));
        }
        return new FieldErrors.ValidationException("pem", "exitproject.verifierKey.invalid");
    }

    /**
     * Adds a signed manifest to the inventory: the file is kept, its header, counts and non-file items are read
     * with {@link ManifestReader}, and it is refused (400 naming the problem) unless its SM2 signature verifies
     * against the provider's registered key.
     */
    public Entry<Manifest> uploadManifest(UUID id, String fileName, InputStream content) {
        Access access = records.access(id);
        access.require(access.mayAddToInventory(), "handing over manifests");
        records.open(id, "inventory", ExitStatus.PLANNING, ExitStatus.HANDOVER);
        ProjectInfo p = repo.find(id).orElseThrow();
        if (p.providerKeyPem() == null) {
            throw new FieldErrors.ValidationException("file", "exitproject.error.providerKeyFirst");
        }
        if (content == null) {
            throw new FieldErrors.ValidationException("file", "exitproject.error.required");
        }
        String name = ProjectRecords.safeName(fileName, "manifest.jsonl");
        Path received = files.receive(id, content);
        boolean kept = false;
        try {
            Manifest m = readManifest(received, name, Keys.readPublicKey(p.providerKeyPem()));
            UUID recordId = UUID.randomUUID();
            Entry<Manifest> e = records.insert(id, recordId, Kind.MANIFEST, m, access);
            files.keep(received, id, recordId);
            kept = true;
            reopen(id, e.recordedAt(), "manifest");
            events.publishEvent(AuditableEvent.success(
                    "exit-project.manifest.upload",
                    "exit-project",
                    id,
                    Msg.of("exitproject.audit.manifestUpload", name, m.files(), m.fileSm3())));
            work.changed(id);
            return e;
        } finally {
            if (!kept) {
                files.discard(received);
            }
        }
    }

    private static Manifest readManifest(Path file, String name, PublicKey key) {
        List<Item> items = new ArrayList<>();
        long sensitive = 0;
        ManifestCheck check;
        try (ManifestReader r = ManifestReader.open(file)) {
            ManifestEntry e;
            while ((e = r.next()) != null) {
                if (e instanceof InventoryItem i) {
                    items.add(new Item(
                            i.category().id(),
                            i.name(),
                            i.description(),
                            i.sensitivity().label(),
                            i.covers()));
                } else if (e instanceof FileEntry f && f.sensitivity() == Sensitivity.SENSITIVE) {
                    sensitive++;
                }
            }
            check = r.result(key);
        } catch (ManifestException e) {
            // the toolkit names the file it read: the received copy, which the user knows by the name uploaded
            throw new FieldErrors.ValidationException(
                    "file",
                    "exitproject.error.notManifest",
                    ToolkitText.of(e, arg -> file.toString().equals(arg) ? name : arg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (check.signature() != SignatureStatus.VALID) {
            throw new FieldErrors.ValidationException(
                    "file",
                    "exitproject.error.manifestSignature",
                    name,
                    Msg.of(check.signature()),
                    ToolkitText.of(check.detail(), arg -> arg));
        }
        try {
            return new Manifest(
                    name,
                    Sm3.digest(file).hex(),
                    Files.size(file),
                    check.header().root(),
                    check.header().algorithm().id(),
                    check.header().created().toString(),
                    check.header().allVersions(),
                    check.files(),
                    check.bytes(),
                    sensitive,
                    check.items(),
                    check.digest(),
                    Keys.fingerprint(key),
                    check.signature().name(),
                    items,
                    ManifestReader.fileDigests(file).signatureSm3());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A non-file inventory item (program code, other data, documents, decryption method, key custody, tools). */
    public Entry<Item> addItem(UUID id, Item in) {
        Access access = records.access(id);
        access.require(access.mayAddToInventory(), "adding inventory items");
        records.open(id, "inventory", ExitStatus.PLANNING, ExitStatus.HANDOVER);
        FieldErrors errors = new FieldErrors();
        String category = null;
        try {
            category = InventoryItem.Category.parse(in.category()).id();
        } catch (IllegalArgumentException e) {
            errors.add("category", "exitproject.error.category");
        }
        String sensitivity = null;
        try {
            sensitivity = Sensitivity.parse(in.sensitivity()).label();
        } catch (IllegalArgumentException e) {
            errors.add("sensitivity", "exitproject.error.sensitivity");
        }
        records.required(errors, "name", in.name(), 200);
        records.optional(errors, "description", in.description(), 4000);
        records.optional(errors, "covers", in.covers(), 400);
        errors.throwIfAny();
        Entry<Item> e = records.insert(
                id,
                UUID.randomUUID(),
                Kind.ITEM,
                new Item(
                        category,
                        in.name().strip(),
                        FieldValues.stripped(in.description()),
                        sensitivity,
                        FieldValues.stripped(in.covers())),
                access);
        reopen(id, e.recordedAt(), "item");
        events.publishEvent(AuditableEvent.success(
                "exit-project.item.add",
                "exit-project",
                id,
                Msg.of(
                        "exitproject.audit.itemAdd",
                        Msg.of("exitproject.category." + category),
                        e.data().name())));
        work.changed(id);
        return e;
    }

    /** The customer's review and approval of the inventory (JR/T 8.1.3); any later change reopens it. */
    public ProjectInfo approveInventory(UUID id, ExpectedVersion version) {
        Access access = records.access(id);
        access.requireCustomer("approving the hand-over inventory");
        records.open(id, "inventory", ExitStatus.PLANNING, ExitStatus.HANDOVER);
        ProjectView v = records.view(access);
        if (v.manifests().isEmpty() && v.items().isEmpty()) {
            throw new ConflictException("exit-precondition", "exitproject.conflict.inventoryEmpty");
        }
        repo.approveInventory(id, access.user().username(), clock.instant(), version.value());
        events.publishEvent(AuditableEvent.success(
                "exit-project.inventory.approve",
                "exit-project",
                id,
                Msg.of(
                        "exitproject.audit.inventoryApprove",
                        v.manifests().size(),
                        v.items().size())));
        work.changed(id);
        return repo.find(id).orElseThrow();
    }

    /** Reopens an approved inventory after a change; {@code why}: {@code providerKey}, {@code manifest}, {@code item}. */
    private void reopen(UUID id, Instant now, String why) {
        if (repo.reopenInventory(id, now)) {
            events.publishEvent(AuditableEvent.success(
                    "exit-project.inventory.reopen", "exit-project", id, Msg.of("exitproject.audit.reopen." + why)));
        }
    }
}
