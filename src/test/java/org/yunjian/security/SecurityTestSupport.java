package org.yunjian.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A settable clock, an organisation directory over the organisation table, and a password encoder
 * that counts how often each stored hash was checked (to prove how many passwords a burst may test).
 */
@TestConfiguration
public class SecurityTestSupport {

    /** Argon2 with the context's settings ({@link PasswordHashing}), counting {@code matches} per stored hash. */
    public static final class CountingPasswordEncoder
            implements org.springframework.security.crypto.password.PasswordEncoder {
        private final org.springframework.security.crypto.password.PasswordEncoder delegate;
        private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> checks =
                new java.util.concurrent.ConcurrentHashMap<>();

        CountingPasswordEncoder(PasswordHashing hashing) {
            this.delegate = hashing.encoder();
        }

        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String hash) {
            checks.computeIfAbsent(hash, h -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
            return delegate.matches(raw, hash);
        }

        /** Every check so far, against any hash (unknown user names are checked against a dummy hash). */
        public int totalChecks() {
            return checks.values().stream()
                    .mapToInt(java.util.concurrent.atomic.AtomicInteger::get)
                    .sum();
        }

        public int checksOf(String hash) {
            var n = checks.get(hash);
            return n == null ? 0 : n.get();
        }
    }

    @Bean
    @Primary
    CountingPasswordEncoder countingPasswordEncoder(
            @org.springframework.beans.factory.annotation.Value("${yunjian.security.password-hash.memory-kib}")
                    int memoryKib,
            @org.springframework.beans.factory.annotation.Value("${yunjian.security.password-hash.iterations}")
                    int iterations) {
        return new CountingPasswordEncoder(new PasswordHashing(memoryKib, iterations));
    }

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    @Primary
    OrganizationDirectory testOrganizations(JdbcClient jdbc) {
        return new OrganizationDirectory() {
            @Override
            public List<OrganizationRef> all() {
                return jdbc.sql("SELECT id, name FROM organization ORDER BY name")
                        .query((rs, n) -> new OrganizationRef(rs.getObject(1, UUID.class), rs.getString(2)))
                        .list();
            }

            @Override
            public Optional<OrganizationRef> find(UUID id) {
                return all().stream().filter(o -> o.id().equals(id)).findFirst();
            }
        };
    }
}
