package org.yunjian.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class Sm4Test {

    private static final byte[] KEY = Hex.decode("0123456789abcdeffedcba9876543210");

    @Test
    void encryptsBlockAsInGbT32907AppendixA1() {
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(KEY));
        byte[] out = new byte[16];
        engine.processBlock(KEY, 0, out, 0);
        assertThat(Hex.encode(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void encryptsOneMillionTimesAsInGbT32907AppendixA2() {
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(KEY));
        byte[] block = KEY.clone();
        for (int i = 0; i < 1_000_000; i++) {
            engine.processBlock(block, 0, block, 0);
        }
        assertThat(Hex.encode(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
    }

    @Test
    void gcmRoundTripsWithAssociatedData() {
        byte[] key = Sm4Gcm.generateKey();
        byte[] plain = "证据文件 evidence".getBytes(StandardCharsets.UTF_8);
        byte[] aad = "evidence-42".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Sm4Gcm.encrypt(key, plain, aad);
        assertThat(sealed).hasSize(Sm4Gcm.NONCE_LENGTH + plain.length + Sm4Gcm.TAG_LENGTH);
        assertThat(Sm4Gcm.decrypt(key, sealed, aad)).containsExactly(plain);
        assertThat(Sm4Gcm.decrypt(key, Sm4Gcm.encrypt(key, new byte[0]))).isEmpty();
    }

    @Test
    void usesAFreshNonceForEveryMessage() {
        byte[] key = Sm4Gcm.generateKey();
        byte[] a = Sm4Gcm.encrypt(key, "same".getBytes());
        byte[] b = Sm4Gcm.encrypt(key, "same".getBytes());
        assertThat(java.util.Arrays.copyOf(a, 12)).isNotEqualTo(java.util.Arrays.copyOf(b, 12));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void rejectsCiphertextWithOneFlippedByte() {
        byte[] key = Sm4Gcm.generateKey();
        byte[] sealed = Sm4Gcm.encrypt(key, "do not touch".getBytes());
        for (int i : new int[] {0, Sm4Gcm.NONCE_LENGTH, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> Sm4Gcm.decrypt(key, tampered)).isInstanceOf(DecryptionFailedException.class);
        }
    }

    @Test
    void rejectsWrongKeyWrongAssociatedDataAndTruncation() {
        byte[] key = Sm4Gcm.generateKey();
        byte[] sealed = Sm4Gcm.encrypt(key, "x".getBytes(), "a".getBytes());
        assertThatThrownBy(() -> Sm4Gcm.decrypt(Sm4Gcm.generateKey(), sealed, "a".getBytes()))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> Sm4Gcm.decrypt(key, sealed, "b".getBytes()))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> Sm4Gcm.decrypt(key, java.util.Arrays.copyOf(sealed, 20), "a".getBytes()))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> Sm4Gcm.encrypt(new byte[15], new byte[1])).isInstanceOf(UnsupportedKeyException.class);
    }
}
