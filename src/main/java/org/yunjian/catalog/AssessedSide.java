package org.yunjian.catalog;

import org.yunjian.shared.Labelled;

/** Which side an 等保 cloud-extension item is assessed on. */
public enum AssessedSide implements Labelled {
    CLOUD_PLATFORM,
    CUSTOMER_SYSTEM,
    BOTH
}
