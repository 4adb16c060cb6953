package org.yunjian.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yunjian.cli.CliRunner;

/**
 * Runs a {@code yunjian} command line in a test and keeps what it printed: {@link #out} and {@link #err} hold the
 * last run's output only, in the language the run asked for.
 */
public final class CliCapture {

    public final StringWriter out = new StringWriter();
    public final StringWriter err = new StringWriter();

    /** Runs {@code args} in {@code locale}; returns the exit code. */
    public int run(CliRunner cli, Locale locale, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        var commandLine = cli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        LocaleContextHolder.setLocale(locale);
        try {
            return commandLine.execute(args);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
