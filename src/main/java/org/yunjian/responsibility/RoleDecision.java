package org.yunjian.responsibility;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;

/**
 * The roles an organisation is confirmed to hold on a system after the role assistant (Annex A): what it was
 * found to do, what the assistant proposed, and what the customer decided. Confirming the proposal needs no
 * reason; holding other roles than proposed (an override) does — the reason is kept with the matrix and printed in
 * the statement of responsibilities.
 */
public record RoleDecision(
        UUID organisation,
        Set<Behaviour> behaviours,
        List<RoleProposal> proposal,
        Set<PartyRole> roles,
        String reason) {

    /** Thrown when the decided roles differ from the proposal and no reason is given. */
    public static final class ReasonRequired extends IllegalArgumentException {
        ReasonRequired() {
            super("reason");
        }
    }

    /** Thrown when no role is decided at all: every participant of a matrix takes part in some role or as agent. */
    public static final class NoBehaviour extends IllegalArgumentException {
        NoBehaviour() {
            super("behaviours");
        }
    }

    public RoleDecision {
        Objects.requireNonNull(organisation, "organisation");
        behaviours = behaviours.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(behaviours));
        proposal = List.copyOf(proposal);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    /**
     * The decision for {@code organisation}: the proposal of {@code assistant} for {@code behaviours}, and
     * {@code roles} (null: confirm the proposal as it is).
     *
     * @param otherProvider another participant of the system performs provider behaviours or holds the provider
     *                      role, so a provider role is joint (A.2)
     * @throws NoBehaviour     if no behaviour is ticked
     * @throws ReasonRequired  if {@code roles} differ from the proposal and {@code reason} is blank
     */
    public static RoleDecision of(
            RoleAssistant assistant,
            UUID organisation,
            Set<Behaviour> behaviours,
            boolean otherProvider,
            Set<PartyRole> roles,
            String reason) {
        if (behaviours.isEmpty()) {
            throw new NoBehaviour();
        }
        List<RoleProposal> proposal = assistant.propose(EnumSet.copyOf(behaviours), otherProvider);
        Set<PartyRole> proposed = proposedRoles(proposal);
        Set<PartyRole> decided = roles == null ? proposed : roles;
        RoleDecision d = new RoleDecision(organisation, behaviours, proposal, decided, reason);
        if (d.overridden() && d.reason() == null) {
            throw new ReasonRequired();
        }
        return d;
    }

    private static Set<PartyRole> proposedRoles(List<RoleProposal> proposal) {
        Set<PartyRole> out = EnumSet.noneOf(PartyRole.class);
        proposal.forEach(p -> out.add(p.role()));
        return out;
    }

    /** Whether the decided roles differ from the assistant's proposal. */
    public boolean overridden() {
        return !roles.equals(proposedRoles(proposal));
    }
}
