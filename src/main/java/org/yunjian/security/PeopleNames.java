package org.yunjian.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yunjian.security.internal.AccountRepository;

/**
 * People by the name they go by: the display names of accounts, for pages and exports that record user names
 * (the audit log). Only names, never roles or other account data; an unknown user name has no entry.
 */
@Component
public class PeopleNames {

    private final AccountRepository accounts;

    PeopleNames(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** User name → display name, for those of the given user names that belong to an account. */
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> out = new HashMap<>();
        for (String u : usernames) {
            if (u != null && !out.containsKey(u)) {
                accounts.findByUsername(u).ifPresent(a -> out.put(u, a.displayName()));
            }
        }
        return out;
    }
}
