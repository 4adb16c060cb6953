package org.yunjian.exitproject.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every field a refused form's error can name has its label in both languages' bundles. */
class FieldLabelsTest {

    private static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = FieldLabelsTest.class.getResourceAsStream("/messages/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLabelIsInBothBundles() throws Exception {
        Properties zh = bundle("exitproject");
        Properties en = bundle("exitproject_en");
        assertThat(FieldLabels.KEYS).isNotEmpty();
        FieldLabels.KEYS.forEach((field, key) -> {
            assertThat(zh.getProperty(key)).as("%s → %s (zh-CN)", field, key).isNotBlank();
            assertThat(en.getProperty(key)).as("%s → %s (en)", field, key).isNotBlank();
        });
    }
}
