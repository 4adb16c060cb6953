package org.yunjian.evidence;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.yunjian.assessment.ItemSide;

/**
 * Which party of the system a line of an evidence request goes to: the party responsible for its items. Per item,
 * the responsibility matrix decides where the system has one and it makes exactly one of customer and provider
 * accountable for the T/CCIA duties the catalog maps the item onto; otherwise the side decides — a cloud-platform
 * item goes to the provider (the customer when the system has no provider), a customer-system or whole-system
 * item to the customer. A line goes to the provider only when every item does; otherwise to the customer, who
 * answers for its whole system.
 */
public final class EvidenceRouting {

    private EvidenceRouting() {}

    /** The two parties a request can go to. */
    public enum Party {
        CUSTOMER,
        PROVIDER
    }

    /** What the addressee rests on: the matrix (for at least one item), the items' sides alone, or the assessor's choice. */
    public enum Basis {
        MATRIX,
        SIDE,
        CHOSEN
    }

    /** One item as routing sees it. */
    public record RoutedItem(String requirementId, ItemSide side) {}

    /** The proposed party and why. */
    public record Proposal(Party party, Basis basis) {}

    /**
     * @param accountable per requirement id, the organisations the matrix makes accountable; empty when the system
     *                    has no matrix (requirements without mapped duties are simply absent)
     */
    public static Proposal propose(
            Collection<RoutedItem> items,
            UUID customerId,
            UUID providerId,
            Optional<Map<String, Set<UUID>>> accountable) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no items");
        }
        boolean allProvider = true;
        boolean matrix = false;
        for (RoutedItem i : items) {
            Party p = null;
            Set<UUID> orgs = accountable.map(m -> m.get(i.requirementId())).orElse(null);
            if (orgs != null && providerId != null) {
                boolean c = orgs.contains(customerId);
                boolean pr = orgs.contains(providerId);
                if (c != pr) {
                    p = pr ? Party.PROVIDER : Party.CUSTOMER;
                    matrix = true;
                }
            }
            if (p == null) {
                p = i.side() == ItemSide.CLOUD_PLATFORM && providerId != null ? Party.PROVIDER : Party.CUSTOMER;
            }
            allProvider &= p == Party.PROVIDER;
        }
        return new Proposal(allProvider ? Party.PROVIDER : Party.CUSTOMER, matrix ? Basis.MATRIX : Basis.SIDE);
    }
}
