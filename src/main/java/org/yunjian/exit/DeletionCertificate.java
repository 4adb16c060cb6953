package org.yunjian.exit;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yunjian.crypto.Sm2;
import org.yunjian.exit.internal.JsonRecords;

/**
 * The SM2-signed deletion certificate (docs/deletion-certificate.md), one type from the platform that issues it to
 * the offline check: the components are the members of its {@code certificate} object, each typed, and the file is
 * the {@link CanonicalJson canonical} serialisation of
 * <pre>{"certificate":{…},"format":"yunjian-deletion-certificate","signature":{…},"version":1}</pre>
 * followed by one line feed. The signature ({@code SM3withSM2}, user ID {@value Sm2#DEFAULT_USER_ID}) covers
 * the UTF-8 bytes of the canonical serialisation of the same object without its {@code signature} member
 * ({@link SignedJson}).
 *
 * <p>{@link #verify} accepts only a file that is byte for byte its own canonical form, so every changed byte is
 * noticed — also one that would not change the parsed value (whitespace, the unused bits of base64). The bytes are
 * checked as signed, then read into this type; a member this version does not know is ignored, one it knows with a
 * value of another kind makes the certificate malformed. The evidence records are quoted as the platform stored
 * them; the provider's countersigned deletion record is carried as the document it signed. Spring-free: the
 * platform signs with it, {@code yunjian exit verify-certificate} checks with it.
 *
 * @param id                 the certificate's UUID
 * @param number             its human number ({@code YJ-DEL-2026-000001}); none on certificates issued before numbers
 * @param title              the title in Chinese and English
 * @param issuedAt           ISO-8601 instant
 * @param standards          the clauses it attests, cited in Chinese
 * @param checklist          the GB/T 31167 9.1 checklist
 * @param countersignature   the provider's countersignature of the deletion record; none on older certificates
 */
public record DeletionCertificate(
        String id,
        String number,
        String title,
        String issuedAt,
        Issuer issuer,
        Project project,
        SystemFacts system,
        Parties parties,
        List<String> standards,
        String scope,
        List<ChecklistLine> checklist,
        InventoryApproval inventoryApproval,
        List<Manifest> manifests,
        List<Item> inventoryItems,
        List<VerificationRun> verificationRuns,
        Authorisation authorisation,
        DeletionPlan deletionPlan,
        Deletion deletion,
        List<Sanitisation> sanitisations,
        List<DeviceDisposal> deviceDisposals,
        List<StorageCheck> storageChecks,
        Countersignature countersignature) {

    public static final String FORMAT = "yunjian-deletion-certificate";
    public static final long VERSION = 1;

    /** The body member: what the signed file calls the certificate. */
    static final SignedJson.Form FORM =
            new SignedJson.Form(FORMAT, VERSION, "certificate", "exit.cert", DeletionCertificate::envelope);

    public DeletionCertificate {
        standards = list(standards);
        checklist = list(checklist);
        manifests = list(manifests);
        inventoryItems = list(inventoryItems);
        verificationRuns = list(verificationRuns);
        sanitisations = list(sanitisations);
        deviceDisposals = list(deviceDisposals);
        storageChecks = list(storageChecks);
    }

    /** The {@code certificate} object as {@link CanonicalJson} writes it. */
    public Map<String, Object> json() {
        return JsonRecords.members(this);
    }

    /**
     * The certificate {@code json} (a {@code certificate} object) is; members it does not declare are ignored.
     *
     * @throws InvalidInputException when a member has a value of another kind
     */
    public static DeletionCertificate fromJson(Map<?, ?> json) {
        return JsonRecords.read(DeletionCertificate.class, json, false);
    }

    /**
     * An evidence record quoted as the platform stores it ({@code stored}: its data with {@code recordId},
     * {@code recordedBy} and {@code recordedAt}) as the entry {@code type} of the certificate.
     *
     * @throws InvalidInputException when it has a member the entry does not declare: it would not be attested
     */
    public static <R extends Record> R quote(Class<R> type, Map<String, Object> stored) {
        return JsonRecords.read(type, stored, true);
    }

    /** The certificate file, signed with {@code key} (an SM2 private key) and checked with {@code publicKey}. */
    public byte[] sign(PrivateKey key, PublicKey publicKey) {
        byte[] file = SignedJson.sign(FORM, json(), key, publicKey);
        verify(file, publicKey);
        return file;
    }

    /**
     * Checks a certificate file against the platform's public key and reads it.
     *
     * @return the certificate and facts about it
     * @throws Invalid naming the first problem found
     */
    public static Verified verify(byte[] file, PublicKey key) {
        SignedJson.Read read = SignedJson.read(FORM, file);
        boolean platform = read.verified(key);
        // both signatures are checked, so the answer says which one fails
        Object counter = read.body().get("countersignature");
        ExitText provider = counter == null
                ? null
                : counter instanceof Map<?, ?> c ? DeletionRecord.check(c) : new ExitText("exit.cert.counter.noRecord");
        if (!platform) {
            throw provider == null
                    ? new Invalid(Invalid.Reason.BAD_SIGNATURE, "exit.cert.badSignature")
                    : new Invalid(Invalid.Reason.BAD_SIGNATURE, "exit.cert.bothBad", provider);
        }
        if (provider != null) {
            throw new Invalid(Invalid.Reason.BAD_COUNTERSIGNATURE, "exit.cert.badCountersignature", provider);
        }
        return new Verified(typed(read.body()), read.signature().signer(), read.sm3());
    }

    /**
     * A stored certificate file's certificate and signature, read without checking the signature (the platform
     * renders its own certificates; {@link #verify} is the check).
     *
     * @throws IllegalArgumentException when {@code document} is not a certificate
     */
    public static Signed read(String document) {
        Map<String, Object> doc = CanonicalJson.parseObject(document);
        if (!(doc.get(FORM.body()) instanceof Map<?, ?> body)) {
            throw new InvalidInputException("exit.cert.noContent");
        }
        return new Signed(fromJson(body), JsonRecords.read(SignedJson.Signature.class, doc.get("signature"), false));
    }

    /** The certificate's members, each problem named on its own. */
    private static void envelope(SignedJson.Form form, Map<String, Object> doc) {
        if (!FORMAT.equals(doc.get("format"))) {
            throw new Invalid(Invalid.Reason.MALFORMED, "exit.cert.format", FORMAT);
        }
        if (!Long.valueOf(VERSION).equals(doc.get("version"))) {
            throw new Invalid(
                    Invalid.Reason.MALFORMED, "exit.cert.version", String.valueOf(doc.get("version")), VERSION);
        }
        if (!(doc.get(form.body()) instanceof Map<?, ?>)) {
            throw new Invalid(Invalid.Reason.MALFORMED, "exit.cert.noContent");
        }
        if (!(doc.get("signature") instanceof Map<?, ?> sig)) {
            throw new Invalid(Invalid.Reason.MALFORMED, "exit.cert.unsigned");
        }
        if (doc.size() != 4 || sig.size() != 4) {
            throw new Invalid(Invalid.Reason.MALFORMED, "exit.cert.members");
        }
        Object algorithm = sig.get("algorithm");
        if (!Sm2.ALGORITHM.equals(algorithm)) {
            throw new Invalid(
                    Invalid.Reason.UNKNOWN_ALGORITHM, "exit.cert.algorithm", String.valueOf(algorithm), Sm2.ALGORITHM);
        }
        if (!Sm2.DEFAULT_USER_ID.equals(sig.get("userId"))) {
            throw new Invalid(Invalid.Reason.UNKNOWN_ALGORITHM, "exit.cert.userId", String.valueOf(sig.get("userId")));
        }
    }

    private static DeletionCertificate typed(Map<?, ?> body) {
        try {
            return fromJson(body);
        } catch (IllegalArgumentException e) {
            throw new Invalid(Invalid.Reason.MALFORMED, ExitText.of(e));
        }
    }

    /** The number people read: the human number, else (older certificates) the id. */
    public String displayNumber() {
        return number == null ? id : number;
    }

    /** A certificate with another countersignature (the platform signs none that does not hold). */
    public DeletionCertificate withCountersignature(Countersignature other) {
        return new DeletionCertificate(
                id,
                number,
                title,
                issuedAt,
                issuer,
                project,
                system,
                parties,
                standards,
                scope,
                checklist,
                inventoryApproval,
                manifests,
                inventoryItems,
                verificationRuns,
                authorisation,
                deletionPlan,
                deletion,
                sanitisations,
                deviceDisposals,
                storageChecks,
                other);
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    /** An organisation as the certificate names it: id, name and unified social credit code. */
    public record Organization(String id, String name, String creditCode) {}

    /**
     * Who issued the certificate: the user name, and their organisation — none ({@code "platform"} in the file)
     * for a platform account.
     */
    public record Issuer(String name, Organization organization) implements JsonRecords.Form {

        static final String PLATFORM = "platform";

        @Override
        public Object json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("organization", organization == null ? PLATFORM : JsonRecords.members(organization));
            return m;
        }

        public static Issuer fromJson(Object json) {
            if (!(json instanceof Map<?, ?> m)) {
                throw new InvalidInputException("exit.json.wrongKind", "issuer");
            }
            Object org = m.get("organization");
            return new Issuer(
                    m.get("name") instanceof String s ? s : null,
                    org instanceof Map<?, ?> o ? JsonRecords.read(Organization.class, o, false) : null);
        }
    }

    public record Project(String id, String name) {}

    /** The cloud system: codes of its deployment and service model, its 等保 protection level. */
    public record SystemFacts(
            String id, String name, String deploymentModel, String serviceModel, Integer protectionLevel) {}

    /** An agent party with its role's code. */
    public record Agent(String id, String name, String creditCode, String role) {}

    public record Parties(Organization customer, Organization provider, List<Agent> agents) {
        public Parties {
            agents = list(agents);
        }
    }

    /**
     * One GB/T 31167 9.1 checklist item: {@code item} the clause as signed ({@code GB/T 31167 9.1 1.}, or the item's
     * key), {@code requirement} the catalog item, {@code status} a checklist status code.
     */
    public record ChecklistLine(String item, String requirement, String status, String note, String by, String at) {}

    /** The customer's approval of the hand-over inventory and the provider key it was signed with. */
    public record InventoryApproval(String approvedBy, String approvedAt, String providerKey) {}

    /** A signed hand-over manifest as uploaded; {@code signature} a signature status code. */
    public record Manifest(
            String fileName,
            String fileSm3,
            Long fileSize,
            String root,
            String algorithm,
            String created,
            Boolean allVersions,
            Long files,
            Long bytes,
            Long sensitiveFiles,
            Long itemCount,
            String signedDigest,
            String signer,
            String signature,
            List<Item> items,
            String signatureSm3,
            String recordId,
            String recordedBy,
            String recordedAt) {
        public Manifest {
            items = list(items);
        }
    }

    /**
     * A non-file inventory item; in a manifest's {@code items} without the record's id, author and time.
     * {@code category} a hand-over category id, {@code sensitivity} the manifest's label.
     */
    public record Item(
            String category,
            String name,
            String description,
            String sensitivity,
            String covers,
            String recordId,
            String recordedBy,
            String recordedAt) {}

    /** The outcome of one {@code yunjian exit verify --json} run, as reported; {@code totals} by {@link Totals#NAMES}. */
    public record VerificationRun(
            String fileName,
            String reportSm3,
            String target,
            String algorithm,
            String signature,
            String signatureDetail,
            Boolean clean,
            Boolean interrupted,
            Map<String, Long> totals,
            Long findings,
            String note,
            String manifestSm3,
            String manifestSignatureSm3,
            String tool,
            String verifier,
            String recordId,
            String recordedBy,
            String recordedAt) {

        /** The counts (one the record lacks is 0). */
        public Totals counts() {
            return Totals.of(n -> totals == null ? 0 : totals.getOrDefault(n, 0L));
        }
    }

    /** The customer's written deletion authorisation; dates as ISO-8601 days. */
    public record Authorisation(
            String signatory,
            String reference,
            String scope,
            String authorisedOn,
            String retainUntil,
            String recordId,
            String recordedBy,
            String recordedAt) {}

    public record DeletionPlan(
            String scope,
            String method,
            String backups,
            String plannedOn,
            String note,
            String recordId,
            String recordedBy,
            String recordedAt) {}

    /** The provider's record of the deletion; {@code buckets} the object-storage locations it covered. */
    public record Deletion(
            String deletedOn,
            String scope,
            String method,
            String backups,
            String operator,
            String witness,
            String result,
            List<String> buckets,
            String recordId,
            String recordedBy,
            String recordedAt) {
        public Deletion {
            buckets = list(buckets);
        }
    }

    /** Sanitisation of one storage medium; {@code method} and {@code nextUse} codes. */
    public record Sanitisation(
            String mediumId,
            String mediumType,
            Boolean heldSensitive,
            String method,
            String nextUse,
            String operator,
            String witness,
            String date,
            String result,
            String recordId,
            String recordedBy,
            String recordedAt) {}

    /** Migration, reuse or disposal of one private-cloud device; {@code action} a disposal action code. */
    public record DeviceDisposal(
            String deviceId,
            String deviceType,
            String location,
            String state,
            String action,
            String sanitisation,
            String participants,
            String residualCheck,
            String date,
            String recordId,
            String recordedBy,
            String recordedAt) {}

    /**
     * One {@code yunjian exit check-deleted --json} run; {@code totals} holds {@code current}, {@code nonCurrent},
     * {@code deleteMarkers}, {@code multipartUploads} and {@code bytes}.
     */
    public record StorageCheck(
            String fileName,
            String reportSm3,
            String target,
            String bucket,
            String prefix,
            String checkedAt,
            Boolean empty,
            Map<String, Long> totals,
            Long remaining,
            String note,
            String recordId,
            String recordedBy,
            String recordedAt) {

        /** {@code s3://bucket/prefix} as checked. */
        public String location() {
            return "s3://" + bucket + "/" + prefix;
        }

        /** The count named {@code name} of {@code totals}, 0 when the check lacks it. */
        public long count(String name) {
            return totals == null ? 0 : totals.getOrDefault(name, 0L);
        }
    }

    /**
     * The provider's countersignature: the countersigned deletion record ({@link DeletionRecord}) as the document it
     * signed, its SM3, the provider's public key (PEM) with its fingerprint as registered, the signing organisation,
     * who uploaded it when, and the signature (base64 DER).
     */
    public record Countersignature(
            String algorithm,
            String userId,
            String keyFingerprint,
            String publicKey,
            Organization organization,
            String signedBy,
            String signedAt,
            Map<String, Object> record,
            String recordSm3,
            String value) {}

    /** A stored certificate: the certificate and the platform's signature of it. */
    public record Signed(DeletionCertificate certificate, SignedJson.Signature signature) {}

    /**
     * A verified certificate.
     *
     * @param certificate the certificate
     * @param signer      SM3 fingerprint of the signing key
     * @param sm3         SM3 of the whole file, hex
     */
    public record Verified(DeletionCertificate certificate, String signer, String sm3) {

        /**
         * The provider's countersignature in one phrase: its key fingerprint, signer organisation and time, or that
         * the certificate (issued before countersignatures were required) carries none.
         */
        public ExitText countersignature() {
            Countersignature c = certificate.countersignature();
            if (c == null) {
                return new ExitText("exit.cert.counter.none");
            }
            return new ExitText(
                    "exit.cert.counter.valid",
                    String.valueOf(name(c.organization())),
                    beijingMinute(c.signedAt()),
                    String.valueOf(c.keyFingerprint()));
        }

        /** One line: the certificate's id, system, parties, issue time and the counts it attests. */
        public ExitText summary() {
            DeletionCertificate c = certificate;
            Parties parties = c.parties() == null ? new Parties(null, null, null) : c.parties();
            return new ExitText(
                    "exit.cert.summary",
                    String.valueOf(c.displayNumber()),
                    String.valueOf(c.system() == null ? null : c.system().name()),
                    String.valueOf(name(parties.customer())),
                    String.valueOf(name(parties.provider())),
                    beijingMinute(c.issuedAt()),
                    String.valueOf(c.issuer() == null ? null : c.issuer().name()),
                    c.manifests().size(),
                    c.verificationRuns().size(),
                    c.sanitisations().size(),
                    c.storageChecks().size(),
                    sm3);
        }

        /** An ISO instant as {@code 2026-11-23 18:53} in Beijing time; anything else as it is. */
        private static String beijingMinute(String instant) {
            try {
                return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .format(java.time.Instant.parse(String.valueOf(instant))
                                .atZone(java.time.ZoneId.of("Asia/Shanghai")));
            } catch (java.time.format.DateTimeParseException e) {
                return String.valueOf(instant);
            }
        }

        private static String name(Organization o) {
            return o == null ? null : o.name();
        }
    }

    /** Why a signed document does not verify: a stable {@link #reason()}, and the problem in words ({@link #message()}). */
    public static final class Invalid extends RuntimeException {

        public enum Reason {
            MALFORMED,
            UNKNOWN_ALGORITHM,
            WRONG_KEY,
            NOT_CANONICAL,
            BAD_SIGNATURE,
            BAD_COUNTERSIGNATURE
        }

        private final Reason reason;
        private final ExitText message;

        public Invalid(Reason reason, String key, Object... args) {
            this(reason, new ExitText(key, args));
        }

        public Invalid(Reason reason, ExitText message) {
            super(message.key());
            this.reason = reason;
            this.message = message;
        }

        public Reason reason() {
            return reason;
        }

        public ExitText message() {
            return message;
        }

        /** The problem in the CLI's language. */
        @Override
        public String getMessage() {
            return message.text();
        }
    }
}
