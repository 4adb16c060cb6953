package org.yunjian.shared.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Configuration
class KeyDirectoryConfig {

    private static final Logger log = LoggerFactory.getLogger(KeyDirectoryConfig.class);

    @Bean
    KeyDirectory keyDirectory(
            @Value("${yunjian.key-dir}") Path dir,
            @Value("${yunjian.data-dir}") Path dataDir,
            @Value("${yunjian.keys.create-missing:false}") boolean createMissing,
            @Value("${yunjian.demo:false}") boolean demo,
            Environment environment,
            ObjectProvider<FirstSetUp> firstSetUp) {
        if (inside(dir, dataDir)) {
            String text = KeyDirectory.text(
                    "keys.error.inside-data-dir",
                    dir.toAbsolutePath().normalize(),
                    dataDir.toAbsolutePath().normalize());
            // production keeps the keys apart from the data, so a copy of the data directory alone cannot forge
            if (environment.acceptsProfiles(Profiles.of("postgres"))) {
                throw new KeyDirectory.KeyDirectoryException(text);
            }
            if (demo) { // the demo keeps everything in its data directory by design: said, not alarmed
                log.info(text);
            } else {
                log.warn(text);
            }
        }
        KeyDirectory keys = new KeyDirectory(
                dir, () -> firstSetUp.getIfAvailable(() -> () -> true).firstSetUp(), createMissing, demo);
        keys.checkModes();
        return keys;
    }

    /** Whether {@code dir} is {@code dataDir} or below it (following symbolic links where the paths exist). */
    static boolean inside(Path dir, Path dataDir) {
        return real(dir).startsWith(real(dataDir));
    }

    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
