package org.yunjian.shared.work;

import java.time.Instant;
import java.util.UUID;

/**
 * News that needs nobody's action — a site recovered, a report issued: published by the module it concerns, inside
 * the transaction of the change. The notifications module delivers it after the commit as it delivers an opened task
 * (in the application, by e-mail, to the organisations' group-chat robots) and it stays unread until read; nothing
 * waits in 我的待办 for it, so nothing has to close it.
 *
 * @param id     the notice's identifier (one notification per person for it, however often it is delivered)
 * @param scope  what it concerns, e.g. {@code monitor-recovery:ID}
 * @param task   its text, link and addressee (a {@link WorkTask} only for its shape: no task opens)
 * @param at     when it happened
 * @param actor  the person whose action caused it, or {@code null} (a scheduled check)
 */
public record Notice(UUID id, String scope, WorkTask task, Instant at, UUID actor) {}
