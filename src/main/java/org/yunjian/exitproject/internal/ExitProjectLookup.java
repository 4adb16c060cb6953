package org.yunjian.exitproject.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.exitproject.ExitProjects;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/** {@link ExitProjects} over the projects the caller may list. */
@Component
class ExitProjectLookup implements ExitProjects {

    private final ExitProjectService service;

    ExitProjectLookup(ExitProjectService service) {
        this.service = service;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Summary> ofSystem(UUID systemId) {
        return service.list(systemId).stream()
                .map(p -> new Summary(p.id(), p.name(), p.status()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Paged<Summary> search(String q, PageRequest page) {
        if (!searcher()) {
            return Paged.of(List.of(), page, 0);
        }
        return service.page(null, q, null, page).map(p -> new Summary(p.id(), p.name(), p.status()));
    }

    @Override
    @Transactional(readOnly = true)
    public Paged<Certificate> certificates(String q, PageRequest page) {
        if (!searcher()) {
            return Paged.of(List.of(), page, 0);
        }
        return service.certificatePage(q, page);
    }

    /** Who lists exit projects at all (a security or audit administrator does not: no refusal to log). */
    private static boolean searcher() {
        return CurrentUser.current()
                .filter(u -> u.is(Role.SYSTEM_ADMIN) || (u.is(Role.USER) && u.organizationId() != null))
                .isPresent();
    }
}
