package org.yunjian.shared.work;

/**
 * A module that owns waiting tasks. The inbox rebuilds from its sources (at start, and when an operator asks for
 * it): each publishes a {@link WorkSnapshot} for every object it owns on which anything waits, computed by the same
 * code that publishes the snapshot after a change, so the two never disagree. Tasks the inbox already holds keep
 * their identity; what a rebuild finds new is opened without notifications (nobody acted just now).
 */
public interface WorkSource {

    /** Publishes the snapshot of every object of this module on which something waits. */
    void publishAll();
}
