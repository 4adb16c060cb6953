package org.yunjian.inbox.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.inbox.internal.Inbox;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/** REST of 我的待办. */
@RestController
@Tag(name = "my-work", description = "我的待办 My work")
class MyWorkApi {

    private final Inbox inbox;

    MyWorkApi(Inbox inbox) {
        this.inbox = inbox;
    }

    /** One task waiting for the caller. */
    record InboxTask(
            @Schema(description = "The task's identifier (stays the same while it waits)")
            UUID id,

            @Schema(description = "What kind of task (the bundle key of its text)")
            String kind,

            @Schema(description = "What waits, in the caller's language")
            String text,

            @Schema(description = "Where to act: a path of the web application")
            String href,

            @Schema(description = "When it is due, or null") LocalDate due,

            @Schema(description = "Whether the due date has passed")
            boolean overdue,

            @Schema(description = "When it opened") Instant openedAt) {

        static InboxTask of(Inbox.Line l) {
            return new InboxTask(l.id(), l.kind(), l.text(), l.href(), l.due(), l.overdue(), l.openedAt());
        }
    }

    @GetMapping("/api/my-work")
    @PreAuthorize(Inbox.READERS)
    @Operation(
            summary =
                    "What waits for me: every task addressed to me, to my organisation or to my administrator "
                            + "role (never one I proposed myself), due ones first; one page (page from 1, size 1-200, default 50)")
    Paged<InboxTask> myWork(@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        return inbox.mine(PageRequest.of(page, size)).map(InboxTask::of);
    }
}
