package org.yunjian.responsibility;

import java.util.List;
import java.util.UUID;
import org.yunjian.catalog.RequirementId;

/**
 * The providers' plans imported into a customer's system (issue 60), as they land on its Chinese duties and items:
 * what the customer inherits, what stays its own, for the matrix and the assessment. Shown only — an import never
 * changes the matrix. Access as the system's matrix (404 for a caller who may not see the system).
 */
public interface ProviderPackages {

    /** Every duty or item some imported plan speaks of, in the plans' order (the latest plan first). */
    List<PackageItem> items(UUID systemId);

    /** Who carries an item under a provider's plan. */
    enum Carrier {
        /** The provider provides it: the customer inherits (OSCAL {@code provided} / {@code inherited}). */
        INHERITED,
        /** The customer's under the plan (OSCAL {@code responsibility} / {@code satisfied}). */
        CUSTOMER,
        /** Both: the provider provides part, the customer the rest. */
        SHARED
    }

    /**
     * @param item         the Chinese duty or item
     * @param duty         whether it is a T/CCIA 004 duty (a row of the matrix)
     * @param carrier      who carries it under the plan
     * @param controlId    the plan's control id
     * @param relationship how the control relates to the item (OSCAL 1.2 token), null where it is the item itself
     * @param packageId    the imported plan
     * @param packageTitle its title
     */
    record PackageItem(
            RequirementId item,
            boolean duty,
            Carrier carrier,
            String controlId,
            String relationship,
            UUID packageId,
            String packageTitle) {}
}
