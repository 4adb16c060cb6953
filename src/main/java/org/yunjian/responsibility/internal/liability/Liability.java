package org.yunjian.responsibility.internal.liability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Layer;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.SearchHit;
import org.yunjian.responsibility.Behaviour;
import org.yunjian.responsibility.Duty;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.RoleAssistant;

/**
 * The typical incidents of T/CCIA 004-2024 Annex B (table B.1) and who is liable for each: searchable in Chinese
 * and English, and mapped onto a system's responsibility matrix — the organisations holding the liable roles and
 * the matrix rows of the clause the incident breaches.
 */
public final class Liability {

    /**
     * One incident of table B.1.
     *
     * @param text          the incident as printed
     * @param textEn        its English rendering (editorial)
     * @param category      the category as printed, e.g. {@code 基础设施层 -物理设备安全}
     * @param relatedClause the clause whose duties it breaches, e.g. {@code 7.1.2} — the catalog's inference: table
     *                      B.1 prints no clause
     * @param relatedDuties the duties it breaks where the clause holds none of them (B.1 13: 6.6 c) 3), 6.5 c) 1)),
     *                      else empty
     * @param kind          the category, for filtering and for showing it in the reader's language
     */
    public record Incident(
            RequirementId id,
            String text,
            String textEn,
            String category,
            Layer layer,
            Set<PartyRole> liableRoles,
            String relatedClause,
            List<RequirementId> relatedDuties,
            IncidentCategory kind) {

        public Incident {
            Objects.requireNonNull(id, "id");
            liableRoles = Set.copyOf(liableRoles);
            relatedDuties = relatedDuties == null ? List.of() : List.copyOf(relatedDuties);
        }

        /** Whether {@code duty} is one the incident breaks: one of its related duties, else one of its clause. */
        public boolean concerns(Duty duty) {
            return relatedDuties.isEmpty() ? duty.clause().equals(relatedClause) : relatedDuties.contains(duty.id());
        }

        /** The liable roles in the order of the table's columns (customer, provider, partners). */
        public List<PartyRole> liableRolesInOrder() {
            return liableRoles.stream().sorted().toList();
        }

        /** The number in table B.1 ({@code 9} for {@code TCCIA004-B-9}). */
        public String number() {
            String v = id.value();
            return v.substring(v.lastIndexOf('-') + 1);
        }
    }

    /**
     * An incident on one system.
     *
     * @param liable the participants liable in each liable role: those holding it whom the matrix gives the breached
     *               duty (an empty list: nobody on the system does)
     * @param rows   the matrix rows of the related clause that name a liable role, in document order
     * @param doing  for a liable role whose holders Annex A's behaviours tell apart, the behaviour the breached duty is
     *               about, where a holder of the role on the system does not do it and so is left out (B.1 6, machine-room
     *               delivery: a hardware provider that supplies servers only, A.1 "E 组织	提供物理服务器。	硬件提供者")
     */
    public record Analysis(
            Incident incident,
            Map<PartyRole, List<Participant>> liable,
            List<MatrixRow> rows,
            Map<PartyRole, Behaviour> doing) {

        public Analysis {
            liable = Collections.unmodifiableMap(new LinkedHashMap<>(liable));
            rows = List.copyOf(rows);
            doing = doing == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(doing));
        }
    }

    private final Catalog catalog;
    private final Map<RequirementId, Incident> incidents;

    private Liability(Catalog catalog, Map<RequirementId, Incident> incidents) {
        this.catalog = catalog;
        this.incidents = Collections.unmodifiableMap(incidents);
    }

    public static Liability of(Catalog catalog) {
        Map<RequirementId, Incident> incidents = new LinkedHashMap<>();
        for (Requirement r : catalog.find(RequirementFilter.items().standard(RoleAssistant.STANDARD))) {
            if (r.incident() != null) {
                incidents.put(
                        r.id(),
                        new Incident(
                                r.id(),
                                r.text(),
                                r.textEn(),
                                r.incident().category(),
                                r.layer(),
                                PartyRole.ordered(r.incident().liableRoles()),
                                r.incident().relatedClause(),
                                r.incident().relatedDuties(),
                                IncidentCategory.ofPrinted(r.incident().category())));
            }
        }
        return new Liability(catalog, incidents);
    }

    /** All incidents in the order of table B.1. */
    public List<Incident> incidents() {
        return List.copyOf(incidents.values());
    }

    public Optional<Incident> incident(RequirementId id) {
        return Optional.ofNullable(incidents.get(id));
    }

    /**
     * The incidents matching {@code query} in their Chinese or English text (the catalog's full-text search, most
     * relevant first), then those whose category contains it; every incident for a blank query.
     */
    public List<Incident> search(String query) {
        if (query == null || query.isBlank()) {
            return incidents();
        }
        Set<Incident> out = new LinkedHashSet<>();
        for (SearchHit hit : catalog.search(query, RequirementFilter.items().standard(RoleAssistant.STANDARD))) {
            Incident i = incidents.get(hit.requirement().id());
            if (i != null) {
                out.add(i);
            }
        }
        String q = compact(query);
        incidents.values().stream()
                .filter(i -> compact(i.category()).contains(q))
                .forEach(out::add);
        return new ArrayList<>(out);
    }

    /**
     * {@link #search(String)} narrowed to one category of table B.1; all categories for {@code category} null.
     */
    public List<Incident> search(String query, IncidentCategory category) {
        return search(query).stream()
                .filter(i -> category == null || i.kind() == category)
                .toList();
    }

    /** The categories of table B.1 in table order. */
    public List<IncidentCategory> categories() {
        return incidents.values().stream().map(Incident::kind).distinct().toList();
    }

    /**
     * Who on the system of {@code matrix} is liable for {@code incident}, and the matrix rows concerned. A holder of a
     * liable role is named only where the matrix gives it the breached duty: it is accountable for a row of the
     * incident in that role, or it may take such a duty ({@link Duty#takenBy}: for a duty Annex A's behaviours tell
     * apart, it does what the duty is about). Table B.1 6 "未按照云服务提供者验收后的标准持续交付机房。" is thus the
     * machine room's hardware provider's (A.1 "D 组织	提供物理机房。	硬件提供者"), not the server manufacturer's (A.1 "E 组织
     * 提供物理服务器。	硬件提供者"), whom 7.1.1 c) does not concern.
     */
    public Analysis analyse(Incident incident, ResponsibilityMatrix matrix) {
        List<MatrixRow> concerned =
                matrix.rows().stream().filter(r -> incident.concerns(r.duty())).toList();
        Map<PartyRole, List<Participant>> liable = new EnumMap<>(PartyRole.class);
        Map<PartyRole, Behaviour> doing = new EnumMap<>(PartyRole.class);
        for (PartyRole role : incident.liableRolesInOrder()) {
            List<Participant> holders = matrix.holders(role);
            List<Duty> duties = concerned.stream()
                    .map(MatrixRow::duty)
                    .filter(d -> d.names(role))
                    .toList();
            if (duties.isEmpty()) {
                liable.put(role, holders);
                continue;
            }
            List<Participant> given = holders.stream()
                    .filter(p -> duties.stream().anyMatch(d -> d.takenBy(p, role))
                            || concerned.stream().anyMatch(r -> accountable(r, p, role)))
                    .toList();
            if (given.size() < holders.size()) {
                duties.stream()
                        .map(Duty::behaviour)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .ifPresent(b -> doing.put(role, b));
            }
            liable.put(role, given);
        }
        List<MatrixRow> rows = concerned.stream()
                .filter(r -> r.duty().roles().stream().anyMatch(incident.liableRoles()::contains))
                .toList();
        return new Analysis(incident, liable, rows, doing);
    }

    /** Whether {@code p} answers for a part of {@code row} in {@code role}. */
    private static boolean accountable(MatrixRow row, Participant p, PartyRole role) {
        return row.assignments().stream()
                .anyMatch(a -> a.accountable().role() == role
                        && a.accountable().organisation().equals(p.organisation()));
    }

    /** The category as printed has stray spaces from the table's line breaks ("通用 -安全组织 及人员"). */
    private static String compact(String s) {
        return IncidentCategory.compact(s);
    }
}
