package org.yunjian.party.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Engagement;
import org.yunjian.party.Organization;
import org.yunjian.party.internal.Inputs;
import org.yunjian.shared.version.Versioned;

/**
 * The JSON the party REST API takes and returns. Requests carry strings so that a wrong value is
 * reported against its field (an unknown enum value, a protection level of 5) rather than as an
 * unreadable body.
 */
final class Dtos {

    private Dtos() {}

    record OrganizationRequest(
            String name,

            @Schema(description = "统一社会信用代码, 18 characters (GB 32100-2015)", example = "91350100M000100Y43")
            String creditCode,

            String region,

            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            List<String> roles,

            @Schema(description = "the version this update replaces, if no If-Match header is sent")
            Long version) {
        Inputs.OrganizationInput toInput() {
            return new Inputs.OrganizationInput(name, creditCode, region, roles);
        }
    }

    record OrganizationResponse(
            UUID id,
            String name,
            String creditCode,
            String region,
            List<PartyRole> roles,
            Instant createdAt,
            Instant updatedAt,
            long version)
            implements Versioned {
        static OrganizationResponse of(Organization o) {
            return new OrganizationResponse(
                    o.id(),
                    o.name(),
                    o.creditCode().value(),
                    o.region(),
                    o.roles().stream().sorted().toList(),
                    o.createdAt(),
                    o.updatedAt(),
                    o.version());
        }
    }

    /** An organisation and the role it plays; in requests the id and role are strings. */
    record PartyRefRequest(String organizationId, String role) {
        Inputs.PartyRef toInput() {
            return new Inputs.PartyRef(organizationId, role);
        }
    }

    record PartyRefResponse(UUID organizationId, String organizationName, PartyRole role) {}

    record SystemRequest(
            String name,

            @Schema(description = "customer organisation id; a business user may omit it (own organisation)")
            String customerId,

            @Schema(description = "等保 protection level 1-4 (number or string)", example = "3")
            String protectionLevel,

            @Schema(allowableValues = {"PRIVATE", "COMMUNITY", "PUBLIC", "HYBRID"})
            String deploymentModel,

            @Schema(allowableValues = {"IAAS", "PAAS", "SAAS"})
            String serviceModel,

            @Schema(allowableValues = {"GOVERNMENT_WEBSITE", "SECURITIES_FUTURES", "OTHER"})
            String industry,

            @Schema(allowableValues = {"GENERAL", "IMPORTANT", "CORE"})
            String dataClassification,

            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            List<String> regions,

            String providerId,
            List<PartyRefRequest> agents,

            @Schema(description = "the version this update replaces, if no If-Match header is sent")
            Long version,

            @Schema(example = "4", description = "level 1-4 of the platform carrying it; JR/T 6.1, 7.2")
            String platformLevel) {
        Inputs.SystemInput toInput() {
            return new Inputs.SystemInput(
                    name,
                    customerId,
                    protectionLevel,
                    deploymentModel,
                    serviceModel,
                    industry,
                    dataClassification,
                    regions,
                    providerId,
                    refs(agents),
                    platformLevel);
        }
    }

    record SystemResponse(
            UUID id,
            String name,
            UUID customerId,
            String customerName,
            int protectionLevel,
            String deploymentModel,
            String serviceModel,
            String industry,
            String dataClassification,
            List<String> regions,
            UUID providerId,
            String providerName,
            List<PartyRefResponse> agents,
            Instant createdAt,
            Instant updatedAt,
            long version,
            Integer platformLevel)
            implements Versioned {
        static SystemResponse of(CloudSystem s, Map<UUID, String> names) {
            return new SystemResponse(
                    s.id(),
                    s.name(),
                    s.customerId(),
                    names.get(s.customerId()),
                    s.protectionLevel(),
                    s.deploymentModel().name(),
                    s.serviceModel().name(),
                    s.industry().name(),
                    s.dataClassification().name(),
                    s.regions(),
                    s.providerId(),
                    s.providerId() == null ? null : names.get(s.providerId()),
                    s.agents().stream()
                            .map(a -> new PartyRefResponse(a.organizationId(), names.get(a.organizationId()), a.role()))
                            .toList(),
                    s.createdAt(),
                    s.updatedAt(),
                    s.version(),
                    s.platformLevel());
        }
    }

    record EngagementRequest(
            String name,
            String systemId,

            @Schema(allowableValues = {"PLANNING", "MIGRATION", "OPERATION", "EXIT"})
            String phase,

            String description,
            List<PartyRefRequest> participants,

            @Schema(description = "the version this update replaces, if no If-Match header is sent")
            Long version) {
        Inputs.EngagementInput toInput() {
            return new Inputs.EngagementInput(name, systemId, phase, description, refs(participants));
        }
    }

    record EngagementResponse(
            UUID id,
            String name,
            UUID systemId,
            String systemName,
            String phase,
            String description,
            List<PartyRefResponse> participants,
            Instant createdAt,
            Instant updatedAt,
            long version)
            implements Versioned {
        static EngagementResponse of(Engagement e, String systemName, Map<UUID, String> names) {
            return new EngagementResponse(
                    e.id(),
                    e.name(),
                    e.systemId(),
                    systemName,
                    e.phase().name(),
                    e.description(),
                    e.participants().stream()
                            .map(p -> new PartyRefResponse(p.organizationId(), names.get(p.organizationId()), p.role()))
                            .toList(),
                    e.createdAt(),
                    e.updatedAt(),
                    e.version());
        }
    }

    record NotesRequest(
            String notes,

            @Schema(
                    description =
                            "the version this update replaces (0 before the first notes), if no If-Match header is sent")
            Long version) {}

    record NotesResponse(
            UUID systemId,

            @Schema(description = "the notes; null when the stored notes do not open (see unreadable)")
            String notes,

            Instant updatedAt,
            long version,

            @Schema(
                    description =
                            "true: the stored notes do not open (altered, or moved from another system); new notes replace them")
            boolean unreadable,

            @Schema(description = "what unreadable means, in the caller's language; null otherwise")
            String notice)
            implements Versioned {

        static NotesResponse of(UUID systemId, org.yunjian.party.internal.SystemRepository.PrivateNotes n) {
            return new NotesResponse(
                    systemId,
                    n.notes(),
                    n.updatedAt(),
                    n.version(),
                    n.unreadable(),
                    n.unreadable() ? org.yunjian.shared.Texts.get("party.notes.unreadable") : null);
        }
    }

    record ImportResponse(String kind, int count, List<UUID> ids) {}

    private static List<Inputs.PartyRef> refs(Collection<PartyRefRequest> refs) {
        return refs == null
                ? List.of()
                : refs.stream().map(r -> r == null ? null : r.toInput()).toList();
    }
}
