package org.yunjian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Gives every test run its own empty data directory (H2 files, keys), so runs never see each other's data. */
public class FreshDataDir implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("yunjian.data-dir") != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("yunjian-test-");
            System.setProperty("yunjian.data-dir", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
