package org.yunjian.exit;

/** GB/T 31167 9.2 sensitivity of an inventory entry: 敏感 (sensitive) or 公开 (public). */
public enum Sensitivity {
    SENSITIVE("敏感"), PUBLIC("公开");

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
        switch (s == null ? "" : s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "敏感", "sensitive" -> {
                return SENSITIVE;
            }
            case "公开", "public" -> {
                return PUBLIC;
            }
            default -> throw new IllegalArgumentException("unknown sensitivity '" + s + "' (敏感/sensitive or 公开/public)");
        }
    }
}
