package org.yunjian.support;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The product's main classes as ArchUnit reads them, imported once per test JVM: the guard tests that say "one way
 * each" (one entry point, one vocabulary, one problem advice, one CLI base) each read the same 900-odd classes, which
 * took a few seconds every time.
 */
public final class MainClasses {

    private static JavaClasses classes;

    private MainClasses() {}

    public static synchronized JavaClasses get() {
        if (classes == null) {
            classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.yunjian");
        }
        return classes;
    }
}
