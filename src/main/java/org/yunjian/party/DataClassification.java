package org.yunjian.party;

import org.yunjian.shared.Labelled;

/** Highest class of data the system processes (数据安全法 data classification). */
public enum DataClassification implements Labelled {
    GENERAL,
    IMPORTANT,
    CORE;
}
