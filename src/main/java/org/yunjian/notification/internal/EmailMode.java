package org.yunjian.notification.internal;

/** How a person wants notifications by e-mail. */
public enum EmailMode {
    /** One e-mail per notification, as it opens. */
    IMMEDIATE,
    /** One e-mail a day listing what opened since the last one. */
    DIGEST,
    /** No e-mail (the bell and the list only). */
    OFF
}
