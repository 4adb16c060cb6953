package org.yunjian.monitoring;

/** An alert's state: open until someone acknowledges it, then closed with a note (or by recovery, for availability). */
public enum AlertStatus implements org.yunjian.shared.Labelled {
    OPEN,
    ACKNOWLEDGED,
    CLOSED;

    public boolean closed() {
        return this == CLOSED;
    }
}
