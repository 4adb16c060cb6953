package org.yunjian.party;

/** Cloud deployment model (GB/T 32400). */
public enum DeploymentModel implements Labelled {
    PRIVATE,
    COMMUNITY,
    PUBLIC,
    HYBRID;
}
