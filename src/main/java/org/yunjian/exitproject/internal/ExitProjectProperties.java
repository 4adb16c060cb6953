package org.yunjian.exitproject.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code yunjian.exit-project.*}.
 *
 * @param fileDir where uploaded manifests and verification reports are kept (one directory per project)
 * @param keyDir  where the platform's certificate signing key pair lives (read by
 *     {@link org.yunjian.shared.keys.PlatformSigningKey}'s configuration)
 * @param storageCheckMaxSize the largest {@code exit check-deleted --json} report accepted (default 8 MB)
 */
@ConfigurationProperties("yunjian.exit-project")
public record ExitProjectProperties(Path fileDir, Path keyDir, DataSize storageCheckMaxSize) {

    public ExitProjectProperties {
        if (fileDir == null) {
            fileDir = Path.of("data", "exit-projects");
        }
        if (keyDir == null) {
            keyDir = Path.of("data", "keys");
        }
        if (storageCheckMaxSize == null) {
            storageCheckMaxSize = DataSize.ofMegabytes(8);
        }
    }
}
