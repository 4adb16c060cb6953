package org.yunjian.assessment.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;

/** The sign-off block from the assessment's team (names only until the review history records dates). */
@Component
class TeamSignOffs implements SignOffs {

    private final UserAdministration users;

    TeamSignOffs(UserAdministration users) {
        this.users = users;
    }

    @Override
    public SignOffSheet sheet(Records.AssessmentInfo a) {
        Map<UUID, String> names = users.list().stream().collect(Collectors.toMap(UserView::id, UserView::displayName));
        Function<UUID, Signature> unsigned = id -> new Signature(names.getOrDefault(id, "—"), null);
        List<Signature> testers = a.assessors().stream().map(unsigned).toList();
        return new SignOffSheet(testers, a.reviewers().stream().findFirst().map(unsigned).orElse(null),
                a.approvers().stream().findFirst().map(unsigned).orElse(null));
    }
}
