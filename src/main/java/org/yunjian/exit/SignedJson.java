package org.yunjian.exit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yunjian.crypto.Signer;
import org.yunjian.crypto.Sm2;
import org.yunjian.crypto.Verifier;
import org.yunjian.exit.DeletionCertificate.Invalid;
import org.yunjian.exit.DeletionCertificate.Invalid.Reason;

/**
 * The signed canonical-JSON file both the deletion certificate and the report seal are: the document with a
 * {@code signature} member ({@code SM3withSM2}, user ID {@value Sm2#DEFAULT_USER_ID}, the signer's key fingerprint)
 * over the UTF-8 bytes of the canonical form without it, written canonically with one line feed. Checking accepts
 * only the file's own canonical form, so any changed byte is noticed. {@code keys} names the problems in the
 * caller's words ({@code <keys>.wrongKey}, {@code .notCanonical}, {@code .notBase64}, {@code .notCanonicalBase64},
 * {@code .badSignature}).
 */
final class SignedJson {

    private SignedJson() {
    }

    /** The file of {@code doc} (without {@code signature}), signed with {@code key}. */
    static byte[] sign(Map<String, Object> doc, PrivateKey key, PublicKey publicKey) {
        byte[] signed = CanonicalJson.write(doc).getBytes(StandardCharsets.UTF_8);
        Signer signer = Signer.of(key);
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("algorithm", signer.algorithm());
        signature.put("signer", Keys.fingerprint(publicKey));
        signature.put("userId", Sm2.DEFAULT_USER_ID);
        signature.put("value", Base64.getEncoder().encodeToString(signer.sign(signed)));
        doc.put("signature", signature);
        return (CanonicalJson.write(doc) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The file as strict UTF-8 text, else {@code Invalid} (MALFORMED, {@code notUtf8}). */
    static String text(byte[] file, String notUtf8) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new Invalid(Reason.MALFORMED, notUtf8);
        }
    }

    /**
     * Checks the signature of the parsed {@code doc} (read from {@code text}) whose {@code signature} member
     * {@code sig} already has the expected algorithm and user ID: the signer is {@code key}, the text is canonical,
     * the value is canonical base64 and a good signature.
     */
    static void check(Map<String, Object> doc, String text, Map<?, ?> sig, PublicKey key, String keys) {
        if (!verified(doc, text, sig, key, keys)) {
            throw new Invalid(Reason.BAD_SIGNATURE, keys + ".badSignature");
        }
    }

    /**
     * As {@link #check}, but a well-formed signature that does not verify is answered {@code false} rather than
     * refused, so a caller checking a second signature too can say which one fails.
     */
    static boolean verified(Map<String, Object> doc, String text, Map<?, ?> sig, PublicKey key, String keys) {
        String fingerprint = Keys.fingerprint(key);
        if (!fingerprint.equals(sig.get("signer"))) {
            throw new Invalid(Reason.WRONG_KEY, keys + ".wrongKey", abbrev(String.valueOf(sig.get("signer"))),
                    abbrev(fingerprint));
        }
        if (!(CanonicalJson.write(doc) + "\n").equals(text)) {
            throw new Invalid(Reason.NOT_CANONICAL, keys + ".notCanonical");
        }
        byte[] value;
        String encoded = String.valueOf(sig.get("value"));
        try {
            value = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new Invalid(Reason.BAD_SIGNATURE, keys + ".notBase64");
        }
        // the decoder ignores the unused bits of the last character: only the one canonical spelling is accepted
        if (!Base64.getEncoder().encodeToString(value).equals(encoded)) {
            throw new Invalid(Reason.BAD_SIGNATURE, keys + ".notCanonicalBase64");
        }
        Map<String, Object> unsigned = new LinkedHashMap<>(doc);
        unsigned.remove("signature");
        return Verifier.of(key).verify(CanonicalJson.write(unsigned).getBytes(StandardCharsets.UTF_8), value);
    }

    static String abbrev(String fp) {
        return fp.length() > 16 ? fp.substring(0, 16) + "…" : fp;
    }
}
