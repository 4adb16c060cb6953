package org.yunjian.evidence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code yunjian.assessment.*}.
 *
 * @param evidenceDir     where the encrypted evidence blobs are stored
 * @param keyDir          where the evidence master key file lives (outside the database)
 * @param evidenceMaxSize largest evidence file accepted
 */
@ConfigurationProperties("yunjian.assessment")
public record AssessmentProperties(
        Path evidenceDir, Path keyDir, @DefaultValue("20MB") DataSize evidenceMaxSize) {}
