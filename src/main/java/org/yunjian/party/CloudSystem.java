package org.yunjian.party;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.PartyRole;

/**
 * A cloud system a customer runs, as stored. The customer's private notes are deliberately not part
 * of it.
 *
 * @param protectionLevel 等保 protection level, 1–4
 * @param providerId      the cloud service provider, or {@code null} if not (yet) known
 * @param platformLevel   the 等保 protection level of the cloud platform that carries the system (等保 8.2.2.1 a), JR/T 6.1,
 *                        7.2–7.4), or
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

    /**
     * The catalog item of 等保's platform-level rule, GB/T 22239-2019 8.2.2.1 a) (level 3; levels 2 and 4 say the same in
     * 7.2.2.1 a) and 9.2.2.1 a)): "应保证云计算平台不承载高于其安全保护等级的业务应用系统".
     */
    public static final String MLPS_PLATFORM_LEVEL_RULE = "MLPS-L3-8.2.2.1-a";

    /** The catalog items of JR/T's platform-level rules: 6.1 (every deployment model) and 7.2 (a private cloud). */
    public static final String PLATFORM_LEVEL_RULE = "JRT-SF-6.1-2";

    public static final String PRIVATE_PLATFORM_LEVEL_RULE = "JRT-SF-7.2-2";

    /**
     * Whether the platform carrying a system has a lower 等保 level than the system: 等保 8.2.2.1 a) "应保证云计算平台不承载高于
     * 其安全保护等级的业务应用系统", for a system of any industry (issue 59); for a securities/futures system JR/T 6.1 "委托方选择云
     * 计算平台时，应要求云计算平台及其所有组成部分的网络安全保护等级不低于拟放置在云计算平台上的系统的网络安全保护等级" and, on a private cloud,
     * 7.2 "私有云不应承载高于其安全保护等级的业务应用系统" say the same ({@link #platformLevelRules}). Unknown (null) is not a
     * breach.
     */
    public static boolean platformBelowSystem(int protectionLevel, Integer platformLevel) {
        return platformLevel != null && platformLevel < protectionLevel;
    }

    /**
     * The catalog items that forbid a platform below the system, in the order they are quoted: 等保 8.2.2.1 a) always;
     * for a securities/futures system also JR/T 6.1 and, on a private cloud, JR/T 7.2.
     */
    public static List<String> platformLevelRules(Industry industry, DeploymentModel model) {
        if (industry != Industry.SECURITIES_FUTURES) {
            return List.of(MLPS_PLATFORM_LEVEL_RULE);
        }
        return model == DeploymentModel.PRIVATE
                ? List.of(MLPS_PLATFORM_LEVEL_RULE, PLATFORM_LEVEL_RULE, PRIVATE_PLATFORM_LEVEL_RULE)
                : List.of(MLPS_PLATFORM_LEVEL_RULE, PLATFORM_LEVEL_RULE);
    }

    /**
     * The lowest level JR/T allows the platform of a securities/futures system, by deployment model, and the catalog item
     * that says so: 7.2 "私有云应符合JR/T 0060中的第二级或以上安全要求。", 7.3 "行业云应符合JR/T 0060中的第三级或以上安全要求。", 7.4
     * "公共云应符合JR/T 0060中的第三级或以上安全要求。". The platform's recorded 等保 level is read as its JR/T 0060 level (JR/T
     * 0060 is the sector's 等级保护 baseline, with the same levels).
     *
     * @param level the minimum level
     * @param rule  the catalog item stating it
     */
    public record PlatformMinimum(int level, String rule) {

        /**
         * The minimum for a securities/futures system deployed as {@code model}; none for another industry or no model.
         * JR/T knows private, 行业 (community) and public clouds only; a hybrid cloud has a public part (as for GOV 6.3.2
         * a)) and, since every requirement applies under it ({@link DeploymentModel#HYBRID}), takes the strictest: 7.4's
         * level 3 (a platform default where the text is silent).
         */
        public static Optional<PlatformMinimum> of(Industry industry, DeploymentModel model) {
            if (industry != Industry.SECURITIES_FUTURES || model == null) {
                return Optional.empty();
            }
            return Optional.of(
                    switch (model) {
                        case PRIVATE -> new PlatformMinimum(2, "JRT-SF-7.2-1");
                        case COMMUNITY -> new PlatformMinimum(3, "JRT-SF-7.3-2");
                        case PUBLIC, HYBRID -> new PlatformMinimum(3, "JRT-SF-7.4-2");
                    });
        }

        /** The minimum a recorded platform level breaks, if any; an unrecorded level (null) breaks none. */
        public static Optional<PlatformMinimum> breachedBy(
                Industry industry, DeploymentModel model, Integer platformLevel) {
            return platformLevel == null
                    ? Optional.empty()
                    : of(industry, model).filter(m -> platformLevel < m.level());
        }
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
