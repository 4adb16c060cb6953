package org.yunjian.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.security.internal.OrganizationAdminRepository;

/**
 * People by display name, for the people pickers: enabled accounts of the given organisations (the caller's module
 * decides which the caller may see), never roles or other account data.
 */
@Component
public class PeopleSearch {

    public static final int LIMIT = 20;

    private final OrganizationAdminRepository accounts;

    PeopleSearch(OrganizationAdminRepository accounts) {
        this.accounts = accounts;
    }

    /** Up to {@link #LIMIT} people whose name contains {@code q}: of {@code organizations}, or anyone if {@code null}. */
    public List<PeopleNames.Person> search(String q, Set<UUID> organizations) {
        return accounts.search(q, organizations, LIMIT).stream()
                .map(f -> new PeopleNames.Person(f.id(), f.username(), f.displayName(), f.organizationId()))
                .toList();
    }
}
