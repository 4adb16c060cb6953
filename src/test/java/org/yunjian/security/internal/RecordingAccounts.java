package org.yunjian.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yunjian.security.internal.login.AddressThrottle;

/**
 * An account store for unit tests of the login rules, without a database: it answers from what the test gives it and
 * records every call as {@code "method arg arg …"}. A counting update it is not told to let through answers
 * {@code false} (no row updated). The suite runs without Mockito: with Mockito on the class path Spring's test framework
 * looks through every bean for mocks to reset before and after each test method, a quarter of the CPU time of the
 * authorization matrix (docs/performance.md, "Test-suite time").
 */
public class RecordingAccounts extends AccountRepository {

    private final Map<String, Account> byName = new HashMap<>();
    private final Map<String, Deque<Boolean>> answers = new HashMap<>();
    private final List<String> calls = new ArrayList<>();

    public RecordingAccounts() {
        super(null, null);
    }

    /** Knows {@code account} by its user name. */
    public RecordingAccounts with(Account account) {
        byName.put(account.username(), account);
        return this;
    }

    /** The answers of the next calls of {@code method}, in order. */
    public RecordingAccounts answering(String method, Boolean... next) {
        answers.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(Arrays.asList(next));
        return this;
    }

    /** The calls so far, each as {@code "method arg arg …"}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The calls of {@code method} so far. */
    public List<String> calls(String method) {
        return calls.stream()
                .filter(c -> c.equals(method) || c.startsWith(method + " "))
                .toList();
    }

    /** An address throttle that keeps its counts in memory. */
    public static AddressThrottle throttle(SecurityProperties properties, Clock clock) {
        return new AddressThrottle(properties, clock, event -> {}, new AddressThrottle.MemoryStore());
    }

    @Override
    public Optional<Account> findByUsername(String username) {
        record("findByUsername", username);
        return Optional.ofNullable(byName.get(username));
    }

    @Override
    public boolean reservePasswordAttempt(UUID id, int max, Instant now) {
        return answer("reservePasswordAttempt", id, max, now);
    }

    @Override
    public void releasePasswordAttempt(UUID id) {
        record("releasePasswordAttempt", id);
    }

    @Override
    public boolean recordTotpFailure(UUID id, int max, Instant now) {
        return answer("recordTotpFailure", id, max, now);
    }

    @Override
    public boolean lockIfExhausted(UUID id, int max, Instant until) {
        return answer("lockIfExhausted", id, max, until);
    }

    @Override
    public void resetFailures(UUID id) {
        record("resetFailures", id);
    }

    private boolean answer(String method, Object... args) {
        record(method, args);
        Deque<Boolean> next = answers.get(method);
        return next != null && !next.isEmpty() && next.poll();
    }

    private void record(String method, Object... args) {
        calls.add(Stream.concat(Stream.of(method), Arrays.stream(args).map(String::valueOf))
                .collect(Collectors.joining(" ")));
    }
}
