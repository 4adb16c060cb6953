package org.yunjian.party;

/** Cloud service model. */
public enum ServiceModel implements Labelled {
    IAAS,
    PAAS,
    SAAS;
}
