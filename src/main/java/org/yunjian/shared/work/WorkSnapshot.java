package org.yunjian.shared.work;

import java.util.List;
import java.util.Objects;

/**
 * Everything now waiting on one object, published (as an application event) by the module that owns the object
 * after every change to it, inside the transaction of that change — the one mechanism behind 我的待办 and the
 * notifications. The inbox module keeps the tasks: a task of {@code open} that was not open before is opened (a
 * {@link WorkOpened}, which the notifications deliver after the commit); an open task of the scope that is no
 * longer listed is closed ({@link WorkClosed}). An empty {@code open} closes everything of the scope.
 *
 * @param scope names the object, {@code <kind>:<id>}, e.g. {@code "assessment:" + id}; a module may split one
 *              object into several scopes (e.g. {@code "assessment-evidence:" + id}) as long as each snapshot is
 *              complete for its scope
 * @param open  the complete list of tasks now waiting in the scope; keys unique
 */
public record WorkSnapshot(String scope, List<WorkTask> open) {

    public WorkSnapshot {
        Objects.requireNonNull(scope, "scope");
        open = open == null ? List.of() : List.copyOf(open);
        if (open.stream().map(WorkTask::key).distinct().count() != open.size()) {
            throw WorkTask.misuse("task keys repeat in scope " + scope);
        }
    }

    public static WorkSnapshot nothingWaiting(String scope) {
        return new WorkSnapshot(scope, List.of());
    }
}
