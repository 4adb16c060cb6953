package org.yunjian.exitproject.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code yunjian.exit-project.*}.
 *
 * @param fileDir where uploaded manifests and verification reports are kept (one directory per project)
 * @param keyDir  where the platform's certificate signing key pair lives
 */
@ConfigurationProperties("yunjian.exit-project")
public record ExitProjectProperties(Path fileDir, Path keyDir) {

    public ExitProjectProperties {
        if (fileDir == null) {
            fileDir = Path.of("data", "exit-projects");
        }
        if (keyDir == null) {
            keyDir = Path.of("data", "keys");
        }
    }
}
