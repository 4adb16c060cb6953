/**
 * The monthly 安全运行报告 of a system's website monitoring (政府网站云计算服务安全指南 8.4), free of Spring: the
 * month in the users' zone ({@link org.yunjian.monitoring.report.ReportMonth}), the figures computed from the month's
 * probes and alerts ({@link org.yunjian.monitoring.report.OperationFigures}), the document laid out in the reader's
 * language ({@link org.yunjian.monitoring.report.OperationReport}) and written as Word
 * ({@link org.yunjian.monitoring.report.ReportDocx}).
 */
package org.yunjian.monitoring.report;
