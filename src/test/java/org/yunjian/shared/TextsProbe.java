package org.yunjian.shared;

import java.util.List;

/** Test access to the bundle names {@link Texts} discovered. */
public final class TextsProbe {
    private TextsProbe() {}

    public static List<String> basenames() {
        return List.of(Texts.basenames());
    }
}
