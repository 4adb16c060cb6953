package org.yunjian.party;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A cloud system a customer runs, as stored. The customer's private notes are deliberately not part
 * of it.
 *
 * @param protectionLevel 等保 protection level, 1–4
 * @param providerId      the cloud service provider, or {@code null} if not (yet) known
 */
public record CloudSystem(UUID id, String name, UUID customerId, int protectionLevel,
                          DeploymentModel deploymentModel, ServiceModel serviceModel, Industry industry,
                          DataClassification dataClassification, List<String> regions, UUID providerId,
                          List<Agent> agents, Instant createdAt, Instant updatedAt, long version) {

    public CloudSystem {
        regions = List.copyOf(regions);
        agents = List.copyOf(agents);
    }

    /** A system not yet stored (version 0). */
    public CloudSystem(UUID id, String name, UUID customerId, int protectionLevel, DeploymentModel deploymentModel,
                       ServiceModel serviceModel, Industry industry, DataClassification dataClassification,
                       List<String> regions, UUID providerId, List<Agent> agents, Instant createdAt,
                       Instant updatedAt) {
        this(id, name, customerId, protectionLevel, deploymentModel, serviceModel, industry, dataClassification,
                regions, providerId, agents, createdAt, updatedAt, 0);
    }

    /** An organisation acting as agent for the customer on this system, and in which agent role. */
    public record Agent(UUID organizationId, PartyRole role) {
    }
}
