package org.yunjian.responsibility.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.PartyRole;
import org.yunjian.responsibility.RuleQuote;
import org.yunjian.responsibility.VersionStatus;
import org.yunjian.responsibility.internal.liability.IncidentCategory;
import org.yunjian.responsibility.internal.liability.IncidentRepository.IncidentRecord;
import org.yunjian.responsibility.internal.liability.Liability;
import org.yunjian.responsibility.internal.liability.LiabilityAnalysis;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;

/** Bodies of the liability and incident REST API; texts are rendered in the request's language. */
final class LiabilityDtos {

    private LiabilityDtos() {}

    /**
     * @param occurredAt ISO 8601 with offset ({@code 2026-11-20T08:30:00Z}) or local time in the users' zone
     *                   ({@code 2026-11-20T16:30})
     */
    record RecordRequest(String incident, String occurredAt, String title, String description, String reference) {}

    /**
     * An incident of table B.1: its text in the request's language (the catalog's English rendering for English)
     * and as printed, its category, the liable roles and the related clause.
     */
    record IncidentResponse(
            String id,
            String number,
            String text,
            String textOriginal,
            IncidentCategory category,
            String categoryLabel,
            String categoryOriginal,
            List<PartyRole> liableRoles,
            List<String> liableRoleLabels,
            String relatedClause) {
        static IncidentResponse of(Liability.Incident i, Catalog catalog) {
            RuleQuote q = RuleQuote.of(i.id(), catalog);
            return new IncidentResponse(
                    i.id().value(),
                    i.number(),
                    q.text(),
                    i.text(),
                    i.kind(),
                    Msg.of(i.kind()).text(),
                    i.category(),
                    i.liableRolesInOrder(),
                    i.liableRolesInOrder().stream().map(r -> Msg.of(r).text()).toList(),
                    i.relatedClause());
        }
    }

    record HolderResponse(UUID organisation, String name, List<String> contacts) {}

    /**
     * A liable role and the organisations liable in it.
     *
     * @param doing the Annex A behaviour the breached duty is about where a holder of the role that does not do it is
     *              left out (T/CCIA 004-2024 B.1 6: machine-room delivery is not the server manufacturer's), else null
     * @param note  why nobody is named, or that holders not doing {@code doing} are left out; null when neither
     */
    record LiableResponse(
            PartyRole role,
            String roleLabel,
            List<HolderResponse> holders,
            org.yunjian.responsibility.Behaviour doing,
            String note) {}

    record PartyResponse(
            UUID accountable,
            String accountableName,
            PartyRole role,
            String roleLabel,
            UUID implementer,
            String implementerName,
            int depth) {}

    @Schema(name = "LiabilityRowResponse")
    record RowResponse(String duty, String ref, String text, String clause, List<PartyResponse> parties) {}

    /**
     * The analysis on a system: the matrix version it was made on (null: the system has no matrix, only the
     * standard's answer is given), the liable roles with their holders and the rows involved.
     */
    record AnalysisResponse(
            IncidentResponse incident,
            boolean onMatrix,
            Integer matrixVersion,
            VersionStatus matrixStatus,
            String matrixStatusLabel,
            String basis,
            List<LiableResponse> liable,
            List<RowResponse> rows) {
        static AnalysisResponse of(Liability.Incident incident, LiabilityAnalysis a, Catalog catalog) {
            return new AnalysisResponse(
                    IncidentResponse.of(incident, catalog),
                    a.onMatrix(),
                    a.matrixVersion(),
                    a.matrixStatus(),
                    a.matrixStatus() == null ? null : Msg.of(a.matrixStatus()).text(),
                    (a.onMatrix()
                                    ? Msg.of(
                                            "responsibility.incident.basis.version",
                                            a.matrixVersion(),
                                            Msg.of(a.matrixStatus()))
                                    : Msg.of("responsibility.incident.basis.none"))
                            .text(),
                    a.liable().stream()
                            .map(l -> new LiableResponse(
                                    l.role(),
                                    Msg.of(l.role()).text(),
                                    l.holders().stream()
                                            .map(h -> new HolderResponse(h.organisation(), h.name(), h.contacts()))
                                            .toList(),
                                    l.doing(),
                                    l.holders().isEmpty()
                                            ? l.nobody(a.onMatrix()).text()
                                            : l.onlyDoing() == null
                                                    ? null
                                                    : l.onlyDoing().text()))
                            .toList(),
                    a.rows().stream()
                            .map(r -> {
                                RuleQuote q = RuleQuote.of(org.yunjian.catalog.RequirementId.of(r.duty()), catalog);
                                return new RowResponse(
                                        r.duty(),
                                        q.ref(),
                                        q.text(),
                                        r.clause(),
                                        r.parties().stream()
                                                .map(p -> new PartyResponse(
                                                        p.accountable(),
                                                        p.accountableName(),
                                                        p.role(),
                                                        Msg.of(p.role()).text(),
                                                        p.implementer(),
                                                        p.implementerName(),
                                                        p.depth()))
                                                .toList());
                            })
                            .toList());
        }
    }

    /** A recorded incident with its analysis as it stood when recorded. */
    record RecordResponse(
            UUID id,
            UUID systemId,
            Instant occurredAt,
            String occurredAtText,
            String title,
            String description,
            String reference,
            String recordedBy,
            String recordedByName,
            Instant recordedAt,
            AnalysisResponse analysis) {
        static RecordResponse of(
                IncidentRecord r, Liability.Incident incident, Map<String, String> people, Catalog catalog) {
            return new RecordResponse(
                    r.id(),
                    r.systemId(),
                    r.occurredAt(),
                    Formats.minute(r.occurredAt()),
                    r.title(),
                    r.description(),
                    r.reference(),
                    r.recordedBy(),
                    people.getOrDefault(r.recordedBy(), r.recordedBy()),
                    r.recordedAt(),
                    AnalysisResponse.of(incident, r.analysis(), catalog));
        }
    }
}
