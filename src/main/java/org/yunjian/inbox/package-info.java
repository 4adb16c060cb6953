/**
 * 我的待办: the inbox keeps what waits for whom. Modules publish a {@link org.yunjian.shared.WorkSnapshot} after every
 * change of an object on which someone may have to act; the inbox stores the open tasks, opens and closes them
 * ({@link org.yunjian.shared.WorkOpened} / {@link org.yunjian.shared.WorkClosed}) and answers "what waits for me" in
 * SQL for the page {@code /my-work}, {@code GET /api/my-work} and the count in the navigation. See
 * {@code docs/inbox.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbox")
package org.yunjian.inbox;
