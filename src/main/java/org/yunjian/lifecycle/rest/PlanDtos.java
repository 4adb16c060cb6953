package org.yunjian.lifecycle.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.lifecycle.LifecyclePlan;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.lifecycle.internal.DutyRecords;
import org.yunjian.lifecycle.internal.GateTexts;
import org.yunjian.lifecycle.internal.PlanService;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.version.Versioned;

/** Request and response bodies of the plan API; every enum comes with its label in the caller's language. */
final class PlanDtos {

    private PlanDtos() {}

    /** {@code version}: the duty's version read (or {@code If-Match}); see {@link org.yunjian.shared.version.Versions}. */
    record StatusRequest(String status, String reason, Long version) {}

    record AssignmentRequest(UUID organisation, String owner, String dueDate, Long version) {}

    record CommentRequest(String body) {}

    record ReopenRequest(String reason) {}

    record Labelled(String code, String label) {
        static Labelled of(Enum<?> e) {
            return e == null ? null : new Labelled(e.name(), Msg.of(e).text());
        }
    }

    record StageResponse(
            Labelled phase,
            String term,
            boolean closed,
            Instant closedAt,
            int duties,
            int progress,
            boolean mayClose,
            List<GateTexts.Line> obstacles) {}

    record DutyResponse(
            UUID id,
            Labelled phase,
            String requirement,
            String clause,
            String text,
            UUID organisation,
            String organisationName,
            UUID owner,
            Labelled status,
            String reason,
            LocalDate dueDate,
            UUID completedBy,
            Instant completedAt,
            UUID acceptedBy,
            Instant acceptedAt,
            boolean settled,
            int version) {

        static DutyResponse of(PlanDuty d, Map<UUID, String> orgs, Catalog catalog) {
            Locale l = Texts.locale();
            return new DutyResponse(
                    d.id(),
                    Labelled.of(d.phase()),
                    d.requirement().value(),
                    GateTexts.clause(d, catalog),
                    catalog.requirement(d.requirement()).map(r -> r.textIn(l)).orElse(""),
                    d.organisation(),
                    orgs.getOrDefault(d.organisation(), ""),
                    d.owner(),
                    Labelled.of(d.status()),
                    d.reason(),
                    d.dueDate(),
                    d.completedBy(),
                    d.completedAt(),
                    d.acceptedBy(),
                    d.acceptedAt(),
                    d.settled(),
                    d.version());
        }
    }

    /** A duty of the guide the plan has nobody for, and why for each role it names (in the caller's language). */
    record UnassignedResponse(
            String requirement, String clause, Labelled phase, List<Labelled> roles, List<UnassignedWhy> why) {}

    /**
     * Why a role of an unassigned duty has nobody: {@code NOT_IN_MATRIX}, {@code NOT_REGISTERED} or
     * {@code REGISTERED_LATER} (then {@code holders} are the organisations holding the role now).
     */
    record UnassignedWhy(Labelled role, String reason, List<UUID> holders, String text) {}

    /** {@code version}: the plan's own version, named ({@code If-Match}) by adding the duties it lacks. */
    record PlanResponse(
            UUID id,
            UUID system,
            String standard,
            Labelled assignedFrom,
            Instant createdAt,
            List<StageResponse> stages,
            List<DutyResponse> duties,
            List<UnassignedResponse> unassigned,
            long version)
            implements Versioned {

        static PlanResponse of(PlanService.PlanView v, Catalog catalog) {
            LifecyclePlan p = v.plan();
            List<StageResponse> stages = p.stages().stream()
                    .map(s -> {
                        PlanService.GateView g = v.gates().get(s.phase());
                        return new StageResponse(
                                Labelled.of(s.phase()),
                                s.term(),
                                s.closed(),
                                s.closedAt(),
                                p.dutiesOf(s.phase()).size(),
                                p.progress(s.phase()),
                                !s.closed() && g.clear(),
                                s.closed() ? List.of() : GateTexts.lines(g, v.organisations(), catalog));
                    })
                    .toList();
            return new PlanResponse(
                    p.id(),
                    p.systemId(),
                    p.standardCode(),
                    Labelled.of(p.assignedFrom()),
                    p.createdAt(),
                    stages,
                    v.visibleDuties().stream()
                            .map(d -> DutyResponse.of(d, v.organisations(), catalog))
                            .toList(),
                    v.unassigned().stream()
                            .map(u -> new UnassignedResponse(
                                    u.requirement().value(),
                                    catalog.requirement(u.requirement())
                                            .map(r -> ClauseLabel.of(r).text())
                                            .orElse(""),
                                    Labelled.of(u.phase()),
                                    u.roles().stream()
                                            .sorted()
                                            .map(Labelled::of)
                                            .toList(),
                                    u.why().stream()
                                            .map(w -> new UnassignedWhy(
                                                    Labelled.of(w.role()),
                                                    w.reason().name(),
                                                    w.holders(),
                                                    w.text(v.organisations()).text()))
                                            .toList()))
                            .toList(),
                    p.version());
        }
    }

    /**
     * What adding the missing duties did: the duties added (each with its organisation) and those not added, each with
     * its reason ({@code PHASE_CLOSED}: reopen the phase first; {@code NO_HOLDER}: nobody on the system holds its
     * roles) in the caller's language; {@code planVersion}: the plan's version now.
     */
    record AdditionsResponse(List<DutyResponse> added, List<NotAddedResponse> notAdded, long planVersion) {
        static AdditionsResponse of(org.yunjian.lifecycle.internal.PlanAdditions.Result r, Catalog catalog) {
            return new AdditionsResponse(
                    r.added().stream()
                            .map(d -> DutyResponse.of(d, r.organisations(), catalog))
                            .toList(),
                    r.refused().stream()
                            .map(n -> NotAddedResponse.of(n, r.organisations(), catalog))
                            .toList(),
                    r.plan().plan().version());
        }
    }

    record NotAddedResponse(
            String requirement,
            String clause,
            Labelled phase,
            UUID organisation,
            String organisationName,
            String reason,
            String reasonText) {
        static NotAddedResponse of(LifecyclePlan.NotAdded n, Map<UUID, String> orgs, Catalog catalog) {
            return new NotAddedResponse(
                    n.requirement().value(),
                    catalog.requirement(n.requirement())
                            .map(r -> ClauseLabel.of(r).text())
                            .orElse(n.requirement().value()),
                    Labelled.of(n.phase()),
                    n.organisation(),
                    n.organisation() == null ? null : orgs.getOrDefault(n.organisation(), ""),
                    n.reason().name(),
                    Msg.of(n.reason()).text());
        }
    }

    record CommentResponse(UUID id, UUID author, String body, Instant createdAt) {}

    @Schema(name = "DutyEvidenceResponse")
    record EvidenceResponse(
            UUID id, String name, String type, long size, String sm3, UUID uploadedBy, Instant uploadedAt) {
        static EvidenceResponse of(org.yunjian.lifecycle.internal.DutyEvidence e) {
            return new EvidenceResponse(
                    e.file().id(),
                    e.file().displayName(),
                    e.file().typeName().text(),
                    e.file().size(),
                    e.file().sm3(),
                    e.uploadedBy(),
                    e.uploadedAt());
        }
    }

    record DutyDetailResponse(
            DutyResponse duty, boolean frozen, List<CommentResponse> comments, List<EvidenceResponse> evidence)
            implements Versioned {
        @Override
        public long version() {
            return duty.version();
        }

        static DutyDetailResponse of(DutyRecords.DutyDetail d, Catalog catalog) {
            return new DutyDetailResponse(
                    DutyResponse.of(d.duty(), d.plan().organisations(), catalog),
                    d.frozen(),
                    d.comments().stream()
                            .map(c -> new CommentResponse(c.id(), c.author(), c.body(), c.createdAt()))
                            .toList(),
                    d.evidence().stream().map(EvidenceResponse::of).toList());
        }
    }
}
