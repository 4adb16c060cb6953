package org.yunjian.evidence.internal;

import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunjian.evidence.AssessmentProperties;
import org.yunjian.evidence.EvidenceKeys;
import org.yunjian.evidence.EvidenceStore;

@Configuration
@EnableConfigurationProperties(AssessmentProperties.class)
class EvidenceConfig {

    @Bean
    @ConditionalOnMissingBean(EvidenceStore.class)
    EvidenceStore evidenceStore(AssessmentProperties properties) throws IOException {
        return new FileEvidenceStore(properties.evidenceDir());
    }

    @Bean
    EvidenceKeys evidenceKeys(AssessmentProperties properties, org.yunjian.shared.keys.KeyDirectory keys) {
        return new EvidenceKeys(keys.at(properties.keyDir()));
    }
}
