package org.yunjian.exit;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yunjian.crypto.Sm2;
import org.yunjian.crypto.Verifier;

/**
 * The JSON contract of {@code yunjian exit verify --json} — the one type the CLI writes and the platform reads
 * (docs/exit-manifest.md). A report file is the {@link CanonicalJson canonical} serialisation of
 * <pre>{"format":"yunjian-verification-report","report":{…},"signature":{…},"version":1}</pre>
 * followed by one line feed; the {@code report} names the manifest it verified (SM3 of the manifest file and of
 * its signature), the tool and version, the verdict, the totals and every finding. The {@code signature}
 * ({@code SM3withSM2}, user ID {@value Sm2#DEFAULT_USER_ID}) is the verifying party's and covers the canonical
 * serialisation of the same object without its {@code signature} member; an unsigned report has none.
 *
 * <p>{@link #read} is strict: only the canonical bytes, the exact members, a verdict that agrees with the findings
 * (a {@code clean} report has no finding, no difference, a valid manifest signature and was not interrupted) and
 * only the canonical base64 spelling of the signature; anything else is {@link Invalid} naming the problem.
 *
 * @param manifestSm3          SM3 (hex) of the manifest file verified, null for a hash list
 * @param manifestSignatureSm3 SM3 (hex) of the manifest's signature bytes, null if it had none
 * @param tool                 the tool and its version
 * @param target               what was verified
 * @param algorithm            the checksum algorithm id
 * @param manifestSignature    the manifest signature's status
 * @param signatureDetail      why, as a stable code ({@link ManifestCheck#code}; an English sentence in reports of
 *                             older versions), may be null
 * @param clean                the verdict
 * @param interrupted          whether the run stopped early
 * @param totals               counts
 * @param findings             every difference
 */
public record SignedVerificationReport(
        String manifestSm3,
        String manifestSignatureSm3,
        String tool,
        String target,
        String algorithm,
        SignatureStatus manifestSignature,
        String signatureDetail,
        boolean clean,
        boolean interrupted,
        Totals totals,
        List<Finding> findings) {

    public static final String FORMAT = "yunjian-verification-report";
    public static final long VERSION = 1;
    public static final String TOOL = ManifestHeader.TOOL;

    public SignedVerificationReport {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(manifestSignature, "manifestSignature");
        Objects.requireNonNull(totals, "totals");
        findings = List.copyOf(findings);
    }

    /** The report of a finished run against the manifest with these digests. */
    public static SignedVerificationReport of(VerificationReport r, ManifestReader.FileDigests manifest) {
        return new SignedVerificationReport(
                manifest == null ? null : manifest.fileSm3(),
                manifest == null ? null : manifest.signatureSm3(),
                TOOL,
                r.target(),
                r.algorithm().id(),
                r.signature(),
                ManifestCheck.code(r.signatureDetail()),
                r.clean(),
                r.interrupted(),
                r.totals(),
                r.findings());
    }

    /** Whether the verdict agrees with what the report lists: a clean report has nothing wrong in it. */
    public boolean verdictAgreesWithFindings() {
        boolean nothingWrong = !interrupted
                && findings.isEmpty()
                && totals.differences() == 0
                && (manifestSignature == SignatureStatus.VALID || manifestSignature == SignatureStatus.NOT_APPLICABLE);
        return !clean || nothingWrong;
    }

    /** The report file, unsigned. */
    public byte[] write() {
        return (CanonicalJson.write(document()) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The report file signed with the verifying party's SM2 key. */
    @SuppressWarnings("unchecked")
    public byte[] sign(PrivateKey key, PublicKey publicKey) {
        return SignedJson.sign(FORM, (Map<String, Object>) document().get(FORM.body()), key, publicKey);
    }

    private Map<String, Object> document() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("sm3", manifestSm3);
        manifest.put("signatureSm3", manifestSignatureSm3);
        m.put("manifest", manifest);
        m.put("tool", tool);
        m.put("target", target);
        m.put("algorithm", algorithm);
        m.put("signature", manifestSignature.name());
        m.put("signatureDetail", signatureDetail);
        m.put("clean", clean);
        m.put("interrupted", interrupted);
        m.put("totals", totals.byName(true));
        List<Object> fs = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("kind", f.kind().name());
            o.put("path", f.path());
            o.put("expected", f.expected());
            o.put("actual", f.actual());
            o.put("detail", f.detail());
            fs.add(o);
        }
        m.put("findings", fs);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("report", m);
        doc.put("version", VERSION);
        return doc;
    }

    /**
     * A report file as read: the report, the SM3 of the whole file, and who signed it.
     *
     * @param report       the content
     * @param sm3          SM3 (hex) of the file
     * @param signer       SM3 fingerprint of the signing key as the file states it, null if unsigned
     * @param signature    the signature bytes, null if unsigned
     * @param signedBytes  what the signature covers
     */
    public record Read(
            SignedVerificationReport report, String sm3, String signer, byte[] signature, byte[] signedBytes) {

        public boolean signed() {
            return signer != null;
        }

        /** The first of {@code keys} whose fingerprint is the stated signer and under which the signature verifies. */
        public PublicKey signedBy(Collection<PublicKey> keys) {
            if (signer == null) {
                return null;
            }
            for (PublicKey k : keys) {
                if (signer.equals(Keys.fingerprint(k)) && Verifier.of(k).verify(signedBytes, signature)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** The report file's members: {@code signature} may be missing (an unsigned report). */
    static final SignedJson.Form FORM = new SignedJson.Form(FORMAT, VERSION, "report", "exit.report", (form, doc) -> {
        if (!FORMAT.equals(doc.get("format"))
                || !Long.valueOf(VERSION).equals(doc.get("version"))
                || !(doc.get(form.body()) instanceof Map<?, ?>)) {
            throw new Invalid(Invalid.Reason.MALFORMED, "format");
        }
        if (!Set.of("format", "report", "version", "signature").containsAll(doc.keySet())) {
            throw new Invalid(Invalid.Reason.MALFORMED, "members");
        }
    });

    /** Reads a report file strictly (see the class comment); the signature is checked by {@link Read#signedBy}. */
    public static Read read(byte[] file) {
        SignedJson.Read read;
        try {
            read = SignedJson.read(FORM, file);
        } catch (DeletionCertificate.Invalid e) { // not UTF-8, not JSON
            throw new Invalid(Invalid.Reason.MALFORMED, e.getMessage());
        }
        if (!read.canonical()) {
            throw new Invalid(Invalid.Reason.NOT_CANONICAL, "not canonical");
        }
        SignedVerificationReport r;
        try {
            r = content(read.body());
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw new Invalid(Invalid.Reason.MALFORMED, "report: " + e.getMessage());
        }
        if (!r.verdictAgreesWithFindings()) {
            throw new Invalid(Invalid.Reason.VERDICT_DISAGREES, "clean with findings");
        }
        String signer = null;
        byte[] value = null;
        Object sigObj = read.signatureObject();
        if (sigObj != null) {
            if (!(sigObj instanceof Map<?, ?> sig)
                    || sig.size() != 4
                    || !(sig.get("signer") instanceof String s)
                    || !(sig.get("value") instanceof String encoded)) {
                throw new Invalid(Invalid.Reason.MALFORMED, "signature");
            }
            if (!Sm2.ALGORITHM.equals(sig.get("algorithm")) || !Sm2.DEFAULT_USER_ID.equals(sig.get("userId"))) {
                throw new Invalid(Invalid.Reason.BAD_SIGNATURE, "algorithm");
            }
            value = SignedJson.base64(
                    encoded,
                    () -> new Invalid(Invalid.Reason.BAD_SIGNATURE, "not base64"),
                    () -> new Invalid(Invalid.Reason.BAD_SIGNATURE, "not canonical base64"));
            signer = s;
        }
        return new Read(r, read.sm3(), signer, value, read.signedBytes());
    }

    private static SignedVerificationReport content(Map<?, ?> m) {
        exact(
                m,
                Set.of(
                        "manifest",
                        "tool",
                        "target",
                        "algorithm",
                        "signature",
                        "signatureDetail",
                        "clean",
                        "interrupted",
                        "totals",
                        "findings"),
                Set.of("manifest", "tool", "signature", "clean", "interrupted", "totals", "findings"));
        Map<?, ?> manifest = (Map<?, ?>) m.get("manifest");
        exact(manifest, Set.of("sm3", "signatureSm3"), Set.of());
        Map<?, ?> t = (Map<?, ?>) m.get("totals");
        Set<String> tk = Set.copyOf(Totals.NAMES);
        exact(t, tk, tk);
        Totals totals = Totals.of(n -> count(t, n));
        List<Finding> findings = new ArrayList<>();
        for (Object o : (List<?>) m.get("findings")) {
            Map<?, ?> f = (Map<?, ?>) o;
            exact(f, Set.of("kind", "path", "expected", "actual", "detail"), Set.of("kind", "path"));
            Finding finding = new Finding(
                    Finding.Kind.valueOf((String) f.get("kind")),
                    (String) f.get("path"),
                    (String) f.get("expected"),
                    (String) f.get("actual"),
                    (String) f.get("detail"));
            chunkRange(finding);
            findings.add(finding);
        }
        return new SignedVerificationReport(
                hex((String) manifest.get("sm3")),
                hex((String) manifest.get("signatureSm3")),
                (String) m.get("tool"),
                (String) m.get("target"),
                (String) m.get("algorithm"),
                SignatureStatus.valueOf((String) m.get("signature")),
                (String) m.get("signatureDetail"),
                (Boolean) m.get("clean"),
                (Boolean) m.get("interrupted"),
                totals,
                findings);
    }

    private static final java.util.regex.Pattern RANGE =
            java.util.regex.Pattern.compile("(0|[1-9][0-9]{0,18})-(0|[1-9][0-9]{0,18})");

    /** A damaged chunk is a HASH_MISMATCH naming a byte range {@code <first>-<last>} with first <= last. */
    private static void chunkRange(Finding f) {
        String prefix = Finding.CHUNK_DIFFERS + ": ";
        if (f.detail() == null || !f.detail().startsWith(Finding.CHUNK_DIFFERS)) {
            return;
        }
        java.util.regex.Matcher r =
                f.detail().startsWith(prefix) ? RANGE.matcher(f.detail().substring(prefix.length())) : null;
        if (f.kind() != Finding.Kind.HASH_MISMATCH
                || r == null
                || !r.matches()
                || Long.parseLong(r.group(1)) > Long.parseLong(r.group(2))) {
            throw new IllegalArgumentException("detail " + f.detail());
        }
    }

    private static void exact(Map<?, ?> m, Set<String> allowed, Set<String> required) {
        if (!allowed.containsAll(m.keySet()) || !m.keySet().containsAll(required)) {
            throw new IllegalArgumentException("members " + m.keySet());
        }
    }

    private static long count(Map<?, ?> t, String k) {
        long n = (Long) t.get(k);
        if (n < 0) {
            throw new IllegalArgumentException(k);
        }
        return n;
    }

    private static String hex(String s) {
        if (s != null && !s.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("digest");
        }
        return s;
    }

    /** Why a report file is refused; {@link #reason()} is stable, the message is for developers. */
    public static final class Invalid extends RuntimeException {

        public enum Reason {
            MALFORMED,
            NOT_CANONICAL,
            VERDICT_DISAGREES,
            BAD_SIGNATURE
        }

        private final Reason reason;

        public Invalid(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
