package org.yunjian.party;

import org.yunjian.shared.Labelled;

/** Cloud service model. */
public enum ServiceModel implements Labelled {
    IAAS,
    PAAS,
    SAAS;
}
