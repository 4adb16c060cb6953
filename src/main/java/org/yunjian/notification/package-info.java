/**
 * Notifications: what opens in 我的待办 ({@link org.yunjian.shared.work.WorkOpened}, published by the inbox) reaches
 * its people after the commit — in the application, by e-mail and through the group-chat robots each organisation
 * configures.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>A notification keeps the task's message key and arguments, never a rendered text: it reads in the
 *   reader's language whenever it is read. A robot message names what waits, for whom, and links to it; it goes
 *   only to robots of organisations whose people the task is addressed to (the publisher addresses only people
 *   who may see the object), and of those only to the robots whose scope hears of the task's system: the whole
 *   organisation, or the systems its administrators named (need to know; the systems come from
 *   {@link org.yunjian.party.Parties}).</li>
 *   <li>Every e-mail and robot message is a delivery row written before it is tried, tried by one node (the lease
 *   of {@link org.yunjian.shared.cluster.ClusterJobs} and a conditional claim of the row), retried with doubling delays and
 *   audited when it is sent or finally fails; failures are listed to the organisation's 组织管理员.</li>
 *   <li>An organisation's robots and deliveries are its business, for its 组织管理员 alone: the platform's
 *   administrators run accounts, not business (三权分立), and see only the delivery health — counts, the last
 *   failure's time and category — never a text, a recipient or a robot.</li>
 *   <li>Robot signing secrets are sealed at rest ({@link org.yunjian.shared.keys.SealedText},
 *   {@code notification-webhooks.key}); a robot's address obeys the webhooks purpose of the outbound address policy
 *   ({@link org.yunjian.shared.outbound.OutboundPolicies}), judged on the address each call connects to.</li>
 *   <li>The e-mail address is the person's ({@link org.yunjian.party.EmailAddresses}),
 *   used only once its owner confirmed the link mailed to it.
 *   In demo mode a mail sink keeps sent mail in memory and a demo-only page lists it.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"party", "security", "shared"})
package org.yunjian.notification;
