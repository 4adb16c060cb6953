package org.yunjian.catalog;

import java.util.Locale;
import org.yunjian.shared.Msg;

/** Responsibility layer, where the standard gives one (T/CCIA 004-2024 §6–§9). */
public enum Layer {
    MANAGEMENT,
    INFRASTRUCTURE,
    PLATFORM,
    SERVICE;

    /** The display name in Chinese (bundle key {@code enum.Layer.<CONSTANT>}); pages use {@code @fmt.label}. */
    public String zh() {
        return Msg.of(this).text(Locale.SIMPLIFIED_CHINESE);
    }

    /** The display name in English. */
    public String en() {
        return Msg.of(this).text(Locale.ENGLISH);
    }
}
