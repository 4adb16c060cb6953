package org.yunjian.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A browser journey on a database of its own ({@link TestDatabases#fresh}) and a Chromium of its own: it shares no
 * data and no server with the rest of the suite, so it runs beside it, one such class at a time, in a lane of its own
 * next to the {@link RunsBesideTheSuite server-process lane}. The test thread mostly waits for Chromium and the
 * server; on two cores the lane fills time the one-thread suite leaves idle (docs/performance.md, "CI time"). The
 * lane also takes a few module tests on databases of their own ({@code @ApplicationModuleTest}), so that it ends when
 * the others do.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(JourneyBesideTheSuite.OWN_DATABASE_JOURNEYS)
public @interface JourneyBesideTheSuite {

    String OWN_DATABASE_JOURNEYS = "yunjian.own-database-journeys";
}
