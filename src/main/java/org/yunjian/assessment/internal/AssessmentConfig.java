package org.yunjian.assessment.internal;

import java.io.IOException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({AssessmentProperties.class, ScoringProperties.class})
class AssessmentConfig {

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
