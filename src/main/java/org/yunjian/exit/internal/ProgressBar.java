package org.yunjian.exit.internal;

import java.io.PrintStream;
import org.yunjian.exit.Verification;

/**
 * A one-line progress bar with throughput and ETA on standard error, only when the process runs on a
 * terminal (redirected output stays clean). Redrawn at most five times a second.
 */
public final class ProgressBar implements Verification.Progress {

    private final PrintStream out;
    private final long start = System.nanoTime();
    private long last;
    private boolean drawn;

    private ProgressBar(PrintStream out) {
        this.out = out;
    }

    /** A bar on standard error if stdin/stdout are a terminal, else null. */
    public static ProgressBar forTerminal() {
        return System.console() != null ? new ProgressBar(System.err) : null;
    }

    @Override
    public synchronized void update(long files, long filesTotal, long bytes, long bytesTotal) {
        long now = System.nanoTime();
        if (now - last < 200_000_000L) {
            return;
        }
        last = now;
        double secs = Math.max(1e-3, (now - start) / 1e9);
        double rate = bytes / secs;
        double frac = bytesTotal > 0
                ? Math.min(1, (double) bytes / bytesTotal)
                : filesTotal > 0 ? Math.min(1, (double) files / filesTotal) : 0;
        int width = 30;
        int fill = (int) (frac * width);
        String eta = rate > 0 && bytesTotal > bytes ? fmtTime((bytesTotal - bytes) / rate) : "--:--";
        out.printf(
                "\r[%s%s] %3d%% %d/%d files %s/s ETA %s  ",
                "#".repeat(fill), " ".repeat(width - fill), (int) (frac * 100), files, filesTotal, fmtBytes(rate), eta);
        out.flush();
        drawn = true;
    }

    public synchronized void done() {
        if (drawn) {
            out.print("\r" + " ".repeat(90) + "\r");
            out.flush();
        }
    }

    private static String fmtTime(double s) {
        long t = (long) s;
        return t >= 3600
                ? String.format("%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
                : String.format("%02d:%02d", t / 60, t % 60);
    }

    private static String fmtBytes(double b) {
        String[] u = {"B", "KiB", "MiB", "GiB", "TiB"};
        int i = 0;
        while (b >= 1024 && i < u.length - 1) {
            b /= 1024;
            i++;
        }
        return String.format("%.1f %s", b, u[i]);
    }
}
