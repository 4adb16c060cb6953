package org.yunjian.security;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.security.internal.Account;
import org.yunjian.security.internal.AccountRepository;
import org.yunjian.shared.work.WorkAddressee;

/**
 * The people a waiting task is addressed to ({@link WorkAddressee}): one person, every business user of an
 * organisation, or every administrator holding a platform role — enabled accounts only, never {@code except}.
 */
@Component
public class Addressees {

    /** An addressed person: where they belong and what they are called (no other account data). */
    public record Recipient(UUID id, String username, String displayName, Role role, UUID organizationId) {}

    private final AccountRepository accounts;
    private final org.springframework.beans.factory.ObjectProvider<org.yunjian.shared.work.SystemReaders> readers;

    Addressees(
            AccountRepository accounts,
            org.springframework.beans.factory.ObjectProvider<org.yunjian.shared.work.SystemReaders> readers) {
        this.accounts = accounts;
        this.readers = readers;
    }

    public List<Recipient> resolve(WorkAddressee to) {
        List<Account> found;
        if (to.user() != null) {
            found = accounts.findById(to.user()).stream().toList();
        } else if (to.organization() != null) {
            org.yunjian.shared.work.SystemReaders rule = to.system() == null ? null : readers.getIfAvailable();
            // about one system: only those who see it (need to know), read once for the whole organisation
            java.util.Set<java.util.UUID> seeing = rule == null ? null : rule.readersOf(to.organization(), to.system());
            found = accounts.findByOrganization(to.organization()).stream()
                    .filter(a -> a.role() == Role.USER)
                    .filter(a -> seeing == null || seeing.contains(a.id()))
                    .toList();
        } else {
            Role role;
            try {
                role = Role.valueOf(to.administratorRole());
            } catch (IllegalArgumentException e) {
                return List.of();
            }
            found = accounts.findAll().stream()
                    .filter(a -> a.role() == role && role.isAdministrator())
                    .toList();
        }
        return found.stream()
                .filter(a -> a.enabled() && !a.awaitingApproval() && !to.excepts(a.id()))
                .map(a -> new Recipient(a.id(), a.username(), a.displayName(), a.role(), a.organizationId()))
                .toList();
    }
}
