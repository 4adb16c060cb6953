package org.yunjian;

import java.util.List;

/** The bundles {@link org.yunjian.shared.Texts} found on the class path. */
final class TextsBasenames {
    private TextsBasenames() {}

    static List<String> get() {
        return org.yunjian.shared.TextsProbe.basenames();
    }
}
