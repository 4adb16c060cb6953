package org.yunjian.exit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Known answers of the two CRC-64s object stores publish, and slice-by-8 equal to byte at a time. */
class Crc64Test {

    private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void ecma182IsCrc64XzAsOssAndCosComputeIt() {
        Crc64 c = Crc64.ecma182();
        c.update(CHECK, 0, CHECK.length);
        assertThat(c.getValue()).isEqualTo(0x995DC9BBDF1939FAL);
        assertThat(Long.toUnsignedString(c.getValue())).isEqualTo("11051210869376104954");
    }

    @Test
    void nvmeIsS3sCrc64() {
        Crc64 c = Crc64.nvme();
        c.update(CHECK, 0, CHECK.length);
        assertThat(c.getValue()).isEqualTo(0xAE8B14860A799888L);
    }

    @Test
    void sliceByEightEqualsOneByteAtATimeWhateverTheSplit() {
        byte[] data = new byte[10_007];
        new Random(1).nextBytes(data);
        Crc64 whole = Crc64.ecma182();
        whole.update(data, 0, data.length);
        Crc64 bytewise = Crc64.ecma182();
        for (byte b : data) {
            bytewise.update(b);
        }
        Crc64 split = Crc64.ecma182();
        split.update(data, 0, 13);
        split.update(data, 13, data.length - 13);
        assertThat(bytewise.getValue()).isEqualTo(whole.getValue());
        assertThat(split.getValue()).isEqualTo(whole.getValue());
    }
}
