package org.yunjian.exitproject;

import java.util.List;
import java.util.UUID;

/**
 * The exit projects of a cloud system, for other modules: the lifecycle plan's exit phase is worked in them
 * (GB/T 31167-2014 §9) and shows where each stands.
 */
public interface ExitProjects {

    /** The system's exit projects the current user may see; 404 if the system is not visible to the user. */
    List<Summary> ofSystem(UUID systemId);

    /** An exit project as a line on another page. */
    record Summary(UUID id, String name, ExitStatus status) {

        /** Closed: the deletion certificate was issued and the project finished. */
        public boolean finished() {
            return status == ExitStatus.CLOSED;
        }
    }
}
