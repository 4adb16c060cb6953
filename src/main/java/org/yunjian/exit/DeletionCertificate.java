package org.yunjian.exit;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yunjian.crypto.Sm2;
import org.yunjian.crypto.Sm3;

/**
 * The SM2-signed deletion certificate (docs/deletion-certificate.md). A certificate file is the
 * {@link CanonicalJson canonical} serialisation of
 * <pre>{"certificate":{…},"format":"yunjian-deletion-certificate","signature":{…},"version":1}</pre>
 * followed by one line feed. The signature ({@code SM3withSM2}, user ID {@value Sm2#DEFAULT_USER_ID}) covers
 * the UTF-8 bytes of the canonical serialisation of the same object without its {@code signature} member.
 *
 * <p>{@link #verify} accepts only a file that is byte for byte its own canonical form, so every changed byte is
 * noticed — also one that would not change the parsed value (whitespace, the unused bits of base64). Spring-free:
 * the platform signs with it, {@code yunjian exit verify-certificate} checks with it.
 */
public final class DeletionCertificate {

    public static final String FORMAT = "yunjian-deletion-certificate";
    public static final long VERSION = 1;

    private DeletionCertificate() {
    }

    /** The certificate file for {@code content}, signed with {@code key} (an SM2 private key). */
    public static byte[] sign(Map<String, Object> content, PrivateKey key, PublicKey publicKey) {
        Objects.requireNonNull(content, "content");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("certificate", content);
        doc.put("format", FORMAT);
        doc.put("version", VERSION);
        byte[] file = SignedJson.sign(doc, key, publicKey);
        verify(file, publicKey);
        return file;
    }

    /**
     * Checks a certificate file against the platform's public key.
     *
     * @return the certificate's content and facts about it
     * @throws Invalid naming the first problem found
     */
    @SuppressWarnings("unchecked")
    public static Verified verify(byte[] file, PublicKey key) {
        String text = SignedJson.text(file, "exit.cert.notUtf8");
        Map<String, Object> doc;
        try {
            doc = CanonicalJson.parseObject(text);
        } catch (IllegalArgumentException e) {
            throw new Invalid(Invalid.Reason.MALFORMED, ExitText.of(e));
        }
        if (!FORMAT.equals(doc.get("format"))) {
            throw new Invalid(Invalid.Reason.MALFORMED, "exit.cert.format", FORMAT);
        }
        if (!Long.valueOf(VERSION).equals(doc.get("version"))) {
            throw new Invalid(Invalid.Reason.MALFORMED, "exit.cert.version", String.valueOf(doc.get("version")), VERSION);
        }
        if (!(doc.get("certificate") instanceof Map<?, ?> content)) {
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
            throw new Invalid(Invalid.Reason.UNKNOWN_ALGORITHM, "exit.cert.algorithm", String.valueOf(algorithm),
                    Sm2.ALGORITHM);
        }
        if (!Sm2.DEFAULT_USER_ID.equals(sig.get("userId"))) {
            throw new Invalid(Invalid.Reason.UNKNOWN_ALGORITHM, "exit.cert.userId", String.valueOf(sig.get("userId")));
        }
        boolean platform = SignedJson.verified(doc, text, sig, key, "exit.cert");
        // both signatures are checked, so the answer says which one fails
        Object counter = content.get("countersignature");
        ExitText provider = counter == null ? null
                : counter instanceof Map<?, ?> c ? DeletionRecord.check(c) : new ExitText("exit.cert.counter.noRecord");
        if (!platform) {
            throw provider == null
                    ? new Invalid(Invalid.Reason.BAD_SIGNATURE, "exit.cert.badSignature")
                    : new Invalid(Invalid.Reason.BAD_SIGNATURE, "exit.cert.bothBad", provider);
        }
        if (provider != null) {
            throw new Invalid(Invalid.Reason.BAD_COUNTERSIGNATURE, "exit.cert.badCountersignature", provider);
        }
        return new Verified((Map<String, Object>) content, Keys.fingerprint(key), Sm3.hex(file));
    }

    /**
     * A verified certificate.
     *
     * @param content the {@code certificate} object
     * @param signer  SM3 fingerprint of the signing key
     * @param sm3     SM3 of the whole file, hex
     */
    public record Verified(Map<String, Object> content, String signer, String sm3) {

        /**
         * The provider's countersignature in one phrase: its key fingerprint, signer organisation and time, or that
         * the certificate (issued before countersignatures were required) carries none.
         */
        public ExitText countersignature() {
            if (!(content.get("countersignature") instanceof Map<?, ?> c)) {
                return new ExitText("exit.cert.counter.none");
            }
            return new ExitText("exit.cert.counter.valid", String.valueOf(name(c.get("organization"))),
                    beijingMinute(c.get("signedAt")), String.valueOf(c.get("keyFingerprint")));
        }

        /** One line: the certificate's id, system, parties, issue time and the counts it attests. */
        public ExitText summary() {
            Map<?, ?> system = map(content.get("system"));
            Map<?, ?> parties = map(content.get("parties"));
            Object number = content.get("number") == null ? content.get("id") : content.get("number");
            return new ExitText("exit.cert.summary", String.valueOf(number), String.valueOf(system.get("name")),
                    String.valueOf(name(parties.get("customer"))), String.valueOf(name(parties.get("provider"))),
                    beijingMinute(content.get("issuedAt")), String.valueOf(name(content.get("issuer"))),
                    size(content.get("manifests")), size(content.get("verificationRuns")),
                    size(content.get("sanitisations")), size(content.get("storageChecks")), sm3);
        }

        /** An ISO instant as {@code 2026-11-23 18:53} in Beijing time; anything else as it is. */
        private static String beijingMinute(Object instant) {
            try {
                return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .format(java.time.Instant.parse(String.valueOf(instant)).atZone(java.time.ZoneId.of("Asia/Shanghai")));
            } catch (java.time.format.DateTimeParseException e) {
                return String.valueOf(instant);
            }
        }

        private static Map<?, ?> map(Object o) {
            return o instanceof Map<?, ?> m ? m : Map.of();
        }

        private static Object name(Object o) {
            return o instanceof Map<?, ?> m ? m.get("name") : o;
        }

        private static int size(Object o) {
            return o instanceof List<?> l ? l.size() : 0;
        }
    }

    /** Why a certificate does not verify: a stable {@link #reason()}, and the problem in words ({@link #message()}). */
    public static final class Invalid extends RuntimeException {

        public enum Reason { MALFORMED, UNKNOWN_ALGORITHM, WRONG_KEY, NOT_CANONICAL, BAD_SIGNATURE, BAD_COUNTERSIGNATURE }

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
