package org.yunjian.documents.internal;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log (by default printed straight to the console, several lines per document) through
 * SLF4J under its own logger names ({@code com.openhtmltopdf.load}, …), so the application's logging levels
 * apply: {@code application.yml} keeps only its errors. Problems with a document still reach the caller as
 * exceptions from {@link org.yunjian.documents.PdfRenderer#render}.
 */
public final class OpenHtmlToPdfLogging implements XRLogger {

    private static volatile boolean installed;

    private OpenHtmlToPdfLogging() {}

    /** Installs the bridge once per class loader; later calls do nothing. */
    public static void install() {
        if (!installed) {
            synchronized (OpenHtmlToPdfLogging.class) {
                if (!installed) {
                    XRLog.setLoggerImpl(new OpenHtmlToPdfLogging());
                    installed = true;
                }
            }
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger log = LoggerFactory.getLogger(where);
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            log.error(msg, th);
        } else if (v >= Level.WARNING.intValue()) {
            log.warn(msg, th);
        } else if (v >= Level.INFO.intValue()) {
            log.info(msg, th);
        } else if (v >= Level.FINE.intValue()) {
            log.debug(msg, th);
        } else {
            log.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels come from the application's logging configuration
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger log = LoggerFactory.getLogger("com.openhtmltopdf");
        int v = diagnostic.getLevel().intValue();
        return v >= Level.SEVERE.intValue()
                ? log.isErrorEnabled()
                : v >= Level.WARNING.intValue()
                        ? log.isWarnEnabled()
                        : v >= Level.INFO.intValue() ? log.isInfoEnabled() : log.isDebugEnabled();
    }
}
