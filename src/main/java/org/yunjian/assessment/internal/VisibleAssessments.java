package org.yunjian.assessment.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.yunjian.assessment.AssessmentDirectory;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;

/** {@link AssessmentDirectory} over the service's own visibility rules. */
@Component
class VisibleAssessments implements AssessmentDirectory {

    private final AssessmentService service;

    VisibleAssessments(AssessmentService service) {
        this.service = service;
    }

    @Override
    public List<Summary> visible(UUID systemId) {
        boolean mayRead = CurrentUser.current().map(u -> u.is(Role.USER) || u.is(Role.SYSTEM_ADMIN)).orElse(false);
        if (!mayRead) {
            return List.of();
        }
        return service.list(systemId).stream()
                .map(a -> new Summary(a.id(), a.name(), a.systemId(), a.status())).toList();
    }
}
