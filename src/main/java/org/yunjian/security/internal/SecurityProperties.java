package org.yunjian.security.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings under {@code yunjian.security}: the 等保 level-3 password, lockout and session rules.
 *
 * @param idleTimeout          idle session timeout (also {@code server.servlet.session.timeout})
 * @param absoluteSessionLimit a session ends this long after login, however active it is
 * @param setupToken           a set-up token chosen by the operator ({@code YUNJIAN_SETUP_TOKEN}), or blank
 */
@ConfigurationProperties("yunjian.security")
public record SecurityProperties(
        Duration idleTimeout,
        Duration absoluteSessionLimit,
        String setupToken,
        Password password,
        Lockout lockout,
        Throttle throttle) {

    @ConstructorBinding
    public SecurityProperties {
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(15) : idleTimeout;
        absoluteSessionLimit = absoluteSessionLimit == null ? Duration.ofHours(8) : absoluteSessionLimit;
        password = password == null ? new Password(12, 3, 5, Duration.ofDays(90)) : password;
        lockout = lockout == null ? new Lockout(5, Duration.ofMinutes(15)) : lockout;
        throttle = throttle == null
                ? new Throttle(10, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofHours(1), 0)
                : throttle;
    }

    public SecurityProperties(
            Duration idleTimeout,
            Duration absoluteSessionLimit,
            String setupToken,
            Password password,
            Lockout lockout) {
        this(idleTimeout, absoluteSessionLimit, setupToken, password, lockout, null);
    }

    /**
     * @param minLength           minimum number of characters
     * @param minCharacterClasses how many of upper case, lower case, digit and symbol must occur
     * @param history             how many previous passwords may not be reused
     * @param maxAge              a password older than this must be changed at the next login
     * @param minAge              a password younger than this cannot be changed by its holder (so that quick
     *                            successive changes cannot cycle through the history); forced changes and
     *                            administrators' resets are exempt
     */
    public record Password(int minLength, int minCharacterClasses, int history, Duration maxAge, Duration minAge) {
        @ConstructorBinding
        public Password {
            minAge = minAge == null ? Duration.ofDays(1) : minAge;
        }

        public Password(int minLength, int minCharacterClasses, int history, Duration maxAge) {
            this(minLength, minCharacterClasses, history, maxAge, null);
        }
    }

    /** @param maxFailures consecutive failures that lock the account @param duration how long it stays locked */
    public record Lockout(int maxFailures, Duration duration) {}

    /**
     * Failed logins and refusals, in memory or shared in the database with database sessions. After {@code maxFailures}
     * failures within {@code window} the counted thing is refused for {@code initialDelay}, doubling with each further
     * failure after a block, up to {@code maxDelay}; forgotten after a quiet {@code window}. Counted: each account name
     * at each source address ({@code maxFailures}); every login from one address ({@code addressMaxFailures}, much
     * higher, so that one person's mistakes never lock out an office behind one NAT address); and a source address's
     * refused tokens and undecodable requests ({@code maxFailures}), which block everything from it. Each account's
     * own count is the lockout ({@link Lockout}).
     *
     * @param addressMaxFailures failed logins (any account) from one address within the window; 0 = ten times
     *                           {@code maxFailures}
     */
    public record Throttle(
            int maxFailures, Duration window, Duration initialDelay, Duration maxDelay, int addressMaxFailures) {
        @ConstructorBinding
        public Throttle {
            addressMaxFailures = addressMaxFailures > 0 ? addressMaxFailures : 10 * maxFailures;
        }

        public Throttle(int maxFailures, Duration window, Duration initialDelay, Duration maxDelay) {
            this(maxFailures, window, initialDelay, maxDelay, 0);
        }
    }
}
