package org.yunjian.assessment;

/**
 * The side a test item is assessed on. The 等保 guide distinguishes the cloud platform (the provider's
 * side) from the customer's system; an item the guide assesses on both sides becomes two test items.
 * Checklist items of the other standards are assessed once, for the system as a whole.
 */
public enum ItemSide {
    CLOUD_PLATFORM,
    CUSTOMER_SYSTEM,
    WHOLE_SYSTEM
}
