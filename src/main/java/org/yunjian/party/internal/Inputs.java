package org.yunjian.party.internal;

import java.util.List;

/**
 * Raw input as it arrives from a form, a JSON body or an import file: every value a string, so that
 * every problem can be reported against its field instead of failing the whole request.
 */
public final class Inputs {

    private Inputs() {}

    public record OrganizationInput(String name, String creditCode, String region, List<String> roles) {}

    /**
     * A system; {@code customer} and {@code provider} hold organisation ids, or credit codes in import
     * files.
     */
    /** {@code platformLevel}: the 等保 level of the cloud platform carrying the system, optional (JR/T 6.1, 7.2). */
    public record SystemInput(
            String name,
            String customer,
            String protectionLevel,
            String deploymentModel,
            String serviceModel,
            String industry,
            String dataClassification,
            List<String> regions,
            String provider,
            List<PartyRef> agents,
            String platformLevel) {

        /** Without a platform level. */
        public SystemInput(
                String name,
                String customer,
                String protectionLevel,
                String deploymentModel,
                String serviceModel,
                String industry,
                String dataClassification,
                List<String> regions,
                String provider,
                List<PartyRef> agents) {
            this(
                    name,
                    customer,
                    protectionLevel,
                    deploymentModel,
                    serviceModel,
                    industry,
                    dataClassification,
                    regions,
                    provider,
                    agents,
                    null);
        }
    }

    /** An organisation (id, or credit code in import files) and the role it plays. */
    public record PartyRef(String organization, String role) {}

    public record EngagementInput(
            String name, String systemId, String phase, String description, List<PartyRef> participants) {}

    public record NotesInput(String notes) {}
}
