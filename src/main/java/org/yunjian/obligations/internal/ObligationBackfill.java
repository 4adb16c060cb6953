package org.yunjian.obligations.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.yunjian.obligations.ObligationKind;
import org.yunjian.party.Parties;

/**
 * Completes the calendars generated before issue 59 added two duties, at every server start (and on demand): a system whose
 * obligations were generated then has the first agent's service report only and no joint drill of its 行业云
 * operator; this gives it what generation gives a system today, once.
 * <ul>
 *   <li>政府网站指南 8.2.3 c) "根据与云服务客户签订的服务协议、合同，向云服务客户提供安全服务，并定期提供服务报告" is every
 *       云服务代理商's duty: {@link ObligationKind#AGENT_SERVICE_REPORT} for each agent without its own;</li>
 *   <li>JR/T 7.3 "行业云应参与证券期货业信息安全联合应急演练": {@link ObligationKind#OPERATOR_JOINT_DRILL} for the operator
 *       (the provider) of a 行业云.</li>
 * </ul>
 * Only systems whose calendar was generated (a system without obligations waits for its customer); the rows are made by
 * the generation code itself ({@link ObligationGeneration#createLacking}), first due on the day they are added, recorded
 * as created by the platform and audited. Idempotent: a performer that has its row gets none, so a second run — or a
 * second node starting at the same time, stopped by the unique key on system, kind and organisation — adds nothing.
 */
@Component
public class ObligationBackfill {

    /** The kinds issue 59 added to generation, which systems generated before lack. */
    static final Set<ObligationKind> ADDED =
            EnumSet.of(ObligationKind.AGENT_SERVICE_REPORT, ObligationKind.OPERATOR_JOINT_DRILL);

    /** Who the rows are recorded as created by: the platform, not a person. */
    static final String CREATED_BY = "system";

    private static final Logger log = LoggerFactory.getLogger(ObligationBackfill.class);

    private final ObligationRepository repo;
    private final ObligationGeneration generation;
    private final Parties parties;
    private final java.time.Clock clock;

    ObligationBackfill(
            ObligationRepository repo, ObligationGeneration generation, Parties parties, java.time.Clock clock) {
        this.repo = repo;
        this.generation = generation;
        this.parties = parties;
        this.clock = clock;
    }

    /**
     * At a server's start: not at a command line's, which answers one command and stops (each would walk every
     * generated calendar before answering).
     */
    @EventListener
    void atStart(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof org.springframework.web.context.WebApplicationContext)) {
            return;
        }
        try {
            int n = run();
            if (n > 0) {
                log.info("Added {} obligation(s) that calendars generated before lacked", n);
            }
        } catch (RuntimeException e) {
            log.error("Could not complete the calendars generated before", e);
        }
    }

    /** Adds the rows of {@link #ADDED} that generated calendars lack; how many it added. */
    public int run() {
        int added = 0;
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(org.yunjian.shared.Formats.zone()));
        for (UUID id : repo.generatedSystems()) {
            var system = parties.systemForPlatformWork(id);
            if (system.isEmpty()) {
                continue;
            }
            try { // each system in its own transaction (the generation's)
                added += generation
                        .createLacking(system.get(), ADDED, today, CREATED_BY)
                        .size();
            } catch (DataIntegrityViolationException e) { // another node added them first
                log.debug("Obligations of {} added elsewhere", id, e);
            }
        }
        return added;
    }
}
