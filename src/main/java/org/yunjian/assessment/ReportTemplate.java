package org.yunjian.assessment;

import java.time.LocalDate;

/**
 * The regulator's report template an assessment's report follows: 《网络安全等级测评报告模版（2025版）》
 * (公网安〔2025〕1846号) for contracts (委托) signed on or after 2025-03-20, the 2021 template before it. The
 * template decides the chapters and the scoring policy; display names {@code enum.ReportTemplate.<CONSTANT>}.
 */
public enum ReportTemplate {
    T2025, T2021;

    /** The first contract date that must use the 2025 template. */
    public static final LocalDate T2025_FROM = LocalDate.of(2025, 3, 20);

    /** The template a contract signed on {@code contractDate} uses (2025 when the date is unknown). */
    public static ReportTemplate forContract(LocalDate contractDate) {
        return contractDate != null && contractDate.isBefore(T2025_FROM) ? T2021 : T2025;
    }

    /**
     * Whether this template may be used for a contract signed on {@code contractDate}: a contract signed since
     * 2025-03-20 must use the 2025 template; an older one may use either (the 2021 one is usual).
     */
    public boolean allowedFor(LocalDate contractDate) {
        return this == T2025 || contractDate == null || contractDate.isBefore(T2025_FROM);
    }

    /** {@code 2025} or {@code 2021} (case-insensitive, with or without the leading T), or null. */
    public static ReportTemplate parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.strip().toUpperCase(java.util.Locale.ROOT);
        for (ReportTemplate t : values()) {
            if (t.name().equals(v) || t.name().substring(1).equals(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown-report-template");
    }
}
