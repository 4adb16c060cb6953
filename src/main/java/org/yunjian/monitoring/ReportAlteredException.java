package org.yunjian.monitoring;

import org.yunjian.shared.Msg;
import org.yunjian.shared.ProblemException;

/**
 * An issued 安全运行报告 that is not served: a stored file does not match the signed manifest, or the manifest does not
 * verify with the platform's key or belongs to another record — the database was altered. A server-side failure (500,
 * {@code monitor-report-altered}), as evidence that fails its integrity check is; the text names the report and, for a
 * file, the SM3 the manifest signed.
 */
public class ReportAlteredException extends ProblemException {

    public ReportAlteredException(Msg text) {
        super(500, "monitor-report-altered", text);
    }
}
