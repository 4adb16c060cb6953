package org.yunjian.catalog;

import java.util.Locale;
import org.yunjian.shared.Msg;

/** The 等保 test methods (测评方法). */
public enum TestStepType {
    INTERVIEW,
    EXAMINE,
    TEST;

    /** The display name in Chinese (bundle key {@code enum.TestStepType.<CONSTANT>}); pages use {@code @fmt.label}. */
    public String zh() {
        return Msg.of(this).text(Locale.SIMPLIFIED_CHINESE);
    }

    /** The display name in English. */
    public String en() {
        return Msg.of(this).text(Locale.ENGLISH);
    }
}
