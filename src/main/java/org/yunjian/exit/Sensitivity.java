package org.yunjian.exit;

/**
 * GB/T 31167 9.2 sensitivity of an inventory entry: 敏感 (sensitive) or 公开 (public). The labels are values of the
 * manifest format (the standard's own words, in every language), not display text: a page or a report shows the
 * display name from its bundle.
 */
public enum Sensitivity {
    SENSITIVE("\u654f\u611f"),
    PUBLIC("\u516c\u5f00"); // 敏感, 公开: format values (data, not text)

    private final String label;

    Sensitivity(String label) {
        this.label = label;
    }

    /** The label written into manifests: {@code 敏感} or {@code 公开}. */
    public String label() {
        return label;
    }

    /** Accepts 敏感/公开 and the English {@code sensitive}/{@code public}. */
    public static Sensitivity parse(String s) {
        for (Sensitivity v : values()) {
            if (v.label.equals(s)) {
                return v; // what manifests hold, without the lower-casing (which is dear for CJK text)
            }
        }
        String name = s == null ? "" : s.trim().toLowerCase(java.util.Locale.ROOT);
        for (Sensitivity v : values()) {
            if (v.label.equals(name)
                    || v.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
                return v;
            }
        }
        throw new InvalidInputException("exit.sensitivity.unknown", String.valueOf(s));
    }
}
