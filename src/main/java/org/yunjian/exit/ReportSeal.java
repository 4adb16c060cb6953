package org.yunjian.exit;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yunjian.crypto.Sm2;
import org.yunjian.crypto.Sm3;
import org.yunjian.exit.DeletionCertificate.Invalid;
import org.yunjian.exit.DeletionCertificate.Invalid.Reason;

/**
 * The SM2-signed seal of an approved assessment report's revision (issue 34, docs/modules/report.md): the
 * {@link CanonicalJson canonical} serialisation of
 * <pre>{"format":"yunjian-report-seal","seal":{…},"signature":{…},"version":1}</pre>
 * and one line feed, signed like the deletion certificate ({@code SM3withSM2} over the canonical form without
 * {@code signature}, with the platform's key). The {@code seal} names the report number, the revision, the
 * assessment and the system, each file (name, format, SM3, size), the 测评人 / 审核人 / 批准人 with their dates
 * and the approval time. Spring-free: the platform signs with it, {@code yunjian report verify} checks with it.
 */
public final class ReportSeal {

    public static final String FORMAT = "yunjian-report-seal";
    public static final long VERSION = 1;

    private ReportSeal() {}

    static final SignedJson.Form FORM =
            new SignedJson.Form(FORMAT, VERSION, "seal", "report.seal", ReportSeal::envelope);

    /** The seal file for {@code content} (the {@code seal} object), signed with the platform's key pair. */
    public static byte[] sign(Map<String, Object> content, PrivateKey key, PublicKey publicKey) {
        Objects.requireNonNull(content, "content");
        byte[] file = SignedJson.sign(FORM, content, key, publicKey);
        verify(file, publicKey);
        return file;
    }

    /**
     * Checks a seal file against the platform's public key: only its own canonical form with a good signature by
     * that key passes.
     *
     * @throws Invalid naming the first problem found
     */
    @SuppressWarnings("unchecked")
    public static Sealed verify(byte[] file, PublicKey key) {
        SignedJson.Read read = SignedJson.read(FORM, file);
        read.check(key);
        return new Sealed((Map<String, Object>) read.body(), Keys.fingerprint(key), read.sm3());
    }

    /** A seal is the four members; a problem with the document or with the signature's form is named as such. */
    private static void envelope(SignedJson.Form form, Map<String, Object> doc) {
        if (!FORMAT.equals(doc.get("format"))
                || !Long.valueOf(VERSION).equals(doc.get("version"))
                || !(doc.get(form.body()) instanceof Map<?, ?>)
                || doc.size() != 4) {
            throw new Invalid(Reason.MALFORMED, "report.seal.notSeal", FORMAT);
        }
        if (!(doc.get("signature") instanceof Map<?, ?> sig)
                || sig.size() != 4
                || !Sm2.ALGORITHM.equals(sig.get("algorithm"))
                || !Sm2.DEFAULT_USER_ID.equals(sig.get("userId"))) {
            throw new Invalid(Reason.UNKNOWN_ALGORITHM, "report.seal.signatureForm", Sm2.ALGORITHM);
        }
    }

    /** A seal that verified: its {@code seal} object, the signer's fingerprint and the SM3 of the seal file. */
    public record Sealed(Map<String, Object> content, String signer, String sm3) {

        /**
         * The file of the seal that {@code file} is, byte for byte (SM3 and size).
         *
         * @throws Invalid naming what differs: no file of this seal has that SM3 (changed, or another revision)
         */
        public Map<?, ?> fileOf(byte[] file) {
            String sm3 = Sm3.hex(file);
            for (Object o : files()) {
                if (o instanceof Map<?, ?> f
                        && sm3.equals(f.get("sm3"))
                        && Long.valueOf(file.length).equals(f.get("size"))) {
                    return f;
                }
            }
            throw new Invalid(
                    Reason.BAD_SIGNATURE,
                    "report.seal.fileNotSealed",
                    sm3,
                    String.valueOf(content.get("reportNumber")),
                    String.valueOf(content.get("revision")));
        }

        public List<?> files() {
            return content.get("files") instanceof List<?> l ? l : List.of();
        }

        /**
         * One line: report number, revision, system, approval time (Beijing, to the minute), the file. A report issued
         * rather than approved (the monthly 安全运行报告: {@code issuer}, {@code issuedAt}) says so.
         */
        public ExitText summary(Map<?, ?> file) {
            Map<?, ?> system = content.get("system") instanceof Map<?, ?> m ? m : Map.of();
            boolean issued = content.get("issuer") instanceof Map<?, ?>;
            Map<?, ?> approver = content.get(issued ? "issuer" : "approver") instanceof Map<?, ?> m ? m : Map.of();
            return new ExitText(
                    issued ? "report.seal.summaryIssued" : "report.seal.summary",
                    String.valueOf(content.get("reportNumber")),
                    String.valueOf(content.get("revision")),
                    String.valueOf(system.get("name")),
                    beijingMinute(content.get(issued ? "issuedAt" : "approvedAt")),
                    String.valueOf(approver.get("name")),
                    String.valueOf(file.get("name")),
                    String.valueOf(file.get("sm3")),
                    sm3);
        }

        private static String beijingMinute(Object instant) {
            try {
                return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .format(java.time.Instant.parse(String.valueOf(instant))
                                .atZone(java.time.ZoneId.of("Asia/Shanghai")));
            } catch (java.time.format.DateTimeParseException e) {
                return String.valueOf(instant);
            }
        }
    }
}
