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

    /** A person as other modules name and place them: user name, display name and organisation. */
    public record Person(java.util.UUID id, String username, String displayName, java.util.UUID organizationId) {}

    /** The people with the given account ids that exist, by id (for names on pages, exports and in texts). */
    public Map<java.util.UUID, Person> byIds(Collection<java.util.UUID> ids) {
        Map<java.util.UUID, Person> out = new HashMap<>();
        for (java.util.UUID id : ids) {
            if (id != null && !out.containsKey(id)) {
                accounts.findById(id).ifPresent(a -> out.put(id, person(a)));
            }
        }
        return out;
    }

    /** The person with that user name, if an account has it. */
    public java.util.Optional<Person> byUsername(String username) {
        return username == null
                ? java.util.Optional.empty()
                : accounts.findByUsername(username.strip()).map(PeopleNames::person);
    }

    private static Person person(org.yunjian.security.internal.Account a) {
        return new Person(a.id(), a.username(), a.displayName(), a.organizationId());
    }
}
