package org.yunjian.party;

import java.util.UUID;

/**
 * A cloud system as lists across many systems need it: name, level and its customer and provider, read in one
 * query without regions and agents (see {@link Parties#visibleSystemSummaries}).
 */
public record SystemSummary(UUID id, String name, int protectionLevel, UUID customerId, UUID providerId) {}
