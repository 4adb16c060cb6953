package org.yunjian.vault.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yunjian.crypto.DecryptionFailedException;
import org.yunjian.crypto.Sm3;
import org.yunjian.crypto.Sm3Digest;
import org.yunjian.crypto.Sm4Gcm;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import org.yunjian.vault.BlobStore;
import org.yunjian.vault.ContentTypes;
import org.yunjian.vault.Vault;
import org.yunjian.vault.VaultKeys;
import org.yunjian.vault.VaultProperties;

/** {@link Vault} on the blob store, the master key and the content checks. */
@Component
class SealedVault implements Vault {

    private static final Logger log = LoggerFactory.getLogger(SealedVault.class);

    private final BlobStore store;
    private final VaultKeys keys;
    private final VaultProperties properties;

    SealedVault(BlobStore store, VaultKeys keys, VaultProperties properties) {
        this.store = store;
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public Sealed seal(String field, String originalName, byte[] content) {
        long max = properties.evidenceMaxSize().toBytes();
        if (content == null || content.length == 0) {
            throw new ValidationException(field, "vault.error.empty");
        }
        if (content.length > max) {
            throw new ValidationException(
                    field, "vault.error.tooLarge", Formats.size(content.length), Formats.size(max));
        }
        StringBuilder rejected = new StringBuilder();
        Optional<String> type = ContentTypes.accept(content, rejected);
        if (type.isEmpty()) {
            throw new ValidationException(field, "vault.error.type", ContentTypes.refusedName(rejected.toString()));
        }
        return sealAs(originalName, content, type.get());
    }

    @Override
    public Sealed sealChecked(String field, String originalName, byte[] content, String checkedType) {
        if (!"application/json".equals(checkedType) && !"application/xml".equals(checkedType)) {
            throw new IllegalArgumentException(checkedType);
        }
        long max = properties.evidenceMaxSize().toBytes();
        if (content == null || content.length == 0) {
            throw new ValidationException(field, "vault.error.empty");
        }
        if (content.length > max) {
            throw new ValidationException(
                    field, "vault.error.tooLarge", Formats.size(content.length), Formats.size(max));
        }
        return sealAs(originalName, content, checkedType);
    }

    private Sealed sealAs(String originalName, byte[] content, String type) {
        UUID id = UUID.randomUUID();
        byte[] fileKey = Sm4Gcm.generateKey();
        byte[] sealed = Sm4Gcm.encrypt(fileKey, content, VaultKeys.aad(id));
        String blob = HexFormat.of()
                        .formatHex(Sm3.digest(id.toString() + System.nanoTime()).bytes(), 0, 16) + ".sm4";
        try {
            store.put(blob, sealed);
        } catch (IOException e) {
            throw new Unreadable(Msg.of("vault.error.notStored"), e);
        }
        afterCompletion(blob, false);
        String wrapped = keys.wrap(id, fileKey);
        java.util.Arrays.fill(fileKey, (byte) 0);
        return new Sealed(
                id,
                Text.fileName(originalName, "evidence"),
                type,
                content.length,
                Sm3.digest(content).hex(),
                blob,
                wrapped);
    }

    @Override
    public byte[] open(Sealed s) {
        byte[] content;
        try {
            byte[] fileKey = keys.unwrap(s.id(), s.wrappedKey());
            content = Sm4Gcm.decrypt(fileKey, store.get(s.blob()), VaultKeys.aad(s.id()));
            java.util.Arrays.fill(fileKey, (byte) 0);
        } catch (DecryptionFailedException e) {
            log.error("Evidence {} failed its integrity check: decryption", s.id());
            throw new Unreadable(Msg.of("vault.error.altered", s.displayName(), s.sm3()), e);
        } catch (IOException e) {
            throw new Unreadable(Msg.of("vault.error.missing", s.displayName()), e);
        }
        if (!MessageDigest.isEqual(
                Sm3.digest(content).bytes(), Sm3Digest.of(s.sm3()).bytes())) {
            log.error("Evidence {} failed its integrity check: sm3", s.id());
            throw new Unreadable(Msg.of("vault.error.altered", s.displayName(), s.sm3()), null);
        }
        return content;
    }

    @Override
    public void discardAfterCommit(Sealed s) {
        afterCompletion(s.blob(), true);
    }

    /** Removes the blob after the transaction: on commit when discarding, on rollback when just written. */
    private void afterCompletion(String blob, boolean onCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            if (onCommit) {
                delete(blob);
            }
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if ((status == STATUS_COMMITTED) == onCommit) {
                    delete(blob);
                }
            }
        });
    }

    private void delete(String blob) {
        try {
            store.delete(blob);
        } catch (IOException e) {
            log.warn("Evidence blob {} could not be removed", blob);
        }
    }
}
