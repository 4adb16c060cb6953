package org.yunjian.procurement.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Phase;
import org.yunjian.lifecycle.PhaseGateCondition;
import org.yunjian.party.Parties;

/**
 * The acquisition phase of a system's plan stays open while a mandatory clause of its contract, SLA or NDA is
 * missing or not yet reviewed, or no provider has been selected (docs/modules/lifecycle.md, "Acquisition
 * documents"). Other phases are not this condition's concern.
 */
@Component
class ContractReviewGate implements PhaseGateCondition {

    private final ContractReviewService reviews;
    private final Parties parties;

    ContractReviewGate(ContractReviewService reviews, Parties parties) {
        this.reviews = reviews;
        this.parties = parties;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Unmet> unmet(UUID systemId, Phase phase) {
        if (phase != Phase.ACQUISITION_MIGRATION) {
            return List.of();
        }
        return parties.findSystem(systemId)
                .map(s -> reviews.unmet(s, reviews.lines(s)))
                .orElse(List.of());
    }
}
