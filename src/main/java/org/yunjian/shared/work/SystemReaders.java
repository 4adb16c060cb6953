package org.yunjian.shared.work;

import java.util.Set;
import java.util.UUID;

/**
 * Who of an organisation may read about a system (need to know, issue 57): the parties module's visibility rule, as
 * the inbox and the notifications ask it of addressees ({@link WorkAddressee#system()}).
 */
public interface SystemReaders {

    /** Whether the person, a business user of {@code organization}, sees the system. */
    boolean sees(UUID user, UUID organization, UUID system);

    /**
     * The people of {@code organization} who see the system, read at once (ids of accounts; may name people of other
     * organisations assigned to it, whom the caller leaves out); nobody when the organisation takes no part in it.
     */
    Set<UUID> readersOf(UUID organization, UUID system);

    /**
     * The systems the person is limited to (those they are assigned to), or {@code null} when they see every system
     * their organisation takes part in.
     */
    Set<UUID> limitedTo(UUID user, UUID organization);
}
