package org.yunjian.exitproject.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yunjian.exitproject.ChecklistStatus;
import org.yunjian.exitproject.DisposalAction;
import org.yunjian.exitproject.ExitStatus;
import org.yunjian.exitproject.NextUse;
import org.yunjian.exitproject.SanitisationMethod;

/**
 * Read models of the exit-project module, as stored. The evidence records ({@link Manifest}, {@link Item},
 * {@link Verification}, …) are immutable JSON documents; the certificate quotes them as they are.
 */
public final class Records {

    private Records() {}

    public record ProjectInfo(
            UUID id,
            String name,
            UUID systemId,
            ExitStatus status,
            String providerKeyPem,
            String providerKeyFingerprint,
            String inventoryApprovedBy,
            Instant inventoryApprovedAt,
            Instant inventoryReopenedAt,
            Instant createdAt,
            Instant updatedAt,
            String verifierKeyPem,
            String verifierKeyFingerprint,
            String providerKeyRegisteredBy,
            long version)
            implements org.yunjian.shared.version.Versioned {

        public boolean inventoryApproved() {
            return inventoryApprovedAt != null;
        }
    }

    /**
     * One GB/T 31167 9.1 checklist item ({@code key} a–g, the catalog's {@code requirementId}); {@code version} is
     * what an update of the item names (optimistic locking, independent of the project's).
     */
    public record ChecklistItem(
            String key,
            int position,
            String requirementId,
            ChecklistStatus status,
            String note,
            String updatedBy,
            Instant updatedAt,
            long version)
            implements org.yunjian.shared.version.Versioned {}

    /** The kinds of evidence records. */
    public enum Kind {
        MANIFEST(Manifest.class),
        ITEM(Item.class),
        VERIFICATION(Verification.class),
        AUTHORISATION(Authorisation.class),
        DELETION_PLAN(DeletionPlan.class),
        DELETION(Deletion.class),
        SANITISATION(Sanitisation.class),
        DISPOSAL(Disposal.class),
        STORAGE_CHECK(StorageCheck.class),
        COUNTERSIGN_KEY(CountersignKey.class),
        COUNTERSIGNATURE(Countersignature.class);

        private final Class<?> type;

        Kind(Class<?> type) {
            this.type = type;
        }

        public Class<?> type() {
            return type;
        }
    }

    /** An evidence record with who recorded it and when. */
    public record Entry<T>(UUID id, Kind kind, T data, String recordedBy, UUID recordedOrg, Instant recordedAt) {}

    /** A signed hand-over manifest as uploaded: the file's facts and what its header and trailer state. */
    public record Manifest(
            String fileName,
            String fileSm3,
            long fileSize,
            String root,
            String algorithm,
            String created,
            boolean allVersions,
            long files,
            long bytes,
            long sensitiveFiles,
            long itemCount,
            String signedDigest,
            String signer,
            String signature,
            List<Item> items,
            String signatureSm3) {
        public Manifest {
            items = List.copyOf(items);
        }
    }

    /**
     * A non-file inventory item (GB/T 31167 9.2 2.–4., and for 9.2 1. the decryption method, key custody and
     * conversion tool) — {@code category} is an {@link org.yunjian.exit.InventoryItem.Category} id.
     */
    public record Item(String category, String name, String description, String sensitivity, String covers) {

        /** The bundle key of the sensitivity's display name ({@code exitproject.sensitivity.SENSITIVE}). */
        public String sensitivityKey() {
            try {
                return "exitproject.sensitivity."
                        + org.yunjian.exit.Sensitivity.parse(sensitivity).name();
            } catch (IllegalArgumentException unknown) {
                return "exitproject.sensitivity.SENSITIVE"; // the manifest reader admits only the two labels
            }
        }
    }

    /** The outcome of one {@code yunjian exit verify --json} run, as reported. */
    public record Verification(
            String fileName,
            String reportSm3,
            String target,
            String algorithm,
            String signature,
            String signatureDetail,
            boolean clean,
            boolean interrupted,
            Map<String, Long> totals,
            long findings,
            String note,
            String manifestSm3,
            String manifestSignatureSm3,
            String tool,
            String verifier) {
        public Verification {
            totals = Map.copyOf(totals);
        }

        /** The stored counts as {@link org.yunjian.exit.Totals} (a count the record lacks is 0). */
        public org.yunjian.exit.Totals counts() {
            return org.yunjian.exit.Totals.of(n -> totals.getOrDefault(n, 0L));
        }
    }

    /**
     * The outcome of one {@code yunjian exit check-deleted --json} run over an object-storage bucket or prefix, as
     * reported: {@code totals} holds {@code current}, {@code nonCurrent}, {@code deleteMarkers},
     * {@code multipartUploads} and {@code bytes}; {@code remaining} is the number of items listed as still there;
     * {@code checkedAt} is the ISO-8601 instant the listing started, as the report gives it.
     */
    public record StorageCheck(
            String fileName,
            String reportSm3,
            String target,
            String bucket,
            String prefix,
            String checkedAt,
            boolean empty,
            Map<String, Long> totals,
            long remaining,
            String note) {
        public StorageCheck {
            totals = Map.copyOf(totals);
        }

        /** {@code s3://bucket/prefix} as checked (the prefix normalised to end in '/'). */
        public String location() {
            return "s3://" + bucket + "/" + prefix;
        }

        public Instant checkedInstant() {
            return Instant.parse(checkedAt);
        }

        /** Whether this check's listing covers everything under {@code other}'s bucket and prefix. */
        public boolean covers(StorageCheck other) {
            return bucket.equals(other.bucket) && other.prefix.startsWith(prefix);
        }
    }

    /** The customer's written deletion authorisation (GB/T 31167 9.4 1., 2.). */
    public record Authorisation(
            String signatory, String reference, String scope, LocalDate authorisedOn, LocalDate retainUntil) {}

    /** The provider's deletion plan. */
    public record DeletionPlan(String scope, String method, String backups, LocalDate plannedOn, String note) {}

    /**
     * The provider's record of the deletion of the data and all backups. {@code buckets}: the object-storage
     * buckets (or {@code s3://bucket/prefix/} locations) the deletion covered, one check each before the certificate
     * ({@link BucketScope}); none on records made before the list existed.
     */
    public record Deletion(
            LocalDate deletedOn,
            String scope,
            String method,
            String backups,
            String operator,
            String witness,
            String result,
            List<String> buckets) {
        public Deletion {
            buckets = buckets == null ? List.of() : List.copyOf(buckets);
        }
    }

    /**
     * The provider's SM2 public key that countersigns the deletion record, registered on the project (the latest
     * registration counts; an earlier one stays in the record as history).
     */
    public record CountersignKey(String pem, String fingerprint) {}

    /**
     * The provider's countersignature of the deletion record: the SM3 of the record file it signed, the key's
     * fingerprint and the signature (base64 DER). Void once the record or the registered key changes.
     */
    public record Countersignature(String recordSm3, String keyFingerprint, String value) {}

    /** Sanitisation of one storage medium (GB/T 31167 9.4 3.). */
    public record Sanitisation(
            String mediumId,
            String mediumType,
            boolean heldSensitive,
            SanitisationMethod method,
            NextUse nextUse,
            String operator,
            String witness,
            LocalDate date,
            String result) {}

    /** Migration, reuse or disposal of one private-cloud device (JR/T 8.2.2). */
    public record Disposal(
            String deviceId,
            String deviceType,
            String location,
            String state,
            DisposalAction action,
            String sanitisation,
            String participants,
            String residualCheck,
            LocalDate date) {}

    /**
     * An issued deletion certificate: its human number ({@code YJ-DEL-2026-000001}; none on certificates issued
     * before numbers existed), the signed JSON file as shipped and its SM3.
     */
    public record CertificateInfo(
            UUID projectId,
            UUID certificateId,
            String number,
            String issuedBy,
            Instant issuedAt,
            String document,
            String sm3) {

        /** The number people read: the human number, else (older certificates) the id. */
        public String displayNumber() {
            return number == null ? certificateId.toString() : number;
        }
    }
}
