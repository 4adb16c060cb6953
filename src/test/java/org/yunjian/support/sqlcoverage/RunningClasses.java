package org.yunjian.support.sqlcoverage;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Tells {@link SqlCoverage} which test classes are running (registered for every class by auto-detection). */
public final class RunningClasses implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getTestClass().ifPresent(c -> SqlCoverage.started(c.getName()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        context.getTestClass().ifPresent(c -> SqlCoverage.finished(c.getName()));
    }
}
