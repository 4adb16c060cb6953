package org.yunjian.exitproject.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.exitproject.ExitProjects;

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
}
