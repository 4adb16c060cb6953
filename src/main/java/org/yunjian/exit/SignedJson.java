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
import org.yunjian.crypto.Sm3;
import org.yunjian.crypto.Verifier;
import org.yunjian.exit.DeletionCertificate.Invalid;
import org.yunjian.exit.DeletionCertificate.Invalid.Reason;

/**
 * The one writer and reader of the signed canonical-JSON files of this module — the deletion certificate, the report
 * seal and the verification report: the document {@code {"<body>":{…},"format":…,"signature":{…},"version":…}}
 * whose {@code signature} member ({@code SM3withSM2}, user ID {@value Sm2#DEFAULT_USER_ID}, the signer's key
 * fingerprint) covers the UTF-8 bytes of the canonical form without it, written canonically with one line feed.
 * Checking accepts only the file's own canonical form, so any changed byte is noticed. A {@link Form} names the
 * document and the problems in its words ({@code <keys>.wrongKey}, {@code .notCanonical}, {@code .notBase64},
 * {@code .notCanonicalBase64}, {@code .badSignature}) and checks the members it requires.
 */
public final class SignedJson {

    private SignedJson() {}

    /**
     * A kind of signed document.
     *
     * @param format   the {@code format} member
     * @param version  the {@code version} member
     * @param body     the name of the member holding the content
     * @param keys     the prefix of the bundle keys naming its problems
     * @param envelope checks the document's members (format, version, body and signature form) in the document's
     *                 words, throwing {@link Invalid} on the first problem
     */
    public record Form(String format, long version, String body, String keys, Envelope envelope) {}

    /** The member checks of one kind of document. */
    @FunctionalInterface
    public interface Envelope {
        void check(Form form, Map<String, Object> doc);
    }

    /** The {@code signature} member. */
    public record Signature(String algorithm, String signer, String userId, String value) {}

    /** The file of {@code body} as {@code form}'s document, signed with {@code key}. */
    static byte[] sign(Form form, Map<String, Object> body, PrivateKey key, PublicKey publicKey) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(form.body(), body);
        doc.put("format", form.format());
        doc.put("version", form.version());
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

    /**
     * Reads a file as {@code form}'s document: strict UTF-8 ({@code <keys>.notUtf8}), JSON (MALFORMED, the parser's
     * problem), then the form's member checks. The signature is checked by {@link Read#verified} or {@link Read#check}.
     */
    static Read read(Form form, byte[] file) {
        String text = text(file, form.keys() + ".notUtf8");
        Map<String, Object> doc;
        try {
            doc = CanonicalJson.parseObject(text);
        } catch (IllegalArgumentException e) {
            throw new Invalid(Reason.MALFORMED, ExitText.of(e));
        }
        form.envelope().check(form, doc);
        return new Read(form, doc, text, Sm3.hex(file));
    }

    /** The file as strict UTF-8 text, else {@code Invalid} (MALFORMED, {@code notUtf8}). */
    static String text(byte[] file, String notUtf8) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Invalid(Reason.MALFORMED, notUtf8);
        }
    }

    /**
     * A document read by {@link #read}: its members as parsed, its text and the SM3 of the file.
     */
    static final class Read {
        private final Form form;
        private final Map<String, Object> doc;
        private final String text;
        private final String sm3;

        Read(Form form, Map<String, Object> doc, String text, String sm3) {
            this.form = form;
            this.doc = doc;
            this.text = text;
            this.sm3 = sm3;
        }

        /** The body member (the form's checks made sure it is an object). */
        Map<?, ?> body() {
            return (Map<?, ?>) doc.get(form.body());
        }

        Map<?, ?> signatureMember() {
            return (Map<?, ?>) doc.get("signature");
        }

        /** The {@code signature} member as parsed, {@code null} when there is none. */
        Object signatureObject() {
            return doc.get("signature");
        }

        Signature signature() {
            Map<?, ?> sig = signatureMember();
            return new Signature(
                    string(sig.get("algorithm")),
                    string(sig.get("signer")),
                    string(sig.get("userId")),
                    string(sig.get("value")));
        }

        String sm3() {
            return sm3;
        }

        /** Whether the text is the document's canonical form. */
        boolean canonical() {
            return (CanonicalJson.write(doc) + "\n").equals(text);
        }

        /** The UTF-8 bytes the signature covers: the canonical form without {@code signature}. */
        byte[] signedBytes() {
            Map<String, Object> unsigned = new LinkedHashMap<>(doc);
            unsigned.remove("signature");
            return CanonicalJson.write(unsigned).getBytes(StandardCharsets.UTF_8);
        }

        /** As {@link #verified}, a signature that does not verify refused ({@code <keys>.badSignature}). */
        void check(PublicKey key) {
            if (!verified(key)) {
                throw new Invalid(Reason.BAD_SIGNATURE, form.keys() + ".badSignature");
            }
        }

        /**
         * Checks the signature, whose algorithm and user ID the form's checks found as expected: the signer is
         * {@code key}, the text is canonical, the value is canonical base64 and a good signature. A well-formed
         * signature that does not verify is answered {@code false} rather than refused, so a caller checking a second
         * signature too can say which one fails.
         */
        boolean verified(PublicKey key) {
            Map<?, ?> sig = signatureMember();
            String fingerprint = Keys.fingerprint(key);
            if (!fingerprint.equals(sig.get("signer"))) {
                throw new Invalid(
                        Reason.WRONG_KEY,
                        form.keys() + ".wrongKey",
                        abbrev(String.valueOf(sig.get("signer"))),
                        abbrev(fingerprint));
            }
            if (!canonical()) {
                throw new Invalid(Reason.NOT_CANONICAL, form.keys() + ".notCanonical");
            }
            byte[] value = base64(
                    String.valueOf(sig.get("value")),
                    () -> new Invalid(Reason.BAD_SIGNATURE, form.keys() + ".notBase64"),
                    () -> new Invalid(Reason.BAD_SIGNATURE, form.keys() + ".notCanonicalBase64"));
            return Verifier.of(key).verify(signedBytes(), value);
        }
    }

    /**
     * The signature bytes of a base64 value, refused with {@code notBase64} when it is not base64 and with
     * {@code notCanonical} when it is not the one canonical spelling (the decoder ignores the unused bits of the last
     * character).
     */
    static byte[] base64(
            String encoded,
            java.util.function.Supplier<RuntimeException> notBase64,
            java.util.function.Supplier<RuntimeException> notCanonical) {
        byte[] value;
        try {
            value = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw notBase64.get();
        }
        if (!Base64.getEncoder().encodeToString(value).equals(encoded)) {
            throw notCanonical.get();
        }
        return value;
    }

    private static String string(Object o) {
        return o instanceof String s ? s : null;
    }

    static String abbrev(String fp) {
        return fp.length() > 16 ? fp.substring(0, 16) + "…" : fp;
    }
}
