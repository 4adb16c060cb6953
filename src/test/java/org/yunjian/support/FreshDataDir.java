package org.yunjian.support;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives every test run its own empty data directory (H2 files, keys), so runs never see each other's data, deleted
 * when the run ends ({@link Scratch}).
 *
 * <p>In the H2 pass the contexts on that directory's embedded file database open it without the product's {@code
 * REUSE_SPACE=FALSE}: that setting is for recovery after {@code kill -9} (docs/operations.md; {@code KillServerTests}
 * and every server process of the tests keep it), and with it the file only grows — to 1.4 GB over one H2 pass, for
 * some 30 MB of data. The classes with a file database of their own ({@link TestDatabases#freshFile}) take it too.
 */
public class FreshDataDir implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("yunjian.data-dir") != null) {
            return;
        }
        Path dir = Scratch.directory("yunjian-test-");
        System.setProperty("yunjian.data-dir", dir.toString());
        if (!PostgresForTests.requested() && System.getProperty("spring.datasource.url") == null) {
            System.setProperty("spring.datasource.url", "jdbc:h2:file:${yunjian.data-dir}/db/yunjian;WRITE_DELAY=0");
        }
    }
}
