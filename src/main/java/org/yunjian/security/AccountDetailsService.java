package org.yunjian.security;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountDetailsService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account a = accounts.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return new AccountPrincipal(a.toCurrentUser(), a.passwordHash(), a.enabled(), a.lockedAt(clock.instant()),
                !a.requiresTotp());
    }
}
