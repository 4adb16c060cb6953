package org.yunjian.catalog;

import java.util.Locale;
import org.yunjian.shared.Msg;

/** Cloud deployment model a requirement is restricted to; JR/T 行业云 is COMMUNITY. */
public enum DeploymentModel {
    PRIVATE,
    COMMUNITY,
    PUBLIC;

    /**
     * The model named {@code name} (a cloud system's deployment model by its constant's name); empty for a name that
     * restricts nothing (hybrid, or none given), under which every requirement applies.
     */
    public static java.util.Optional<DeploymentModel> named(String name) {
        return java.util.Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst();
    }

    /** The display name in Chinese (bundle key {@code enum.DeploymentModel.<CONSTANT>}); pages use {@code @fmt.label}. */
    public String zh() {
        return Msg.of(this).text(Locale.SIMPLIFIED_CHINESE);
    }

    /** The display name in English. */
    public String en() {
        return Msg.of(this).text(Locale.ENGLISH);
    }
}
