package org.yunjian.exit;

import java.util.Locale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test with the toolkit's texts in English ({@code --lang en}), whatever the JVM's locale, so that it can
 * name the problem it expects in words; {@code ExitCliLanguageTest} checks the Chinese default.
 */
public class InEnglish implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        ExitTexts.use(Locale.ENGLISH);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ExitTexts.use(Locale.getDefault());
    }
}
