package org.yunjian.party;

/** Industry of the cloud service customer, which selects the sector guides that apply. */
public enum Industry implements Labelled {
    GOVERNMENT_WEBSITE,
    SECURITIES_FUTURES,
    OTHER;
}
