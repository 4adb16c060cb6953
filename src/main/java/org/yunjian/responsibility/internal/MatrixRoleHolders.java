package org.yunjian.responsibility.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.RoleHolders;

/** {@link RoleHolders} from the current matrix version. */
@Component
class MatrixRoleHolders implements RoleHolders {

    private final ResponsibilityService service;

    MatrixRoleHolders(ResponsibilityService service) {
        this.service = service;
    }

    @Override
    public Optional<List<Participant>> participants(UUID systemId) {
        return service.participantsOf(systemId);
    }
}
