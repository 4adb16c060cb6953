package org.yunjian.responsibility.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.responsibility.Approval;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.responsibility.VersionStatus;
import org.yunjian.responsibility.internal.MatrixDocument.StoredParticipant;
import org.yunjian.responsibility.internal.MatrixRepository.MatrixInfo;
import org.yunjian.responsibility.internal.MatrixRepository.VersionRow;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkSource;
import org.yunjian.shared.work.WorkTask;

/**
 * What waits on a system's responsibility matrix, for 我的待办 and the notifications: published after every change of
 * the matrix (inside its transaction) and for every matrix when the inbox rebuilds, by the one method
 * {@link #snapshot(MatrixInfo)}. While the current version is a draft:
 * <ul>
 *   <li>once one side has signed it off, the other side's organisation signs next ({@link Approval#awaited()}:
 *   either side may sign first);</li>
 *   <li>the customer confirms the roles of every participant whose roles still come from the engagements (T/CCIA
 *   004-2024 Annex A, the role assistant), as only the customer decides roles.</li>
 * </ul>
 * Both are addressed to the customer's or the provider's organisation, which see the whole matrix.
 */
@Component
class MatrixWork implements WorkSource {

    static final String SCOPE = "responsibility-matrix:";
    static final String SIGN_OFF = "work.responsibility.signOff";
    static final String ROLES = "work.responsibility.roles";

    private final MatrixRepository repo;
    private final Parties parties;
    private final ApplicationEventPublisher events;

    MatrixWork(MatrixRepository repo, Parties parties, ApplicationEventPublisher events) {
        this.repo = repo;
        this.parties = parties;
        this.events = events;
    }

    /** Publishes what now waits on the matrix of {@code systemId} (none yet: nothing). */
    void publish(UUID systemId) {
        repo.findBySystem(systemId).ifPresent(m -> events.publishEvent(snapshot(m)));
    }

    @Override
    @Transactional
    public void publishAll() {
        repo.all().forEach(m -> events.publishEvent(snapshot(m)));
    }

    /** Everything waiting on one matrix now, read from what is stored: the same after a change and on a rebuild. */
    WorkSnapshot snapshot(MatrixInfo m) {
        String scope = SCOPE + m.id();
        Optional<CloudSystem> system = system(m.systemId());
        Optional<VersionRow> row = repo.version(m.id(), m.currentVersion());
        if (system.isEmpty() || row.isEmpty() || row.get().status() == VersionStatus.APPROVED) {
            return WorkSnapshot.nothingWaiting(scope);
        }
        CloudSystem s = system.get();
        int version = m.currentVersion();
        String page = "/systems/" + s.id() + "/responsibility";
        List<WorkTask> open = new ArrayList<>();
        Approval approval = new Approval(repo.signOffs(m.id(), version).keySet());
        for (SignOffSide side : approval.awaited()) {
            UUID org = side == SignOffSide.CUSTOMER ? s.customerId() : s.providerId();
            SignOffSide other = side == SignOffSide.CUSTOMER ? SignOffSide.PROVIDER : SignOffSide.CUSTOMER;
            if (org != null) {
                open.add(new WorkTask(
                        "sign-off:" + side.name() + ":" + version,
                        SIGN_OFF,
                        List.of(s.name(), String.valueOf(version), "msg:enum.SignOffSide." + other.name()),
                        page + "#sign-offs",
                        WorkAddressee.organization(org, s.id()),
                        null));
            }
        }
        for (StoredParticipant p : MatrixDocument.read(row.get().document()).participants()) {
            if (!rolesConfirmed(p)) {
                open.add(new WorkTask(
                                "roles:" + p.organisation(),
                                ROLES,
                                List.of(p.name(), s.name()),
                                page + "/participants/" + p.organisation(),
                                WorkAddressee.organization(s.customerId(), s.id()),
                                null)
                        .in(WorkTask.Group.of("matrix-roles:" + s.id())));
            }
        }
        return new WorkSnapshot(scope, open);
    }

    /** Whether the customer confirmed (or overrode) the participant's roles with the role assistant. */
    static boolean rolesConfirmed(StoredParticipant p) {
        return "CONFIRMED".equals(p.source());
    }

    /**
     * The system, read as the platform: the snapshot is the same whoever's change it follows, and a rebuild runs
     * without a caller.
     */
    private Optional<CloudSystem> system(UUID systemId) {
        return parties.systemForPlatformWork(systemId);
    }
}
