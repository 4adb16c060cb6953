package org.yunjian.security.internal.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yunjian.security.ApiTokenScope;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Text;

/**
 * A user's API token as stored: never the secret, only the SHA-256 of the whole token. The token a caller holds is
 * {@code yj_<lookup id>_<secret>}: the lookup id (16 characters, public) finds the row with one indexed read, the
 * secret (43 base-62 characters, ≈256 bits) is checked against the hash in constant time.
 */
public record ApiToken(
        UUID id,
        String lookupId,
        UUID userId,
        String name,
        ApiTokenScope scope,
        String secretHash,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt,
        String revokedBy) {

    public static final String PREFIX = "yj_";
    /** The longest validity a token may be given. */
    public static final int MAX_VALID_DAYS = 365;

    public static final int MAX_NAME_LENGTH = 100;
    private static final int LOOKUP_LENGTH = 16;
    private static final int SECRET_LENGTH = 43;
    private static final String LOOKUP_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern FORMAT = Pattern.compile("yj_([a-z0-9]{16})_[A-Za-z0-9]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum Status {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    /** A new token and the only copy of its value, to be shown once. */
    public record Issued(ApiToken token, String value) {
        @Override
        public String toString() {
            return "Issued[" + token.lookupId() + "]";
        }
    }

    /**
     * Checks the owner's input (name, scope, validity of 1 to {@value #MAX_VALID_DAYS} days) and issues a token;
     * every problem is reported against its field.
     */
    public static Issued issue(UUID userId, String name, ApiTokenScope scope, Integer validDays, Instant now) {
        FieldErrors errors = new FieldErrors();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME_LENGTH) {
            errors.add("name", "apitoken.error.name", MAX_NAME_LENGTH);
        } else {
            Text.violation(n, Text.Kind.LINE)
                    .ifPresent(v -> errors.add("name", v.problem().messageCode(), v.messageArgs("name")));
        }
        if (scope == null) {
            errors.add("scope", "apitoken.error.scope");
        }
        if (validDays == null || validDays < 1 || validDays > MAX_VALID_DAYS) {
            errors.add("validDays", "apitoken.error.validDays", MAX_VALID_DAYS);
        }
        errors.throwIfAny();
        String lookup = random(LOOKUP_ALPHABET, LOOKUP_LENGTH);
        String value = PREFIX + lookup + "_" + random(SECRET_ALPHABET, SECRET_LENGTH);
        ApiToken token = new ApiToken(
                UUID.randomUUID(),
                lookup,
                userId,
                n,
                scope,
                hash(value),
                now,
                now.plus(Duration.ofDays(validDays)),
                null,
                null,
                null);
        return new Issued(token, value);
    }

    /** The lookup id of a well-formed token value, else empty (nothing is looked up for a malformed one). */
    public static Optional<String> lookupIdOf(String value) {
        Matcher m = value == null ? null : FORMAT.matcher(value);
        return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether {@code value} is this token: its SHA-256 compared in constant time. */
    public boolean matches(String value) {
        return MessageDigest.isEqual(
                hash(value).getBytes(StandardCharsets.US_ASCII), secretHash.getBytes(StandardCharsets.US_ASCII));
    }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }

    public ApiToken revoked(Instant at, String by) {
        return new ApiToken(id, lookupId, userId, name, scope, secretHash, createdAt, expiresAt, lastUsedAt, at, by);
    }

    static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "ApiToken[" + lookupId + ", " + name + "]";
    }
}
