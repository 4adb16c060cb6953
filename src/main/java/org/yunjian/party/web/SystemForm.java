package org.yunjian.party.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.internal.Inputs;

/** The cloud system form as posted: regions one per line (or separated by ';'), agents as parallel lists. */
public class SystemForm {

    private String version;

    /** The version of the record the form was opened on (hidden field). */
    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    static final int AGENT_ROWS = 3;

    private String name;
    private String customerId;
    private String protectionLevel;
    private String platformLevel;
    private String deploymentModel;
    private String serviceModel;
    private String industry;
    private String dataClassification;
    private String regions;
    private String providerId;
    private List<String> agentIds = new ArrayList<>();
    private List<String> agentRoles = new ArrayList<>();

    static SystemForm of(CloudSystem s) {
        SystemForm f = new SystemForm();
        f.version = String.valueOf(s.version());
        f.name = s.name();
        f.customerId = s.customerId().toString();
        f.protectionLevel = String.valueOf(s.protectionLevel());
        f.platformLevel = s.platformLevel() == null ? "" : String.valueOf(s.platformLevel());
        f.deploymentModel = s.deploymentModel().name();
        f.serviceModel = s.serviceModel().name();
        f.industry = s.industry().name();
        f.dataClassification = s.dataClassification().name();
        f.regions = String.join("\n", s.regions());
        f.providerId = s.providerId() == null ? "" : s.providerId().toString();
        s.agents().forEach(a -> {
            f.agentIds.add(a.organizationId().toString());
            f.agentRoles.add(a.role().name());
        });
        return f;
    }

    /** Enough agent rows to show the existing agents and at least one blank. */
    public int agentRows() {
        return Math.max(AGENT_ROWS, agentIds.size() + 1);
    }

    public String agentId(int i) {
        return i < agentIds.size() ? agentIds.get(i) : "";
    }

    public String agentRole(int i) {
        return i < agentRoles.size() ? agentRoles.get(i) : "";
    }

    /** Whether agent row {@code i} is left blank (and so not sent). */
    boolean agentBlank(int i) {
        return agentId(i).isBlank() && agentRole(i).isBlank();
    }

    /** The errors of agent row {@code i}, to show next to it. */
    public java.util.List<String> agentErrors(java.util.Map<String, String> errors, int i) {
        return ListRowErrors.forRow(errors, "agents", this::agentBlank, i);
    }

    /** The errors of the regions, each with its position for people ("第 2 项：…"), to show under the list. */
    public java.util.List<String> regionErrors(java.util.Map<String, String> errors) {
        return ListRowErrors.numbered(errors, "regions");
    }

    Inputs.SystemInput toInput() {
        List<String> regionList = regions == null
                ? List.of()
                : Arrays.stream(regions.split("[;\\r\\n]+"))
                        .map(String::strip)
                        .filter(r -> !r.isEmpty())
                        .toList();
        List<Inputs.PartyRef> agents = new ArrayList<>();
        for (int i = 0; i < Math.max(agentIds.size(), agentRoles.size()); i++) {
            if (!agentBlank(i)) {
                agents.add(new Inputs.PartyRef(agentId(i), agentRole(i)));
            }
        }
        return new Inputs.SystemInput(
                name,
                customerId,
                protectionLevel,
                deploymentModel,
                serviceModel,
                industry,
                dataClassification,
                regionList,
                providerId,
                agents,
                platformLevel);
    }

    public String getPlatformLevel() {
        return platformLevel;
    }

    public void setPlatformLevel(String platformLevel) {
        this.platformLevel = platformLevel;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public String getProtectionLevel() {
        return protectionLevel;
    }

    public void setProtectionLevel(String protectionLevel) {
        this.protectionLevel = protectionLevel;
    }

    public String getDeploymentModel() {
        return deploymentModel;
    }

    public void setDeploymentModel(String deploymentModel) {
        this.deploymentModel = deploymentModel;
    }

    public String getServiceModel() {
        return serviceModel;
    }

    public void setServiceModel(String serviceModel) {
        this.serviceModel = serviceModel;
    }

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(String industry) {
        this.industry = industry;
    }

    public String getDataClassification() {
        return dataClassification;
    }

    public void setDataClassification(String dataClassification) {
        this.dataClassification = dataClassification;
    }

    public String getRegions() {
        return regions;
    }

    public void setRegions(String regions) {
        this.regions = regions;
    }

    public String getProviderId() {
        return providerId;
    }

    public void setProviderId(String providerId) {
        this.providerId = providerId;
    }

    public List<String> getAgentIds() {
        return agentIds;
    }

    public void setAgentIds(List<String> agentIds) {
        this.agentIds = agentIds == null ? new ArrayList<>() : agentIds;
    }

    public List<String> getAgentRoles() {
        return agentRoles;
    }

    public void setAgentRoles(List<String> agentRoles) {
        this.agentRoles = agentRoles == null ? new ArrayList<>() : agentRoles;
    }
}
