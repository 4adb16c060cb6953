package org.yunjian.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code yunjian.security}: the 等保 level-3 password, lockout and session rules.
 *
 * @param idleTimeout          idle session timeout (also {@code server.servlet.session.timeout})
 * @param absoluteSessionLimit a session ends this long after login, however active it is
 * @param setupToken           a set-up token chosen by the operator ({@code YUNJIAN_SETUP_TOKEN}), or blank
 */
@ConfigurationProperties("yunjian.security")
public record SecurityProperties(Duration idleTimeout, Duration absoluteSessionLimit, String setupToken,
                                 Password password, Lockout lockout) {

    public SecurityProperties {
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(15) : idleTimeout;
        absoluteSessionLimit = absoluteSessionLimit == null ? Duration.ofHours(8) : absoluteSessionLimit;
        password = password == null ? new Password(12, 3, 5, Duration.ofDays(90)) : password;
        lockout = lockout == null ? new Lockout(5, Duration.ofMinutes(15)) : lockout;
    }

    /**
     * @param minLength           minimum number of characters
     * @param minCharacterClasses how many of upper case, lower case, digit and symbol must occur
     * @param history             how many previous passwords may not be reused
     * @param maxAge              a password older than this must be changed at the next login
     */
    public record Password(int minLength, int minCharacterClasses, int history, Duration maxAge) {
    }

    /** @param maxFailures consecutive failures that lock the account @param duration how long it stays locked */
    public record Lockout(int maxFailures, Duration duration) {
    }
}
