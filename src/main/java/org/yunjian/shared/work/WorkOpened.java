package org.yunjian.shared.work;

import java.time.Instant;
import java.util.UUID;

/**
 * Published by the inbox, inside the transaction of the change, when a task opens (not for what a rebuild finds).
 * The notifications module delivers it after the commit: in-app, e-mail and the organisations' group-chat robots.
 *
 * @param taskId   the inbox's identifier of the task (the link of a notification goes to {@code task.href()})
 * @param scope    the snapshot's scope
 * @param task     what waits, for whom
 * @param openedAt when it opened
 * @param actor    the person whose action opened it, or {@code null} (a scheduled job, the CLI's set-up)
 */
public record WorkOpened(UUID taskId, String scope, WorkTask task, Instant openedAt, UUID actor) {}
