package org.yunjian.catalog;

import java.util.Locale;
import org.yunjian.shared.Msg;

/** A party role a requirement binds. JR/T 委托方 / 受托方 map to CUSTOMER / PROVIDER. */
public enum CloudRole {
    CUSTOMER,
    PROVIDER,
    AGENT_WEBSITE_DEVELOPER,
    AGENT_SYSTEM_INTEGRATOR,
    AGENT_SECURITY_SERVICE,
    THIRD_PARTY_ASSESSOR,
    PARTNER_SOFTWARE,
    PARTNER_HARDWARE,
    PARTNER_OM_SERVICE,
    PARTNER_SECURITY_SERVICE;

    /** The display name in Chinese (bundle key {@code enum.CloudRole.<CONSTANT>}); pages use {@code @fmt.label}. */
    public String zh() {
        return Msg.of(this).text(Locale.SIMPLIFIED_CHINESE);
    }

    /** The display name in English. */
    public String en() {
        return Msg.of(this).text(Locale.ENGLISH);
    }
}
