package org.yunjian.findings;

/** What an entry of an imported file is: a finding, an observation no finding refers to, or a POA&amp;M item. */
public enum EntryKind {
    FINDING,
    OBSERVATION,
    POAM_ITEM
}
