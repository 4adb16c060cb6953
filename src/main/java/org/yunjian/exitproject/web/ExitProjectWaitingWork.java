package org.yunjian.exitproject.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.yunjian.exitproject.ExitStatus;
import org.yunjian.exitproject.internal.ExitProjectService;
import org.yunjian.exitproject.internal.ProjectView;
import org.yunjian.exitproject.internal.ProjectView.Countersigning;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.Texts;
import org.yunjian.shared.WaitingWork;

/**
 * The hand-off of the countersignature on 我的待办: the provider's users see a deletion record waiting for their
 * countersignature (or for a countersigning key first); once countersigned, the customer's users see that the
 * certificate can be issued. Read from the projects in phase 删除 the caller sees, so it is never stale.
 */
@Component
class ExitProjectWaitingWork implements WaitingWork {

    private final ExitProjectService projects;

    ExitProjectWaitingWork(ExitProjectService projects) {
        this.projects = projects;
    }

    @Override
    public String titleKey() {
        return "exitproject.work.title";
    }

    @Override
    public List<Line> waiting() {
        if (!CurrentUser.current().map(u -> u.is(Role.USER) && u.organizationId() != null).orElse(false)) {
            return List.of();
        }
        List<Line> out = new ArrayList<>();
        for (var p : projects.list(null)) {
            if (p.status() != ExitStatus.DELETION) {
                continue;
            }
            ProjectView v = projects.view(p.id());
            if (v.certificate().isPresent() || v.deletion().isEmpty()) {
                continue;
            }
            Countersigning cs = v.countersigning();
            String href = "/exit-projects/" + p.id() + "#countersign";
            if (v.access().isProvider() && cs != Countersigning.VALID) {
                out.add(new Line(href, Texts.get(cs == Countersigning.NO_KEY ? "exitproject.work.countersignKey"
                        : "exitproject.work.countersign", p.name())));
            } else if (v.access().isCustomer() && cs == Countersigning.VALID) {
                out.add(new Line("/exit-projects/" + p.id() + "#certificate", Texts.get("exitproject.work.issue", p.name())));
            }
        }
        return out;
    }
}
