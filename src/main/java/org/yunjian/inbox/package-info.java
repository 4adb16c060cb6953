/**
 * 我的待办: the inbox stores the open tasks modules publish as {@link org.yunjian.shared.work.WorkSnapshot}s, opens and
 * closes them ({@link org.yunjian.shared.work.WorkOpened} / {@link org.yunjian.shared.work.WorkClosed}) and answers
 * "what waits for me" for {@code /my-work}, {@code GET /api/my-work} and the navigation count; see
 * {@code docs/modules/inbox.md}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Inbox",
        allowedDependencies = {"security", "shared"})
package org.yunjian.inbox;
