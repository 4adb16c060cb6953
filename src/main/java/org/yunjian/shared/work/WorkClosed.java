package org.yunjian.shared.work;

import java.time.Instant;
import java.util.UUID;

/** Published by the inbox when a task closes: done, withdrawn, or its object gone. */
public record WorkClosed(UUID taskId, String scope, String key, Instant closedAt) {}
