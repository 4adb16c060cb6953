package org.yunjian.responsibility.internal.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.yunjian.catalog.AssessedSide;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.Mapping;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.GuideRoles;
import org.yunjian.party.Industry;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.RoleAssistant;
import org.yunjian.shared.Msg;

/**
 * The switchable views of a system's matrix (issue 12 item 2), derived from the catalog and the matrix, nothing
 * stored and nothing invented:
 * <ul>
 * <li>{@link ViewKind#MLPS}: every 等保 level-3 cloud-extension item with the side the assessment guide assesses it
 * on ({@link AssessedSide}) and the participants answering for that side (cloud platform → the provider(s), customer
 * system → the customer, both → both). Where the catalog's cross-references map an item onto T/CCIA duties, the
 * matrix rows of those duties (accountable and implementing parties) are shown with it; every other item has none,
 * because the catalog gives no mapping for it.</li>
 * <li>{@link ViewKind#GOV} / {@link ViewKind#JRT}: the duties of the sector guide, grouped by lifecycle phase, each
 * with the roles it names and the participants holding those roles; restricted to the system's deployment model where
 * the guide distinguishes one (JR/T x.2 私有云, x.3 行业云, x.4 公共云; the government-website guide covers public
 * cloud only). A hybrid system, or one whose model is not known, gets every subsection. Items that state no duty
 * (the guide's 5.2.1 risks, its 5.3 role definitions, its 5.4 ¶1 and JR/T 4.2 / 4.3's lists of phase and role names:
 * {@link Requirement#isDuty()}) are nobody's and not shown.</li>
 * </ul>
 * The 等保 view is offered for every system; a sector view only for a system of its industry.
 */
public final class MatrixViews {

    private static final String TCCIA = RoleAssistant.STANDARD;

    private final Catalog catalog;
    private final Map<ViewKind, List<Requirement>> items;

    private MatrixViews(Catalog catalog, Map<ViewKind, List<Requirement>> items) {
        this.catalog = catalog;
        this.items = items;
    }

    /** Reads the items of each view's standard once. */
    public static MatrixViews of(Catalog catalog) {
        Map<ViewKind, List<Requirement>> items = new EnumMap<>(ViewKind.class);
        for (ViewKind k : ViewKind.values()) {
            items.put(
                    k,
                    catalog.find(RequirementFilter.items().standard(k.standard())).stream()
                            .filter(r -> k == ViewKind.MLPS ? r.mlps() != null : r.isDuty())
                            .toList());
        }
        return new MatrixViews(catalog, Collections.unmodifiableMap(items));
    }

    /** The views offered for a system of {@code industry}, in switch order. */
    public List<ViewKind> offered(Industry industry) {
        return Arrays.stream(ViewKind.values())
                .filter(k -> refusal(k, industry).isEmpty())
                .toList();
    }

    /** Why {@code kind} is not offered for a system of {@code industry}; empty when it is. */
    public Optional<Msg> refusal(ViewKind kind, Industry industry) {
        Industry needed =
                switch (kind) {
                    case MLPS -> null;
                    case GOV -> Industry.GOVERNMENT_WEBSITE;
                    case JRT -> Industry.SECURITIES_FUTURES;
                };
        if (needed == null || needed == industry) {
            return Optional.empty();
        }
        return Optional.of(Msg.of(
                "responsibility.view.notOffered",
                Msg.of(kind),
                Msg.of(needed),
                industry == null ? Msg.of("responsibility.view.industry.unknown") : Msg.of(industry)));
    }

    /** {@link #derive(ViewKind, Industry, org.yunjian.catalog.DeploymentModel, ResponsibilityMatrix, Map, Map)} unnamed. */
    public View derive(
            ViewKind kind,
            Industry industry,
            org.yunjian.catalog.DeploymentModel deployment,
            ResponsibilityMatrix matrix,
            Map<UUID, Set<PartyRole>> registered) {
        return derive(kind, industry, deployment, matrix, registered, Map.of());
    }

    /**
     * The view of {@code matrix} for a system of {@code industry} and {@code deployment}. Who holds a role the guide
     * names is {@link GuideRoles}' answer, as for the lifecycle plan: the T/CCIA roles from the matrix's participants,
     * the agents (网站开发商, 系统集成商, 安全服务商) and the third-party assessor from the system's registration.
     *
     * @param registered the organisations registered on the system with the roles they are registered in there
     *                   ({@link org.yunjian.party.Parties#registeredRoles})
     * @param names      their names, for those that are no participants of the matrix
     * @throws IllegalArgumentException if the view is not offered for the industry
     */
    public View derive(
            ViewKind kind,
            Industry industry,
            org.yunjian.catalog.DeploymentModel deployment,
            ResponsibilityMatrix matrix,
            Map<UUID, Set<PartyRole>> registered,
            Map<UUID, String> names) {
        refusal(kind, industry).ifPresent(m -> {
            throw new IllegalArgumentException(m.key() + " " + kind);
        });
        DeploymentModel model = catalogModel(deployment);
        Map<GroupKey, List<ViewRow>> groups = new LinkedHashMap<>();
        if (kind != ViewKind.MLPS) {
            groups.put(new GroupKey(null, null), new ArrayList<>());
            Arrays.stream(Phase.values()).forEach(p -> groups.put(new GroupKey(p, null), new ArrayList<>()));
        }
        Map<PartyRole, List<Participant>> holders = holders(matrix, registered, names);
        int otherModels = 0;
        for (Requirement r : items.get(kind)) {
            if (model != null && !r.appliesTo(model)) {
                otherModels++;
                continue;
            }
            ViewRow row = kind == ViewKind.MLPS ? mlpsRow(r, matrix, holders) : guideRow(r, holders);
            GroupKey key = kind == ViewKind.MLPS
                    ? new GroupKey(null, section(r))
                    : new GroupKey(
                            r.phases().size() == 1 ? r.phases().iterator().next() : null, null);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<Group> out = new ArrayList<>();
        groups.forEach((k, rows) -> {
            if (!rows.isEmpty()) {
                out.add(new Group(k.phase(), k.section(), rows));
            }
        });
        return new View(kind, model, out, otherModels);
    }

    private ViewRow mlpsRow(Requirement r, ResponsibilityMatrix matrix, Map<PartyRole, List<Participant>> holders) {
        AssessedSide side = r.mlps().assessedSide();
        Set<PartyRole> roles =
                switch (side) {
                    case CLOUD_PLATFORM -> EnumSet.of(PartyRole.PROVIDER);
                    case CUSTOMER_SYSTEM -> EnumSet.of(PartyRole.CUSTOMER);
                    case BOTH -> EnumSet.of(PartyRole.CUSTOMER, PartyRole.PROVIDER);
                };
        List<MappedDuty> mapped = new ArrayList<>();
        for (Mapping m : catalog.mappings(r.id())) {
            RequirementId other = m.other(r.id());
            if (other.standardCode().equals(TCCIA)) {
                mapped.add(new MappedDuty(
                        other,
                        m.relation(),
                        m.from().equals(r.id()),
                        matrix.row(other).orElse(null)));
            }
        }
        return new ViewRow(r.id(), false, side, r.deploymentModels(), holders(roles, holders), mapped);
    }

    private ViewRow guideRow(Requirement r, Map<PartyRole, List<Participant>> holders) {
        Set<PartyRole> roles = PartyRole.ordered(r.roles());
        boolean child = r.parentId()
                .flatMap(catalog::requirement)
                .map(p -> p.kind() == org.yunjian.catalog.RequirementKind.ITEM)
                .orElse(false);
        return new ViewRow(r.id(), child, null, r.deploymentModels(), holders(roles, holders), List.of());
    }

    /**
     * The participants holding each role by {@link GuideRoles#holders}: the matrix's own participant where the
     * organisation is one, else the registered organisation (an agent, the assessor) as a participant without T/CCIA
     * roles.
     */
    private static Map<PartyRole, List<Participant>> holders(
            ResponsibilityMatrix matrix, Map<UUID, Set<PartyRole>> registered, Map<UUID, String> names) {
        Map<UUID, Participant> byOrg = new LinkedHashMap<>();
        Map<UUID, Set<PartyRole>> inMatrix = new LinkedHashMap<>();
        matrix.participants().forEach(p -> {
            byOrg.put(p.organisation(), p);
            inMatrix.put(p.organisation(), p.roles());
        });
        Map<PartyRole, List<Participant>> out = new EnumMap<>(PartyRole.class);
        GuideRoles.holders(registered, inMatrix)
                .forEach((role, orgs) -> out.put(
                        role,
                        orgs.stream()
                                .map(o -> byOrg.computeIfAbsent(
                                        o, k -> new Participant(k, names.getOrDefault(k, k.toString()), Set.of())))
                                .toList()));
        return out;
    }

    /** Each role with the participants holding it, in role order (an empty list: nobody on the system holds it). */
    private static List<Holder> holders(Set<PartyRole> roles, Map<PartyRole, List<Participant>> holders) {
        List<Holder> out = new ArrayList<>();
        for (PartyRole role : PartyRole.values()) {
            if (roles.contains(role)) {
                out.add(new Holder(role, holders.getOrDefault(role, List.of())));
            }
        }
        return out;
    }

    /** The 等保 area (安全层面) an item belongs to: its top-level section. */
    private RequirementId section(Requirement r) {
        Requirement at = r;
        while (at.parent() != null) {
            at = catalog.requirement(at.parent()).orElseThrow();
        }
        return at.id();
    }

    private static DeploymentModel catalogModel(org.yunjian.catalog.DeploymentModel m) {
        return DeploymentModel.restrictionOf(m).orElse(null);
    }

    private record GroupKey(Phase phase, RequirementId section) {}

    /**
     * One view of one matrix version.
     *
     * @param model       the deployment model the rows were restricted to, or null (hybrid or unknown: all)
     * @param otherModels how many of the standard's items were left out as belonging to other deployment models
     */
    public record View(ViewKind kind, DeploymentModel model, List<Group> groups, int otherModels) {

        public View {
            groups = List.copyOf(groups);
        }

        public List<ViewRow> rows() {
            return groups.stream().flatMap(g -> g.rows().stream()).toList();
        }

        /** The view as a caller who sees only the rows naming its organisation sees it (partners, agents). */
        public View seenBy(UUID organisation) {
            List<Group> kept = new ArrayList<>();
            for (Group g : groups) {
                List<ViewRow> rows =
                        g.rows().stream().filter(r -> r.names(organisation)).toList();
                if (!rows.isEmpty()) {
                    kept.add(new Group(g.phase(), g.section(), rows));
                }
            }
            return new View(kind, model, kept, otherModels);
        }
    }

    /**
     * Rows under one heading: a lifecycle phase (sector guides; {@code phase} null for items that apply in every
     * phase) or an 等保 area ({@code section}, the catalog's section of GB/T 22239 §8.2).
     */
    public record Group(Phase phase, RequirementId section, List<ViewRow> rows) {

        public Group {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One item of the view's standard on this system.
     *
     * @param child   a listed sub-item of the row above (sector guides), for indenting
     * @param side    the side it is assessed on (等保 only), else null
     * @param models  the deployment models the item is restricted to (empty: all)
     * @param holders the roles the item names (等保: of its side) with the participants holding each; an empty list of
     *                participants means nobody on the system holds that role
     * @param mapped  the T/CCIA duties the catalog maps the item onto (等保 only)
     */
    public record ViewRow(
            RequirementId item,
            boolean child,
            AssessedSide side,
            Set<DeploymentModel> models,
            List<Holder> holders,
            List<MappedDuty> mapped) {

        public ViewRow {
            Objects.requireNonNull(item, "item");
            models = Set.copyOf(models);
            holders = List.copyOf(holders);
            mapped = List.copyOf(mapped);
        }

        /** Whether {@code organisation} holds a role of the row or takes part in a mapped duty's row. */
        public boolean names(UUID organisation) {
            return holders.stream().anyMatch(h -> h.participants().stream()
                            .anyMatch(p -> p.organisation().equals(organisation)))
                    || mapped.stream().anyMatch(m -> m.row() != null && m.row().names(organisation));
        }
    }

    /** A role a row names and the participants of the system holding it (empty: a gap). */
    public record Holder(PartyRole role, List<Participant> participants) {

        public Holder {
            participants = List.copyOf(participants);
        }
    }

    /**
     * A T/CCIA duty the catalog maps an 等保 item onto, and its row in the matrix as the caller sees it (null when the
     * caller does not see that row).
     *
     * @param itemIsFrom whether the 等保 item is the mapping's {@code from} end ({@code relation} reads from it)
     */
    public record MappedDuty(RequirementId duty, Mapping.Relation relation, boolean itemIsFrom, MatrixRow row) {

        /** The relation read from the 等保 item's side. */
        public Msg relationText() {
            return !itemIsFrom && relation == Mapping.Relation.SUBSET
                    ? Msg.of("responsibility.view.relation.superset")
                    : Msg.of(relation);
        }
    }
}
