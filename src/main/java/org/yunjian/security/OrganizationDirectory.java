package org.yunjian.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Implemented by the party module, so that user administration can name and offer organisations
 * without the security module depending on party.
 */
public interface OrganizationDirectory {

    List<OrganizationRef> all();

    Optional<OrganizationRef> find(UUID id);

    record OrganizationRef(UUID id, String name) {}
}
