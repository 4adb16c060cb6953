package org.yunjian.catalog;

import java.util.Locale;
import org.yunjian.shared.Msg;

/** Which side an 等保 cloud-extension item is assessed on. */
public enum AssessedSide {
    CLOUD_PLATFORM,
    CUSTOMER_SYSTEM,
    BOTH;

    /** The display name in Chinese (bundle key {@code enum.AssessedSide.<CONSTANT>}); pages use {@code @fmt.label}. */
    public String zh() {
        return Msg.of(this).text(Locale.SIMPLIFIED_CHINESE);
    }

    /** The display name in English. */
    public String en() {
        return Msg.of(this).text(Locale.ENGLISH);
    }
}
