package org.yunjian.support;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives every test run its own empty data directory (H2 files, keys), so runs never see each other's data, deleted
 * when the run ends ({@link Scratch}).
 *
 * <p>In the H2 pass the contexts on that directory's embedded file database open it without the product's {@code
 * WRITE_DELAY=0;REUSE_SPACE=FALSE}: those are for recovery after {@code kill -9} (docs/operations.md;
 * {@code KillServerTests} and every server process of the tests keep them), and with them the file only grows: to
 * 1.4 GB over one H2 pass; with space reuse alone still to 400 MB with its chunks 20 % full, since H2 compacts only in
 * the background writer that {@code WRITE_DELAY=0} turns off. Nothing outside this JVM opens that file, so a commit's
 * half second in memory costs nothing here. The classes with a file database of their own
 * ({@link TestDatabases#freshFile}) take it too.
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
            System.setProperty("spring.datasource.url", "jdbc:h2:file:${yunjian.data-dir}/db/yunjian");
        }
    }
}
