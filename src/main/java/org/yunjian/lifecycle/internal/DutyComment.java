package org.yunjian.lifecycle.internal;

import java.time.Instant;
import java.util.UUID;

/** A comment on a duty of a lifecycle plan. */
public record DutyComment(UUID id, UUID dutyId, UUID author, String body, Instant createdAt) {}
