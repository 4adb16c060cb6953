package org.yunjian.party;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.yunjian.security.SeedActor;

/**
 * How the demo seeding finds the demo system it seeds: as the platform (which sees every system), by the name
 * {@code demo.DemoData} gives it, and only while {@code unseeded} holds for it (asked as the platform too: the seeder's
 * own records are still missing), so a restarted demo seeds nothing twice.
 */
public final class DemoSystems {

    private DemoSystems() {}

    /** The system named {@code name}, if it exists and {@code unseeded} holds for it. */
    public static Optional<CloudSystem> find(Parties parties, String name, Predicate<CloudSystem> unseeded) {
        AtomicReference<Optional<CloudSystem>> found = new AtomicReference<>(Optional.empty());
        SeedActor.run(
                SeedActor.platform(),
                () -> found.set(parties.visibleSystems().stream()
                        .filter(s -> s.name().equals(name))
                        .findFirst()
                        .filter(unseeded)));
        return found.get();
    }

    /** The system named {@code name}, if it exists. */
    public static Optional<CloudSystem> find(Parties parties, String name) {
        return find(parties, name, s -> true);
    }
}
