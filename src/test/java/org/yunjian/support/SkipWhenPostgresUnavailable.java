package org.yunjian.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test (auto-detected): in the PostgreSQL run, when no PostgreSQL server could be
 * had on a developer machine, skips the tests visibly instead of silently running them on H2 again.
 */
public class SkipWhenPostgresUnavailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (PostgresForTests.requested() && Boolean.getBoolean(PostgresForTests.UNAVAILABLE)) {
            return ConditionEvaluationResult.disabled("PostgreSQL is not installed on this machine: skipped");
        }
        return ConditionEvaluationResult.enabled("database available");
    }
}
