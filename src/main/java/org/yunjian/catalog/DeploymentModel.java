package org.yunjian.catalog;

import java.util.Locale;
import org.yunjian.shared.Msg;

/** Cloud deployment model a requirement is restricted to; JR/T 行业云 is COMMUNITY. */
public enum DeploymentModel {
    PRIVATE,
    COMMUNITY,
    PUBLIC;

    /** The display name in Chinese (bundle key {@code enum.DeploymentModel.<CONSTANT>}); pages use {@code @fmt.label}. */
    public String zh() {
        return Msg.of(this).text(Locale.SIMPLIFIED_CHINESE);
    }

    /** The display name in English. */
    public String en() {
        return Msg.of(this).text(Locale.ENGLISH);
    }
}
