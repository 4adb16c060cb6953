package org.yunjian.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.yunjian.shared.Labelled;

/**
 * Cloud deployment model (GB/T 32400): the model a cloud system is deployed as, and the model a requirement is
 * restricted to; JR/T 行业云 is COMMUNITY. The one deployment model: parties' systems and the catalog's requirements
 * both use it.
 */
public enum DeploymentModel implements Labelled {
    PRIVATE,
    COMMUNITY,
    PUBLIC,
    /** A mix of the others: no requirement is restricted to it, so under it every requirement applies. */
    HYBRID;

    /** Whether a requirement can be restricted to this model (every model but {@link #HYBRID}). */
    public boolean restrictsRequirements() {
        return this != HYBRID;
    }

    /** The models a requirement can be restricted to, in declaration order (the catalog's filter offers these). */
    public static List<DeploymentModel> requirementModels() {
        return Arrays.stream(values())
                .filter(DeploymentModel::restrictsRequirements)
                .toList();
    }

    /**
     * The model a cloud system deployed as {@code model} filters requirements by; empty for a model that restricts
     * nothing (hybrid, or none given), under which every requirement applies.
     */
    public static Optional<DeploymentModel> restrictionOf(DeploymentModel model) {
        return Optional.ofNullable(model).filter(DeploymentModel::restrictsRequirements);
    }
}
