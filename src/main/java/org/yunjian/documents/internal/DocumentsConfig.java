package org.yunjian.documents.internal;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunjian.documents.PdfRenderer;

/**
 * The application's {@link PdfRenderer}. It finds its font on first use: without a CJK font the platform
 * still starts, and only asking for a PDF fails, with {@link org.yunjian.documents.FontUnavailableException} naming
 * the fix.
 */
@Configuration(proxyBeanMethods = false)
class DocumentsConfig {

    @Bean
    PdfRenderer pdfRenderer(@Value("${yunjian.documents.cjk-font:}") String configured) {
        Optional<Path> path = configured.isBlank() ? Optional.empty() : Optional.of(Path.of(configured));
        return PdfRenderer.locatingFont(path);
    }
}
