package org.yunjian.responsibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
import org.yunjian.catalog.RoleDetermination;

/**
 * Role determination after T/CCIA 004-2024 Annex A: from the behaviours an organisation actually performs, the
 * roles the Annex A tables give for them, each with the rows that support it. A behaviour makes the role of the
 * rows it appears in (every behaviour of tables A.1–A.3 makes exactly one role); the provider role is joint when
 * another organisation of the same cloud service also performs provider behaviours (A.2, A.3). The tables are read
 * once from the catalog; the assistant is immutable and cheap to call.
 */
public final class RoleAssistant {

    public static final String STANDARD = "TCCIA004";
    static final String NAMES = "responsibility/annex-a-behaviours.properties";

    /** One row of an Annex A table with its behaviours as codes. */
    public record Row(RequirementId id, String actor, Set<Behaviour> behaviours, Set<PartyRole> roles, boolean joint) {

        public Row {
            behaviours = Set.copyOf(behaviours);
            roles = Set.copyOf(roles);
        }

        /** The table the row is in, as printed: {@code A.2} for {@code TCCIA004-A.2-3}. */
        public String table() {
            String v = id.value();
            return v.substring(v.indexOf('-') + 1, v.lastIndexOf('-'));
        }

        /** The row's number in its table: {@code 3} for {@code TCCIA004-A.2-3}. */
        public String line() {
            return id.value().substring(id.value().lastIndexOf('-') + 1);
        }

        /** Where the row is, for a reader: {@code 表A.2 第3行} / {@code Table A.2, row 3}. */
        public org.yunjian.shared.Msg ref() {
            return org.yunjian.shared.Msg.of("responsibility.annexRow", table(), line());
        }

        /** {@link #ref()} of the row {@code id} ({@code TCCIA004-A.2-3}), without the row at hand. */
        public static org.yunjian.shared.Msg ref(RequirementId id) {
            return new Row(id, "", Set.of(), Set.of(), false).ref();
        }
    }

    private final List<Row> rows;
    private final Map<Behaviour, Set<PartyRole>> rolesOf;

    private RoleAssistant(List<Row> rows) {
        this.rows = List.copyOf(rows);
        Map<Behaviour, Set<PartyRole>> m = new EnumMap<>(Behaviour.class);
        for (Row r : rows) {
            for (Behaviour b : r.behaviours()) {
                m.computeIfAbsent(b, k -> EnumSet.noneOf(PartyRole.class)).addAll(r.roles());
            }
        }
        this.rolesOf = m;
    }

    /**
     * Reads the Annex A rows of the catalog.
     *
     * @throws IllegalStateException if a behaviour printed in a row is none of {@link Behaviour}
     */
    public static RoleAssistant of(Catalog catalog) {
        Map<String, Set<Behaviour>> byName = printedNames();
        List<Row> rows = new ArrayList<>();
        catalog.find(RequirementFilter.items().standard(STANDARD)).stream()
                .filter(r -> r.roleDetermination() != null)
                .forEach(r -> {
                    RoleDetermination d = r.roleDetermination();
                    Set<Behaviour> behaviours = EnumSet.noneOf(Behaviour.class);
                    for (RoleDetermination.Behaviour b : d.behaviours()) {
                        String name = printedName(b);
                        Set<Behaviour> codes = byName.get(name);
                        if (codes == null) {
                            throw new IllegalStateException(
                                    r.id() + ": unknown behaviour " + name + " (" + NAMES + ")");
                        }
                        behaviours.addAll(codes);
                    }
                    rows.add(new Row(r.id(), d.actor(), behaviours, PartyRole.ordered(d.roles()), d.joint()));
                });
        return new RoleAssistant(rows);
    }

    /** The behaviour a row states: its name, or for an unnamed one its text without the closing punctuation. */
    static String printedName(RoleDetermination.Behaviour b) {
        String s = b.name() != null && !b.name().isBlank() ? b.name() : b.text();
        return s.strip().replaceAll("[\\p{P}\\s]+$", "");
    }

    private static Map<String, Set<Behaviour>> printedNames() {
        Properties p = new Properties();
        try (InputStream in = RoleAssistant.class.getClassLoader().getResourceAsStream(NAMES)) {
            if (in == null) {
                throw new IllegalStateException("missing " + NAMES);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(NAMES, e);
        }
        Map<String, Set<Behaviour>> out = new HashMap<>();
        for (String code : p.stringPropertyNames()) {
            Behaviour b = Behaviour.valueOf(code);
            for (String name : p.getProperty(code).split("\\|")) {
                out.computeIfAbsent(name.strip(), k -> EnumSet.noneOf(Behaviour.class))
                        .add(b);
            }
        }
        return out;
    }

    /** The Annex A rows in document order. */
    public List<Row> rows() {
        return rows;
    }

    /** The Annex A row of that id, if it is one. */
    public java.util.Optional<Row> row(RequirementId id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The roles {@code behaviour} makes according to the tables (one role for every behaviour of Annex A). */
    public Set<PartyRole> rolesOf(Behaviour behaviour) {
        return Set.copyOf(rolesOf.getOrDefault(behaviour, Set.of()));
    }

    /**
     * The roles for one organisation performing {@code performed}, in the order of {@link PartyRole}.
     *
     * @param otherProvider another organisation of the same cloud service performs provider behaviours, so the
     *                      provider role is joint
     */
    public List<RoleProposal> propose(Set<Behaviour> performed, boolean otherProvider) {
        Set<PartyRole> roles = EnumSet.noneOf(PartyRole.class);
        performed.forEach(b -> roles.addAll(rolesOf.getOrDefault(b, Set.of())));
        List<RoleProposal> out = new ArrayList<>();
        for (PartyRole role : roles) {
            boolean joint = role == PartyRole.PROVIDER && otherProvider;
            out.add(new RoleProposal(role, joint, support(role, joint, performed)));
        }
        return out;
    }

    /**
     * The roles of every organisation of one cloud service, given what each performs; the provider role is joint
     * when more than one of them performs provider behaviours.
     */
    public <K> Map<K, List<RoleProposal>> determine(Map<K, ? extends Collection<Behaviour>> performedBy) {
        long providers =
                performedBy.values().stream().filter(this::makesProvider).count();
        Map<K, List<RoleProposal>> out = new LinkedHashMap<>();
        performedBy.forEach((k, performed) -> {
            Set<Behaviour> set = performed.isEmpty() ? EnumSet.noneOf(Behaviour.class) : EnumSet.copyOf(performed);
            out.put(k, propose(set, makesProvider(performed) && providers > 1));
        });
        return out;
    }

    private boolean makesProvider(Collection<Behaviour> performed) {
        return performed.stream()
                .anyMatch(b -> rolesOf.getOrDefault(b, Set.of()).contains(PartyRole.PROVIDER));
    }

    private List<RequirementId> support(PartyRole role, boolean joint, Set<Behaviour> performed) {
        List<Row> matching = new ArrayList<>();
        for (Row r : rows) {
            boolean jointMatches = role != PartyRole.PROVIDER || r.joint() == joint;
            if (r.roles().contains(role) && jointMatches && overlap(r, performed) > 0) {
                matching.add(r);
            }
        }
        matching.sort(Comparator.comparingInt((Row r) -> -overlap(r, performed)));
        return matching.stream().map(Row::id).toList();
    }

    private static int overlap(Row r, Set<Behaviour> performed) {
        int n = 0;
        for (Behaviour b : r.behaviours()) {
            if (performed.contains(b)) {
                n++;
            }
        }
        return n;
    }
}
