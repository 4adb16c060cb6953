package org.yunjian.catalog.rest;

import java.util.Arrays;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.CloudRole;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.Layer;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementKind;
import org.yunjian.shared.FieldErrors;

/** Turns request parameters into a {@link RequirementFilter}, naming each invalid one. */
public final class FilterParams {

    private FilterParams() {
    }

    public static RequirementFilter parse(Catalog catalog, String standard, String kind, String phase, String role,
                                          String layer, String deploymentModel, FieldErrors errors) {
        RequirementFilter filter = RequirementFilter.any();
        if (blank(standard) == null) {
            // all standards
        } else if (catalog.standard(standard).isEmpty()) {
            errors.add("standard", "catalog.filter.unknownStandard", standard,
                    String.join(", ", catalog.standards().stream().map(s -> s.code()).toList()));
        } else {
            filter = filter.standard(standard);
        }
        filter = filter.kind(value(RequirementKind.class, "kind", kind, errors))
                .phase(value(Phase.class, "phase", phase, errors))
                .role(value(CloudRole.class, "role", role, errors))
                .layer(value(Layer.class, "layer", layer, errors))
                .deploymentModel(value(DeploymentModel.class, "deploymentModel", deploymentModel, errors));
        return filter;
    }

    private static <E extends Enum<E>> E value(Class<E> type, String field, String raw, FieldErrors errors) {
        if (blank(raw) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            errors.add(field, "catalog.filter.unknownValue", raw.strip(),
                    String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
