package org.yunjian.vault;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code yunjian.assessment.*}: the vault's settings, under the prefix they had when the vault was part of the
 * assessment evidence (so existing configurations keep working).
 *
 * @param evidenceDir     where the encrypted evidence blobs are stored
 * @param keyDir          where the evidence master key file lives (outside the database)
 * @param evidenceMaxSize largest evidence file accepted
 */
@ConfigurationProperties("yunjian.assessment")
public record VaultProperties(
        Path evidenceDir, Path keyDir, @DefaultValue("20MB") DataSize evidenceMaxSize) {}
