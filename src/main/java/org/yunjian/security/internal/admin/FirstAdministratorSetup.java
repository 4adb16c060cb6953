package org.yunjian.security.internal.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.security.Role;
import org.yunjian.security.Totp;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.security.internal.Messages;
import org.yunjian.security.internal.SecurityProperties;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * Creating the first security administrator without any default password: while no security
 * administrator exists, a one-time set-up token (printed at start-up, or chosen by the operator through
 * {@code YUNJIAN_SETUP_TOKEN}) lets {@code /setup} create one. Only the token's SHA-256 is stored.
 */
@Service
public class FirstAdministratorSetup {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministratorSetup.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final SetupTokenRepository tokens;
    private final UserAdministration users;
    private final SecurityProperties properties;
    private final Messages messages;
    private final Environment environment;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    FirstAdministratorSetup(
            AccountRepository accounts,
            SetupTokenRepository tokens,
            UserAdministration users,
            SecurityProperties properties,
            Messages messages,
            Environment environment,
            Clock clock,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.users = users;
        this.properties = properties;
        this.messages = messages;
        this.environment = environment;
        this.clock = clock;
        this.events = events;
    }

    /** Set-up is possible only while no security administrator exists. */
    public boolean isOpen() {
        return accounts.countAllByRole(Role.SECURITY_ADMIN) == 0;
    }

    /** Issues a fresh token (invalidating unused earlier ones) and returns it; only its hash is stored. */
    @Transactional
    public String issueToken() {
        if (!isOpen()) {
            throw new ConflictException("setup-closed", "security.setup.closed");
        }
        byte[] raw = new byte[20];
        RANDOM.nextBytes(raw);
        String token = Totp.base32Encode(raw);
        tokens.replaceUnused(hash(token), clock.instant());
        events.publishEvent(AuditableEvent.success(
                "system.setup.token", "setup_token", null, Msg.of("security.audit.setup.tokenIssued")));
        return token;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void announceAtStartup() {
        if (environment.acceptsProfiles(Profiles.of("cli")) || !isOpen()) {
            return;
        }
        String configured = properties.setupToken();
        if (configured != null && !configured.isBlank()) {
            tokens.replaceUnused(hash(configured.strip()), clock.instant());
            log.warn("No security administrator exists. Open /setup and use the set-up token given in "
                    + "YUNJIAN_SETUP_TOKEN (yunjian.security.setup-token) to create one.");
            return;
        }
        String token = issueToken();
        String line = "=".repeat(72);
        String text = "\n" + line + "\n" + Texts.get("security.setup.banner", token) + "\n" + line;
        log.warn(text);
    }

    /** Creates the first security administrator and consumes the token. */
    @Transactional(noRollbackFor = FieldErrors.ValidationException.class)
    public UserView complete(String token, String username, String displayName, String password) {
        if (!isOpen()) {
            throw new AccessDeniedException("security.setup.closed");
        }
        String hash = token == null || token.isBlank() ? null : hash(token.strip());
        boolean tokenOk = hash != null && tokens.isUsable(hash);
        Account a;
        try {
            if (!tokenOk) {
                throw new FieldErrors.ValidationException("token", messages.get("security.setup.error.token"));
            }
            a = users.insert(
                    new UserAdministration.NewUser(username, displayName, Role.SECURITY_ADMIN, null, password),
                    false,
                    false,
                    null);
        } catch (FieldErrors.ValidationException e) {
            if (!tokenOk) {
                e.errors().putIfAbsent("token", messages.get("security.setup.error.token"));
            }
            events.publishEvent(AuditableEvent.failure(
                            "system.setup",
                            "user",
                            null,
                            Msg.of(
                                    "security.audit.setup.failed",
                                    String.join(", ", e.errors().keySet())))
                    .withActor(username));
            throw e;
        }
        Instant now = clock.instant();
        if (!tokens.consume(hash, now)) {
            throw new FieldErrors.ValidationException("token", messages.get("security.setup.error.token"));
        }
        tokens.consumeAll(now);
        events.publishEvent(AuditableEvent.success(
                        "system.setup", "user", a.id(), Msg.of("security.audit.setup.created", a.username()))
                .withActor(a.username()));
        return users.view(a, now);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
