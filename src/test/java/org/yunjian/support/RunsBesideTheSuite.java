package org.yunjian.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that runs beside the rest of the suite instead of after it, one such class at a time
 * ({@code junit-platform.properties} enables this; every other class still runs alone, in order): a class whose work
 * happens in server processes of its own (started, killed, restarted) while the test thread mostly waits, and a class
 * on a database and an application context of its own ({@link TestDatabases#fresh}) that shares nothing with the
 * suite, or a check with neither (the architecture rules, the help launched in a JVM of its own), placed here so that
 * this lane ends when the others do. The suite's time on two cores is the reason (docs/performance.md, "CI time").
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(RunsBesideTheSuite.SERVER_PROCESSES)
public @interface RunsBesideTheSuite {

    String SERVER_PROCESSES = "yunjian.server-processes";
}
