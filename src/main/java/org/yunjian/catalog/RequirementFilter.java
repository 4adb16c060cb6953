package org.yunjian.catalog;

/**
 * Criteria for {@link Catalog#find(RequirementFilter)}; a null criterion matches everything. Start
 * from {@link #any()} and narrow: {@code RequirementFilter.any().phase(Phase.EXIT).role(PartyRole.PROVIDER)}.
 *
 * @param deploymentModel matches requirements that apply under the model, including unrestricted ones
 */
public record RequirementFilter(
        String standardCode,
        RequirementKind kind,
        Phase phase,
        PartyRole role,
        Layer layer,
        DeploymentModel deploymentModel) {

    public static RequirementFilter any() {
        return new RequirementFilter(null, null, null, null, null, null);
    }

    /** Items only: the assessable requirements, not their headings. */
    public static RequirementFilter items() {
        return any().kind(RequirementKind.ITEM);
    }

    public RequirementFilter standard(String code) {
        return new RequirementFilter(code, kind, phase, role, layer, deploymentModel);
    }

    public RequirementFilter kind(RequirementKind value) {
        return new RequirementFilter(standardCode, value, phase, role, layer, deploymentModel);
    }

    public RequirementFilter phase(Phase value) {
        return new RequirementFilter(standardCode, kind, value, role, layer, deploymentModel);
    }

    public RequirementFilter role(PartyRole value) {
        return new RequirementFilter(standardCode, kind, phase, value, layer, deploymentModel);
    }

    public RequirementFilter layer(Layer value) {
        return new RequirementFilter(standardCode, kind, phase, role, value, deploymentModel);
    }

    public RequirementFilter deploymentModel(DeploymentModel value) {
        return new RequirementFilter(standardCode, kind, phase, role, layer, value);
    }

    public boolean matches(Requirement r) {
        return (standardCode == null || standardCode.equals(r.standardCode()))
                && (kind == null || kind == r.kind())
                && (phase == null || r.phases().contains(phase))
                && (role == null || r.roles().contains(role))
                && (layer == null || layer == r.layer())
                && (deploymentModel == null || r.appliesTo(deploymentModel));
    }
}
