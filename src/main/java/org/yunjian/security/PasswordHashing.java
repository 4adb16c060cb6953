package org.yunjian.security;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * The cost of Argon2id for stored passwords: memory and passes, read from {@code yunjian.security.password-hash.*}.
 * The defaults are Spring Security's (16 MiB, 2 passes, 1 lane, 16-byte salt, 32-byte hash); an operator may raise
 * them on stronger machines (docs/security.md). Lower values are accepted down to {@link #MIN_MEMORY_KIB} and one pass:
 * the test suite uses them, because it hashes thousands of passwords and checks behaviour, not cost. Every stored
 * hash names its own cost, so hashes made under other settings still verify.
 */
public record PasswordHashing(int memoryKib, int iterations) {

    public static final int DEFAULT_MEMORY_KIB = 1 << 14;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int MIN_MEMORY_KIB = 1024;

    public PasswordHashing {
        if (memoryKib < MIN_MEMORY_KIB || iterations < 1) {
            // said to the operator at start-up in both languages: the process has no reader's language yet
            Msg refusal = Msg.of("security.passwordHash.error.tooWeak", memoryKib, iterations, MIN_MEMORY_KIB);
            throw new IllegalStateException(
                    Texts.render(refusal, Texts.CHINESE) + "\n" + Texts.render(refusal, Texts.ENGLISH));
        }
    }

    public static PasswordHashing defaults() {
        return new PasswordHashing(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS);
    }

    public PasswordEncoder encoder() {
        return new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations);
    }
}
