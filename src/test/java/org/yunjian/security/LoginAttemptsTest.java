package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.RecordingAccounts;
import org.yunjian.security.internal.login.AccountAuthenticationProvider;
import org.yunjian.security.internal.login.LoginAttempts;
import org.yunjian.shared.AuditableEvent;

class LoginAttemptsTest {

    private final RecordingAccounts repo = new RecordingAccounts();
    private final List<Object> events = new ArrayList<>();
    private final LoginAttempts attempts = new LoginAttempts(repo, PasswordPolicyTest.properties(), events::add);
    private final Instant now = Instant.parse("2026-11-21T08:00:00Z");

    @Test
    void locksForFifteenMinutesWhenTheCounterIsExhaustedAndRecordsTheLockoutOnce() {
        Account a = account(0, null);
        repo.answering("lockIfExhausted", false, false, true);
        assertThat(attempts.passwordWrong(a, now)).isFalse();
        assertThat(attempts.passwordWrong(a, now)).isFalse();
        assertThat(attempts.passwordWrong(a, now)).isTrue();
        assertThat(repo.calls("lockIfExhausted"))
                .hasSize(3)
                .containsOnly("lockIfExhausted " + a.id() + " 5 " + now.plus(Duration.ofMinutes(15)));
        assertThat(events).singleElement().isInstanceOfSatisfying(AuditableEvent.class, e -> {
            assertThat(e.action()).isEqualTo("user.lockout");
            assertThat(e.actor()).isEqualTo("alice");
        });
    }

    @Test
    void aWrongCodeThatCannotBeCountedAnyMoreMeansLocked() {
        Account a = account(0, null);
        repo.answering("recordTotpFailure", false);
        assertThat(attempts.totpWrong(a, now)).isTrue();
        assertThat(repo.calls()).containsExactly("recordTotpFailure " + a.id() + " 5 " + now);
    }

    @Test
    void aCorrectPasswordGivesItsReservationBackButOnlyACompleteLoginResetsTheCounters() {
        Account a = account(3, null);
        attempts.passwordCorrect(a);
        assertThat(repo.calls()).containsExactly("releasePasswordAttempt " + a.id());
        attempts.loginCompleted(a);
        assertThat(repo.calls()).containsExactly("releasePasswordAttempt " + a.id(), "resetFailures " + a.id());
    }

    @Test
    void lockedAccountRefusesEvenTheRightPasswordWithTheGenericError() {
        PasswordEncoder encoder = new org.springframework.security.crypto.password.PasswordEncoder() {
            public String encode(CharSequence raw) {
                return "h:" + raw;
            }

            public boolean matches(CharSequence raw, String hash) {
                return hash.equals("h:" + raw);
            }
        };
        Account locked = new Account(
                UUID.randomUUID(),
                "alice",
                "Alice",
                Role.USER,
                UUID.randomUUID(),
                "h:right-Password-1",
                now,
                false,
                0,
                now.plusSeconds(60),
                null,
                true,
                false,
                now);
        repo.with(locked); // and the store lets no password check through: locked
        java.time.Clock clock = java.time.Clock.fixed(now, java.time.ZoneOffset.UTC);
        AccountAuthenticationProvider provider = new AccountAuthenticationProvider(
                repo,
                encoder,
                attempts,
                clock,
                events::add,
                RecordingAccounts.throttle(PasswordPolicyTest.properties(), clock));
        Authentication lockedLogin = UsernamePasswordAuthenticationToken.unauthenticated("alice", "right-Password-1");
        Authentication unknownLogin = UsernamePasswordAuthenticationToken.unauthenticated("nobody", "whatever-1A");
        var lockedError = org.assertj.core.api.Assertions.catchThrowable(() -> provider.authenticate(lockedLogin));
        var unknownError = org.assertj.core.api.Assertions.catchThrowable(() -> provider.authenticate(unknownLogin));
        assertThat(lockedError).isInstanceOf(BadCredentialsException.class);
        assertThat(unknownError).isInstanceOf(BadCredentialsException.class).hasMessage(lockedError.getMessage());
        assertThat(repo.calls("releasePasswordAttempt")).isEmpty();
        assertThat(repo.calls("reservePasswordAttempt")).hasSize(1);
        assertThatThrownBy(() -> provider.authenticate(lockedLogin)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void unknownUserCostsOnePasswordHashLikeAKnownOne() {
        List<String> checked = new ArrayList<>();
        PasswordEncoder encoder = new PasswordEncoder() {
            public String encode(CharSequence raw) {
                return "dummy";
            }

            public boolean matches(CharSequence raw, String hash) {
                checked.add(raw + " against " + hash);
                return false;
            }
        };
        java.time.Clock clock = java.time.Clock.fixed(now, java.time.ZoneOffset.UTC);
        AccountAuthenticationProvider provider = new AccountAuthenticationProvider(
                repo,
                encoder,
                attempts,
                clock,
                events::add,
                RecordingAccounts.throttle(PasswordPolicyTest.properties(), clock));
        assertThatThrownBy(() -> provider.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated("nobody", "Some-Passw0rd")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checked).containsExactly("Some-Passw0rd against dummy");
    }

    private Account account(int failures, Instant lockedUntil) {
        return new Account(
                UUID.randomUUID(),
                "alice",
                "Alice",
                Role.USER,
                UUID.randomUUID(),
                "hash",
                now,
                false,
                failures,
                lockedUntil,
                null,
                true,
                false,
                now);
    }
}
