package org.yunjian.monitoring;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.CloudSystem;

/**
 * Who a monitor's alerts reach (issue 59), decided once, here:
 *
 * <ul>
 *   <li><b>tasked</b> (one task each in 我的待办 while an alert is open): the customer — website monitoring and its
 *       handling are the customer's duty (政府网站云计算服务安全指南 8.4.1: "云服务客户对网页内容监测应包括…", 8.5 d)) —
 *       and the system's security service agents, through whom the customer may do it (8.4.1.3 b), 8.4.1.4 a):
 *       "采用专业安全服务"); and whoever the system's approved responsibility matrix makes accountable for the
 *       application's security protection and inspection (T/CCIA 004-2024 9.2 a) 1), {@link #APPLICATION_SECURITY}) —
 *       the customer in the usual matrix, the provider only where the matrix gives it that duty;
 *   <li><b>told</b> (a notice, nothing waiting): the provider, when not tasked, of tampering and unavailability — what
 *       7.3.7 b) 1) has the customer report to the provider at once ({@link CheckKind#toldToProvider()}).
 * </ul>
 */
public record AlertAddressees(Set<UUID> tasked, Set<UUID> told) {

    /** T/CCIA 004-2024 9.2 a) 1): 应用的安全防护、安全巡检… — the duty whose 责任主体 handles a website's alerts. */
    public static final RequirementId APPLICATION_SECURITY = RequirementId.of("TCCIA004-9.2-a-1");

    /** The agents through whom the customer may monitor and handle (8.4.1.3 b), 8.4.1.4 a): 专业安全服务). */
    public static final Set<PartyRole> SECURITY_AGENTS = Collections.unmodifiableSet(
            EnumSet.of(PartyRole.AGENT_SECURITY_SERVICE, PartyRole.PARTNER_SECURITY_SERVICE));

    public AlertAddressees {
        tasked = Collections.unmodifiableSet(new LinkedHashSet<>(tasked));
        told = Collections.unmodifiableSet(new LinkedHashSet<>(told));
    }

    /**
     * The addressees of an alert of {@code kind} on system {@code s} ({@code kind} null: of the monitor's alerts as a
     * whole, for its tasks, told nobody).
     *
     * @param accountableForApplication the organisations the approved matrix makes accountable for
     *     {@link #APPLICATION_SECURITY} (empty without an approved matrix)
     */
    public static AlertAddressees of(CloudSystem s, Set<UUID> accountableForApplication, CheckKind kind) {
        Set<UUID> tasked = new LinkedHashSet<>();
        tasked.add(s.customerId());
        s.agents().stream()
                .filter(g -> SECURITY_AGENTS.contains(g.role()))
                .forEach(g -> tasked.add(g.organizationId()));
        // only parties of the system: a matrix row naming an organisation that has left it tasks nobody
        accountableForApplication.stream().filter(org -> partyOf(s, org)).forEach(tasked::add);
        Set<UUID> told = new LinkedHashSet<>();
        if (kind != null && kind.toldToProvider() && s.providerId() != null && !tasked.contains(s.providerId())) {
            told.add(s.providerId());
        }
        return new AlertAddressees(tasked, told);
    }

    /** Everyone the alert reached (for the notice that it recovered). */
    public Set<UUID> all() {
        Set<UUID> all = new LinkedHashSet<>(tasked);
        all.addAll(told);
        return all;
    }

    private static boolean partyOf(CloudSystem s, UUID org) {
        return org.equals(s.customerId())
                || org.equals(s.providerId())
                || s.agents().stream().anyMatch(g -> g.organizationId().equals(org));
    }
}
