package org.yunjian.security;

import java.util.UUID;

/**
 * The administrators of an organisation changed (one named, withdrawn, disabled or removed): published inside that
 * transaction, so that what waits for "the organisation's administrators" is addressed to the ones there are now.
 */
public record OrganizationAdministratorsChanged(UUID organizationId) {}
