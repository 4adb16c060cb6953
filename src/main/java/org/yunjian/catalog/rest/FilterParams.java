package org.yunjian.catalog.rest;

import static org.yunjian.shared.FieldValues.blank;

import java.util.List;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.Layer;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementKind;
import org.yunjian.shared.FieldErrors;

/** Turns request parameters into a {@link RequirementFilter}, naming each invalid one. */
public final class FilterParams {

    private FilterParams() {}

    public static RequirementFilter parse(
            Catalog catalog,
            String standard,
            String kind,
            String phase,
            String role,
            String layer,
            String deploymentModel,
            FieldErrors errors) {
        RequirementFilter filter = RequirementFilter.any();
        if (blank(standard)) {
            // all standards
        } else if (catalog.standard(standard).isEmpty()) {
            errors.add(
                    "standard",
                    "catalog.filter.unknownStandard",
                    standard,
                    String.join(
                            ", ",
                            catalog.standards().stream().map(s -> s.code()).toList()));
        } else {
            filter = filter.standard(standard);
        }
        filter = filter.kind(value(List.of(RequirementKind.values()), "kind", kind, errors))
                .phase(value(List.of(Phase.values()), "phase", phase, errors))
                .role(value(List.of(PartyRole.values()), "role", role, errors))
                .layer(value(List.of(Layer.values()), "layer", layer, errors))
                .deploymentModel(
                        value(DeploymentModel.requirementModels(), "deploymentModel", deploymentModel, errors));
        return filter;
    }

    /** The one of {@code allowed} named {@code raw}; null for none given, or with an error for another name. */
    private static <E extends Enum<E>> E value(List<E> allowed, String field, String raw, FieldErrors errors) {
        if (blank(raw)) {
            return null;
        }
        String name = raw.strip();
        return allowed.stream().filter(e -> e.name().equals(name)).findFirst().orElseGet(() -> {
            errors.add(
                    field,
                    "catalog.filter.unknownValue",
                    name,
                    String.join(", ", allowed.stream().map(Enum::name).toList()));
            return null;
        });
    }
}
