package org.yunjian.exit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.yunjian.crypto.Signer;
import org.yunjian.crypto.Sm2;
import org.yunjian.crypto.Sm3;
import org.yunjian.crypto.Verifier;

/**
 * The deletion record the provider countersigns before a deletion certificate can be issued
 * (docs/deletion-certificate.md, "Countersignature"). A record file is the {@link CanonicalJson canonical}
 * serialisation of
 * <pre>{"format":"yunjian-deletion-record","record":{…},"version":1}</pre>
 * followed by one line feed. The countersignature is an {@code SM3withSM2} signature (user ID
 * {@value Sm2#DEFAULT_USER_ID}, DER, base64) over the file's bytes exactly as downloaded — what
 * {@code yunjian exit countersign} prints and what any SM2 tool makes of the same file.
 *
 * <p>The certificate carries the record, the provider's public key and the signature in its
 * {@code countersignature} member, so {@link #check(Map)} verifies it offline. Spring-free.
 */
public final class DeletionRecord {

    public static final String FORMAT = "yunjian-deletion-record";
    public static final long VERSION = 1;

    private DeletionRecord() {}

    /** The record file for {@code record}: canonical JSON and a line feed. */
    public static byte[] write(Map<String, Object> record) {
        Objects.requireNonNull(record, "record");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("record", record);
        doc.put("version", VERSION);
        return (CanonicalJson.write(doc) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a record file and checks it is one, byte for byte in its canonical form (what the platform offers
     * for countersigning); throws {@link InvalidInputException} naming the problem.
     */
    public static Map<String, Object> read(byte[] file) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("exit.record.notUtf8");
        }
        Map<String, Object> doc;
        try {
            doc = CanonicalJson.parseObject(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("exit.record.notJson");
        }
        if (!FORMAT.equals(doc.get("format"))
                || !(doc.get("record") instanceof Map<?, ?>)
                || !Long.valueOf(VERSION).equals(doc.get("version"))
                || doc.size() != 3) {
            throw new InvalidInputException("exit.record.notRecord", FORMAT);
        }
        if (!(CanonicalJson.write(doc) + "\n").equals(text)) {
            throw new InvalidInputException("exit.record.notCanonical");
        }
        return doc;
    }

    /** The countersignature of a record file (checked with {@link #read}) as base64, signed with {@code key}. */
    public static String countersign(byte[] file, PrivateKey key) {
        read(file);
        return Base64.getEncoder().encodeToString(Signer.of(key).sign(file));
    }

    /**
     * The signature bytes of a countersignature as pasted: base64 (what {@code yunjian exit countersign}
     * prints) or hex (what some SM2 tools print); surrounding white space ignored. Empty when it is neither.
     */
    public static byte[] decode(String signature) {
        String s = signature == null ? "" : signature.replaceAll("\\s+", "");
        if (s.isEmpty()) {
            return new byte[0];
        }
        if (s.length() % 2 == 0 && s.matches("[0-9a-fA-F]+")) {
            return HexFormat.of().parseHex(s);
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /** Whether {@code signature} is the SM2 signature of {@code file} by {@code key}. */
    public static boolean verify(byte[] file, byte[] signature, PublicKey key) {
        return signature.length > 0 && Verifier.of(key).verify(file, signature);
    }

    /**
     * Checks the {@code countersignature} member of a certificate's content: the public key is SM2 and has the
     * stated fingerprint, the quoted record has the stated SM3 and the signature verifies over it.
     *
     * @return {@code null} when it holds, else the problem in words
     */
    public static ExitText check(Map<?, ?> countersignature) {
        if (!Sm2.ALGORITHM.equals(countersignature.get("algorithm"))
                || !Sm2.DEFAULT_USER_ID.equals(countersignature.get("userId"))) {
            return new ExitText("exit.cert.counter.algorithm", String.valueOf(countersignature.get("algorithm")));
        }
        PublicKey key;
        try {
            key = Keys.readPublicKey(String.valueOf(countersignature.get("publicKey")));
        } catch (RuntimeException e) {
            return new ExitText("exit.cert.counter.key", ExitText.of(e));
        }
        String fingerprint = Keys.fingerprint(key);
        if (!fingerprint.equals(countersignature.get("keyFingerprint"))) {
            return new ExitText(
                    "exit.cert.counter.fingerprint",
                    abbrev(String.valueOf(countersignature.get("keyFingerprint"))),
                    abbrev(fingerprint));
        }
        if (!(countersignature.get("record") instanceof Map<?, ?> record)) {
            return new ExitText("exit.cert.counter.noRecord");
        }
        @SuppressWarnings("unchecked")
        byte[] file = (CanonicalJson.write(record) + "\n").getBytes(StandardCharsets.UTF_8);
        if (!Sm3.hex(file).equals(countersignature.get("recordSm3"))) {
            return new ExitText("exit.cert.counter.recordSm3");
        }
        String value = String.valueOf(countersignature.get("value"));
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return new ExitText("exit.cert.counter.bad");
        }
        if (!Base64.getEncoder().encodeToString(signature).equals(value) || !verify(file, signature, key)) {
            return new ExitText("exit.cert.counter.bad");
        }
        return null;
    }

    private static String abbrev(String fp) {
        return fp.length() > 16 ? fp.substring(0, 16) + "…" : fp;
    }
}
