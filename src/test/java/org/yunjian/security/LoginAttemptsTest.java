package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yunjian.shared.AuditableEvent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.AccountAuthenticationProvider;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.security.internal.AddressThrottle;
import org.yunjian.security.internal.LoginAttempts;

class LoginAttemptsTest {

    private final AccountRepository repo = mock(AccountRepository.class);
    private final List<Object> events = new ArrayList<>();
    private final LoginAttempts attempts = new LoginAttempts(repo, PasswordPolicyTest.properties(), events::add);
    private final Instant now = Instant.parse("2026-11-21T08:00:00Z");

    @Test
    void locksForFifteenMinutesWhenTheCounterIsExhaustedAndRecordsTheLockoutOnce() {
        Account a = account(0, null);
        when(repo.lockIfExhausted(a.id(), 5, now.plus(Duration.ofMinutes(15)))).thenReturn(false, false, true);
        assertThat(attempts.passwordWrong(a, now)).isFalse();
        assertThat(attempts.passwordWrong(a, now)).isFalse();
        assertThat(attempts.passwordWrong(a, now)).isTrue();
        assertThat(events).singleElement().isInstanceOfSatisfying(AuditableEvent.class, e -> {
            assertThat(e.action()).isEqualTo("user.lockout");
            assertThat(e.actor()).isEqualTo("alice");
        });
    }

    @Test
    void aWrongCodeThatCannotBeCountedAnyMoreMeansLocked() {
        Account a = account(0, null);
        when(repo.recordTotpFailure(a.id(), 5, now)).thenReturn(false);
        assertThat(attempts.totpWrong(a, now)).isTrue();
        verify(repo, never()).lockIfExhausted(any(), org.mockito.ArgumentMatchers.anyInt(), any());
    }

    @Test
    void aCorrectPasswordGivesItsReservationBackButOnlyACompleteLoginResetsTheCounters() {
        Account a = account(3, null);
        attempts.passwordCorrect(a);
        verify(repo).releasePasswordAttempt(a.id());
        verify(repo, never()).resetFailures(any());
        attempts.loginCompleted(a);
        verify(repo).resetFailures(a.id());
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
        Account locked = new Account(UUID.randomUUID(), "alice", "Alice", Role.USER, UUID.randomUUID(),
                "h:right-Password-1", now, false, 0, now.plusSeconds(60), null, true, false, now);
        when(repo.findByUsername("alice")).thenReturn(Optional.of(locked));
        when(repo.findByUsername("nobody")).thenReturn(Optional.empty());
        AccountAuthenticationProvider provider = new AccountAuthenticationProvider(repo, encoder, attempts,
                java.time.Clock.fixed(now, java.time.ZoneOffset.UTC), events::add, mock(AddressThrottle.class));
        Authentication lockedLogin = UsernamePasswordAuthenticationToken.unauthenticated("alice", "right-Password-1");
        Authentication unknownLogin = UsernamePasswordAuthenticationToken.unauthenticated("nobody", "whatever-1A");
        var lockedError = org.assertj.core.api.Assertions.catchThrowable(() -> provider.authenticate(lockedLogin));
        var unknownError = org.assertj.core.api.Assertions.catchThrowable(() -> provider.authenticate(unknownLogin));
        assertThat(lockedError).isInstanceOf(BadCredentialsException.class);
        assertThat(unknownError).isInstanceOf(BadCredentialsException.class).hasMessage(lockedError.getMessage());
        verify(repo, never()).releasePasswordAttempt(any());
        assertThatThrownBy(() -> provider.authenticate(lockedLogin)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void unknownUserCostsOnePasswordHashLikeAKnownOne() {
        PasswordEncoder encoder = mock(PasswordEncoder.class);
        when(encoder.encode(any())).thenReturn("dummy");
        when(repo.findByUsername("nobody")).thenReturn(Optional.empty());
        AccountAuthenticationProvider provider = new AccountAuthenticationProvider(repo, encoder, attempts,
                java.time.Clock.fixed(now, java.time.ZoneOffset.UTC), events::add, mock(AddressThrottle.class));
        assertThatThrownBy(() -> provider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("nobody", "Some-Passw0rd")))
                .isInstanceOf(BadCredentialsException.class);
        verify(encoder).matches("Some-Passw0rd", "dummy");
    }

    private Account account(int failures, Instant lockedUntil) {
        return new Account(UUID.randomUUID(), "alice", "Alice", Role.USER, UUID.randomUUID(), "hash", now, false,
                failures, lockedUntil, null, true, false, now);
    }
}
