package org.yunjian.responsibility.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.catalog.PartyRole;
import org.yunjian.responsibility.Behaviour;
import org.yunjian.responsibility.RoleAssistant;
import org.yunjian.responsibility.RoleDecision;
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.responsibility.rest.Dtos.MatrixResponse;
import org.yunjian.shared.Msg;

/**
 * The role-determination assistant of T/CCIA 004-2024 Annex A over REST: what it proposes for a participant of a
 * system given what the organisation does, and the customer's decision (confirm, or override with a reason).
 */
@RestController
@Tag(name = "responsibility", description = "责任矩阵 Responsibility matrices after T/CCIA 004-2024")
class ParticipantApi {

    static final String BASE = ResponsibilityApi.BASE + "/participants/{org}";

    private final ResponsibilityService service;
    private final RoleAssistant assistant;

    ParticipantApi(ResponsibilityService service, RoleAssistant assistant) {
        this.service = service;
        this.assistant = assistant;
    }

    record ProposalRequest(Set<Behaviour> behaviours) {}

    record RoleDecisionRequest(Integer baseVersion, Set<Behaviour> behaviours, Set<PartyRole> roles, String reason) {}

    /** An Annex A row cited for a role: its id, where it is ({@code A.2 第 3 行}), the actor and its behaviours. */
    record AnnexRow(String id, String ref, String actor, List<String> behaviours) {}

    record ProposedRole(PartyRole role, String roleLabel, boolean joint, List<AnnexRow> support) {}

    record ProposalResponse(UUID organisation, List<Behaviour> behaviours, List<ProposedRole> roles) {}

    @PostMapping(BASE + "/proposal")
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "What the Annex A role assistant proposes for a participant, given the behaviours it "
                    + "performs (nothing is stored): each role with the Annex A rows that support it")
    ProposalResponse propose(
            @PathVariable UUID id, @PathVariable UUID org, @RequestBody(required = false) ProposalRequest body) {
        RoleDecision d =
                service.propose(id, org, body == null || body.behaviours() == null ? Set.of() : body.behaviours());
        return new ProposalResponse(
                org,
                d.behaviours().stream().sorted().toList(),
                d.proposal().stream()
                        .map(p -> new ProposedRole(
                                p.role(),
                                Msg.of(p.role()).text(),
                                p.joint(),
                                p.support().stream()
                                        .map(r -> assistant
                                                .row(r)
                                                .map(row -> new AnnexRow(
                                                        r.value(),
                                                        row.ref().text(),
                                                        row.actor(),
                                                        row.behaviours().stream()
                                                                .sorted()
                                                                .map(b -> Msg.of(b)
                                                                        .text())
                                                                .toList()))
                                                .orElse(new AnnexRow(r.value(), r.value(), null, List.of())))
                                        .toList()))
                        .toList());
    }

    @PutMapping(BASE + "/roles")
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "The customer decides a participant's roles with the assistant: the behaviours it performs "
                    + "and either the proposal (roles omitted) or other roles with a reason; a new draft version")
    ResponseEntity<MatrixResponse> decide(
            @PathVariable UUID id,
            @PathVariable UUID org,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) RoleDecisionRequest body) {
        RoleDecisionRequest b = body == null ? new RoleDecisionRequest(null, Set.of(), null, null) : body;
        return Dtos.tagged(service.decideRoles(
                id, org, b.behaviours(), b.roles(), b.reason(), Dtos.base(ifMatch, b.baseVersion())));
    }
}
