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

    /**
     * One page of the exit projects the current user may see (those of the systems the user sees; a system
     * administrator sees all) whose name contains {@code q}, newest first, with the total (global search).
     */
    org.yunjian.shared.paging.Paged<Summary> search(String q, org.yunjian.shared.paging.PageRequest page);

    /**
     * One page of the issued deletion certificates of those projects whose number contains {@code q} (any case),
     * newest first, with the total (global search).
     */
    org.yunjian.shared.paging.Paged<Certificate> certificates(String q, org.yunjian.shared.paging.PageRequest page);

    /** An issued deletion certificate as a line on another page: its number, its project, when it was issued. */
    record Certificate(UUID projectId, String number, String projectName, java.time.Instant issuedAt) {}

    /** An exit project as a line on another page. */
    record Summary(UUID id, String name, ExitStatus status) {

        /** Closed: the deletion certificate was issued and the project finished. */
        public boolean finished() {
            return status == ExitStatus.CLOSED;
        }
    }
}
