package org.yunjian.assessment;

import java.time.LocalDate;
import org.yunjian.shared.FieldErrors;

/**
 * The regulator's report template an assessment's report follows: 《网络安全等级测评报告模版（2025版）》
 * (公网安〔2025〕1846号) for contracts (委托) signed on or after 2025-03-20, the 2021 template before it. The
 * template decides the chapters and the scoring policy; display names {@code enum.ReportTemplate.<CONSTANT>}.
 */
public enum ReportTemplate {
    T2025,
    T2021;

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

    /**
     * The template an assessment uses, given the one asked for ({@code template}; null: the contract date decides,
     * see {@link #forContract}) and the contract date (null: not recorded), as of {@code today}. Recorded in
     * {@code errors}: a contract date more than a year ahead, and the 2021 template for a contract signed since
     * {@link #T2025_FROM}.
     */
    public static ReportTemplate choose(
            ReportTemplate template, LocalDate contractDate, LocalDate today, FieldErrors errors) {
        if (contractDate != null && contractDate.isAfter(today.plusYears(1))) {
            errors.add("contractDate", "report.setup.error.contractDate");
        }
        ReportTemplate chosen = template != null ? template : forContract(contractDate);
        if (!chosen.allowedFor(contractDate)) {
            errors.add("reportTemplate", "report.setup.error.t2021AfterCutoff", T2025_FROM);
        }
        return chosen;
    }

    /** A template as a form or request names it ({@link #parse}; blank or {@code AUTO}: null); else an error. */
    public static ReportTemplate parse(String raw, String field, FieldErrors errors) {
        try {
            return raw == null || "AUTO".equalsIgnoreCase(raw.strip()) ? null : parse(raw);
        } catch (IllegalArgumentException e) {
            errors.add(field, "report.setup.error.template");
            return null;
        }
    }

    /** A contract date as a form names it ({@code yyyy-MM-dd}; blank: null); else an error. */
    public static LocalDate contractDate(String raw, FieldErrors errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add("contractDate", "report.setup.error.contractDateFormat");
            return null;
        }
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
