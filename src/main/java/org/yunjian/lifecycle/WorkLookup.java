package org.yunjian.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.shared.Formats;

/**
 * What the lifecycle modules' work sources (the plan's duties, the obligations, the migration, drill and supervision
 * records) read the same way before they publish what waits on their objects: today, and the system read as the
 * platform — the same whoever's change it follows; a rebuild has no caller.
 */
@Component
public class WorkLookup {

    private final Parties parties;
    private final Clock clock;

    WorkLookup(Parties parties, Clock clock) {
        this.parties = parties;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Formats.zone());
    }

    /** The system, read as the platform: the same whoever's change it follows; a rebuild has no caller. */
    public Optional<CloudSystem> system(UUID systemId) {
        return parties.systemForPlatformWork(systemId);
    }
}
