package org.yunjian.shared;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class KeyDirectoryConfig {
    @Bean
    KeyDirectory keyDirectory(@Value("${yunjian.key-dir}") Path dir) {
        return new KeyDirectory(dir);
    }
}
