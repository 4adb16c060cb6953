package org.yunjian.party;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.PartyRole;

/**
 * A cloud system a customer runs, as stored. The customer's private notes are deliberately not part
 * of it.
 *
 * @param protectionLevel 等保 protection level, 1–4
 * @param providerId      the cloud service provider, or {@code null} if not (yet) known
 * @param platformLevel   the 等保 protection level of the cloud platform that carries the system (JR/T 6.1, 7.2), or
 *                        {@code null} if not recorded
 */
public record CloudSystem(
        UUID id,
        String name,
        UUID customerId,
        int protectionLevel,
        DeploymentModel deploymentModel,
        ServiceModel serviceModel,
        Industry industry,
        DataClassification dataClassification,
        List<String> regions,
        UUID providerId,
        List<Agent> agents,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Integer platformLevel) {

    public CloudSystem {
        regions = List.copyOf(regions);
        agents = List.copyOf(agents);
    }

    /** A stored system without a recorded platform level. */
    public CloudSystem(
            UUID id,
            String name,
            UUID customerId,
            int protectionLevel,
            DeploymentModel deploymentModel,
            ServiceModel serviceModel,
            Industry industry,
            DataClassification dataClassification,
            List<String> regions,
            UUID providerId,
            List<Agent> agents,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        this(
                id,
                name,
                customerId,
                protectionLevel,
                deploymentModel,
                serviceModel,
                industry,
                dataClassification,
                regions,
                providerId,
                agents,
                createdAt,
                updatedAt,
                version,
                null);
    }

    /** A system not yet stored (version 0). */
    public CloudSystem(
            UUID id,
            String name,
            UUID customerId,
            int protectionLevel,
            DeploymentModel deploymentModel,
            ServiceModel serviceModel,
            Industry industry,
            DataClassification dataClassification,
            List<String> regions,
            UUID providerId,
            List<Agent> agents,
            Instant createdAt,
            Instant updatedAt) {
        this(
                id,
                name,
                customerId,
                protectionLevel,
                deploymentModel,
                serviceModel,
                industry,
                dataClassification,
                regions,
                providerId,
                agents,
                createdAt,
                updatedAt,
                0,
                null);
    }

    /** The catalog items of JR/T's platform-level rules: 6.1 (every deployment model) and 7.2 (a private cloud). */
    public static final String PLATFORM_LEVEL_RULE = "JRT-SF-6.1-2";

    public static final String PRIVATE_PLATFORM_LEVEL_RULE = "JRT-SF-7.2-2";

    /**
     * Whether JR/T forbids the platform's level for a securities/futures system: 6.1 "委托方选择云计算平台时，应要求云计算平台
     * 及其所有组成部分的网络安全保护等级不低于拟放置在云计算平台上的系统的网络安全保护等级", and for a private cloud 7.2
     * "私有云不应承载高于其安全保护等级的业务应用系统" — a platform below the system's level. Unknown (null) is not a breach.
     */
    public static boolean platformBelowSystem(Industry industry, int protectionLevel, Integer platformLevel) {
        return industry == Industry.SECURITIES_FUTURES && platformLevel != null && platformLevel < protectionLevel;
    }

    /**
     * The catalog item of the government-website guide's hard rule 6.3.2 a): "等级保护定级为四级及以上的政府网站禁止采用社会化
     * 云计算服务".
     */
    public static final String SOCIAL_CLOUD_RULE = "GOVWEB-6.3.2-a";

    /**
     * Whether the government-website guide forbids this combination (6.3.2 a)): a government website at protection
     * level 4 or above on a 社会化 cloud service, that is one a provider offers to the public — a public cloud, or a
     * hybrid one, which has a public part. A community or private cloud is not 社会化.
     */
    public static boolean forbiddenSocialCloud(Industry industry, int protectionLevel, DeploymentModel model) {
        return industry == Industry.GOVERNMENT_WEBSITE
                && protectionLevel >= 4
                && (model == DeploymentModel.PUBLIC || model == DeploymentModel.HYBRID);
    }

    /** An organisation acting as agent for the customer on this system, and in which agent role. */
    public record Agent(UUID organizationId, PartyRole role) {}
}
