package org.yunjian.vault.internal;

import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunjian.vault.BlobStore;
import org.yunjian.vault.VaultKeys;
import org.yunjian.vault.VaultProperties;

@Configuration
@EnableConfigurationProperties(VaultProperties.class)
class VaultConfig {

    @Bean
    @ConditionalOnMissingBean(BlobStore.class)
    BlobStore evidenceStore(VaultProperties properties) throws IOException {
        return new FileBlobStore(properties.evidenceDir());
    }

    @Bean
    VaultKeys evidenceKeys(VaultProperties properties, org.yunjian.shared.keys.KeyDirectory keys) {
        return new VaultKeys(keys.at(properties.keyDir()));
    }
}
