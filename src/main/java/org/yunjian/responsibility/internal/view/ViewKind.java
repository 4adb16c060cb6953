package org.yunjian.responsibility.internal.view;

import java.util.Arrays;
import java.util.Optional;

/**
 * A switchable view of a system's responsibility matrix besides its T/CCIA duties (issue 12 item 2): the 等保 2.0
 * level-3 cloud-extension items with the side each is assessed on, or the duties of the sector guide that applies to
 * the system's industry. Display names are {@code enum.ViewKind.<CONSTANT>}.
 */
public enum ViewKind {
    /** 等保 2.0 (GB/T 22239-2019 §8.2, level 3) cloud-extension items. */
    MLPS("mlps", "MLPS-L3"),
    /** 政府网站云计算服务安全指南, for government websites. */
    GOV("gov", "GOVWEB"),
    /** 证券期货业云技术应用安全规范 (JR/T), for securities and futures systems. */
    JRT("jrt", "JRT-SF");

    private final String code;
    private final String standard;

    ViewKind(String code, String standard) {
        this.code = code;
        this.standard = standard;
    }

    /** The name used in addresses and on the command line ({@code mlps}, {@code gov}, {@code jrt}). */
    public String code() {
        return code;
    }

    /** The catalog standard the view's rows come from. */
    public String standard() {
        return standard;
    }

    /** The view named {@code code} (case-insensitive), if any. */
    public static Optional<ViewKind> ofCode(String code) {
        return code == null
                ? Optional.empty()
                : Arrays.stream(values())
                        .filter(k -> k.code.equalsIgnoreCase(code.strip()))
                        .findFirst();
    }
}
