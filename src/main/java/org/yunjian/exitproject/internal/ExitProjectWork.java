package org.yunjian.exitproject.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunjian.exitproject.ExitStatus;
import org.yunjian.exitproject.internal.ProjectView.Countersigning;
import org.yunjian.party.CloudSystem;
import org.yunjian.security.SeedActor;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkSource;
import org.yunjian.shared.work.WorkTask;

/**
 * What waits on an exit project, for 我的待办 and the notifications: every step of the hand-offs between the
 * provider and the customer (docs/modules/exitproject.md, "Duties") — the provider registers its manifest key and
 * hands over a signed manifest; the customer approves the inventory, records a clean verification and authorises
 * the deletion; the provider plans and records the deletion and countersigns the record (registering a
 * countersigning key first); the customer issues the certificate. Each task goes to the organisation whose users
 * may act. Published after every change of a project (inside its transaction) and, for every unfinished project,
 * when the inbox rebuilds.
 */
@Component
class ExitProjectWork implements WorkSource {

    static final String SCOPE = "exit-project:";

    private final ExitProjectRepository repo;
    private final ProjectRecords records;
    private final ApplicationEventPublisher events;

    ExitProjectWork(ExitProjectRepository repo, ProjectRecords records, ApplicationEventPublisher events) {
        this.repo = repo;
        this.records = records;
        this.events = events;
    }

    /** Publishes what now waits on the project: call after every change of it, inside the change's transaction. */
    void changed(UUID id) {
        events.publishEvent(snapshot(id));
    }

    @Override
    public void publishAll() {
        for (UUID id : repo.unfinished()) {
            WorkSnapshot s = snapshot(id);
            if (!s.open().isEmpty()) {
                events.publishEvent(s);
            }
        }
    }

    /**
     * What waits on the project, whoever asks: read as the platform, which sees both parties (the deletion record
     * the provider countersigns names them, so its SM3 must not depend on the caller).
     */
    WorkSnapshot snapshot(UUID id) {
        AtomicReference<WorkSnapshot> out = new AtomicReference<>();
        SeedActor.run(
                SeedActor.platform(),
                () -> out.set(
                        repo.find(id).isEmpty()
                                ? WorkSnapshot.nothingWaiting(SCOPE + id)
                                : tasks(records.view(records.access(id)))));
        return out.get();
    }

    static WorkSnapshot tasks(ProjectView v) {
        UUID id = v.project().id();
        String name = v.project().name();
        CloudSystem system = v.access().system();
        String page = "/exit-projects/" + id;
        List<WorkTask> open = new ArrayList<>();
        ExitStatus status = v.project().status();
        if (v.certificate().isPresent() || status == ExitStatus.CLOSED) {
            return new WorkSnapshot(SCOPE + id, open);
        }
        WorkAddressee customer = WorkAddressee.organization(system.customerId(), system.id());
        WorkAddressee provider =
                system.providerId() == null ? null : WorkAddressee.organization(system.providerId(), system.id());
        boolean handingOver = status == ExitStatus.PLANNING || status == ExitStatus.HANDOVER;
        if (handingOver && provider != null && v.project().providerKeyPem() == null) {
            open.add(task("provider-key", "exitproject.work.providerKey", name, page + "#inventory", provider));
        } else if (handingOver && provider != null && v.manifests().isEmpty()) {
            open.add(task("manifest", "exitproject.work.manifest", name, page + "#inventory", provider));
        }
        boolean inventory = !v.manifests().isEmpty() || !v.items().isEmpty();
        if (handingOver && inventory && !v.project().inventoryApproved()) {
            open.add(task(
                    "inventory-approval", "exitproject.work.approveInventory", name, page + "#inventory", customer));
        } else if (handingOver
                && v.project().inventoryApproved()
                && !v.manifests().isEmpty()) {
            open.add(task(
                    "start-verification", "exitproject.work.startVerification", name, page + "#transitions", customer));
        }
        if (status == ExitStatus.VERIFICATION && !v.cleanVerification()) {
            open.add(task("verification", "exitproject.work.verification", name, page + "#verification", customer));
        }
        boolean verified =
                (status == ExitStatus.VERIFICATION || status == ExitStatus.DELETION) && v.cleanVerification();
        if (verified && v.authorisation().isEmpty() && v.deletion().isEmpty()) {
            open.add(task("authorisation", "exitproject.work.authorise", name, page + "#authorisation", customer));
        } else if (status == ExitStatus.VERIFICATION && verified) {
            open.add(task("start-deletion", "exitproject.work.startDeletion", name, page + "#transitions", customer));
        }
        if (verified && provider != null && v.plan().isEmpty()) {
            open.add(task("deletion-plan", "exitproject.work.plan", name, page + "#deletion-plan", provider));
        }
        if (status == ExitStatus.DELETION
                && provider != null
                && v.deletion().isEmpty()
                && v.plan().isPresent()
                && v.authorisation().isPresent()) {
            open.add(new WorkTask(
                    "deletion-record",
                    "exitproject.work.deletion",
                    List.of(
                            name,
                            org.yunjian.shared.Formats.date(
                                    v.authorisation().get().data().retainUntil())),
                    page + "#deletion-record",
                    provider,
                    null));
        }
        Countersigning cs = v.countersigning();
        if (v.deletion().isPresent() && provider != null && cs != Countersigning.VALID) {
            open.add(task(
                    "countersign",
                    cs == Countersigning.NO_KEY ? "exitproject.work.countersignKey" : "exitproject.work.countersign",
                    name,
                    page + "#countersign",
                    provider));
        } else if (cs == Countersigning.VALID) {
            open.add(task("certificate", "exitproject.work.issue", name, page + "#certificate", customer));
        }
        return new WorkSnapshot(SCOPE + id, open);
    }

    private static WorkTask task(String key, String kind, String name, String href, WorkAddressee to) {
        return new WorkTask(key, kind, List.of(name), href, to, null);
    }
}
