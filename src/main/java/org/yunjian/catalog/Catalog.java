package org.yunjian.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.function.SingletonSupplier;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/**
 * The loaded standards catalog: complete (the application does not start with a half-loaded catalog,
 * see {@link CatalogLoadException}) and in the standards' document order. The built-in standards never
 * change; standards imported from OSCAL catalogs are added (and searchable) as a whole, atomically.
 */
public final class Catalog {

    private final Set<String> builtIn;
    private final List<Standard> builtInStandards;
    private final List<Requirement> builtInRequirements;
    private final List<Mapping> mappings;
    private volatile State state;

    /** The standards and requirements at one moment; the search index over them is built at the first search. */
    private record State(
            Map<String, Standard> standards,
            Map<RequirementId, Requirement> requirements,
            SingletonSupplier<SearchIndex> index) {

        State(Map<String, Standard> standards, Map<RequirementId, Requirement> requirements) {
            this(standards, requirements, SingletonSupplier.of(() -> new SearchIndex(requirements.values())));
        }
    }

    private Catalog(
            Map<String, Standard> standards, Map<RequirementId, Requirement> requirements, List<Mapping> mappings) {
        this.builtIn = Set.copyOf(standards.keySet());
        this.builtInStandards = List.copyOf(standards.values());
        this.builtInRequirements = List.copyOf(requirements.values());
        this.mappings = mappings;
        this.state = new State(standards, requirements);
    }

    /** A catalog without cross-references; see {@link #of(List, List, List)}. */
    public static Catalog of(List<Standard> standards, List<Requirement> requirements) {
        return of(standards, requirements, List.of());
    }

    /**
     * Builds a catalog from already consistent data: ids unique, every requirement's standard and
     * parent present, children listed by their parents.
     *
     * Every mapping must join two existing requirements of different standards.
     *
     * @throws IllegalArgumentException if the data is not consistent
     */
    public static Catalog of(List<Standard> standards, List<Requirement> requirements, List<Mapping> mappings) {
        Map<String, Standard> byCode = new LinkedHashMap<>();
        for (Standard s : standards) {
            if (byCode.putIfAbsent(s.code(), s) != null) {
                throw new IllegalArgumentException("duplicate standard " + s.code());
            }
        }
        Map<RequirementId, Requirement> byId = new LinkedHashMap<>();
        for (Requirement r : requirements) {
            if (!byCode.containsKey(r.standardCode()) || !r.id().standardCode().equals(r.standardCode())) {
                throw new IllegalArgumentException(r.id() + ": standard mismatch " + r.standardCode());
            }
            if (byId.putIfAbsent(r.id(), r) != null) {
                throw new IllegalArgumentException("duplicate requirement " + r.id());
            }
        }
        for (Requirement r : requirements) {
            if (r.parent() != null && !byId.containsKey(r.parent())) {
                throw new IllegalArgumentException(r.id() + ": unknown parent " + r.parent());
            }
        }
        for (Mapping m : mappings) {
            if (!byId.containsKey(m.from()) || !byId.containsKey(m.to())) {
                throw new IllegalArgumentException("mapping " + m.from() + " -> " + m.to() + ": unknown requirement");
            }
        }
        return new Catalog(
                Collections.unmodifiableMap(byCode), Collections.unmodifiableMap(byId), List.copyOf(mappings));
    }

    /**
     * Replaces all imported standards by {@code standards} and their {@code requirements} in one step (readers see
     * the old or the new set, never a mix). The built-in standards cannot be replaced.
     *
     * @throws IllegalArgumentException if a code is built in or the data is inconsistent; nothing changes then
     */
    public synchronized void replaceImported(List<Standard> standards, List<Requirement> requirements) {
        for (Standard s : standards) {
            if (builtIn.contains(s.code())) {
                throw new IllegalArgumentException("built-in standard " + s.code());
            }
        }
        List<Standard> allStandards = new ArrayList<>(builtInStandards);
        allStandards.addAll(standards);
        List<Requirement> all = new ArrayList<>(builtInRequirements);
        all.addAll(requirements);
        Catalog checked = of(allStandards, all, List.of());
        this.state = checked.state;
    }

    /**
     * The standards imported from OSCAL catalogs (not the built-in ones), in load order: the ones an assessment can
     * be scoped to besides the built-in selections.
     */
    public List<Standard> importedStandards() {
        return state.standards().values().stream()
                .filter(s -> !builtIn.contains(s.code()))
                .toList();
    }

    /**
     * What an assessment scoped to the imported standard {@code code} assesses: one item per control that states a
     * requirement (its {@code statement}; a withdrawn control has none and is left out), in document order; its
     * heading (parent) and top-level group are the control point and layer of the assessment item. Empty for an
     * unknown or built-in code.
     */
    public List<Requirement> assessableItems(String code) {
        if (code == null || builtIn.contains(code)) {
            return List.of();
        }
        return find(RequirementFilter.items().standard(code)).stream()
                .filter(r -> r.text() != null && !r.text().isBlank())
                .toList();
    }

    /** Whether {@code code} is one of the standards shipped with Yunjian (not imported). */
    public boolean isBuiltIn(String code) {
        return builtIn.contains(code);
    }

    /**
     * Full-text search over ids, titles, Chinese and English text and notes: Chinese by character bigrams
     * (unigrams for one-character queries), English by lower-cased, lightly stemmed words. Every query term
     * must match; hits are ranked by a BM25-style score (id and title weigh more than text) and restricted by
     * {@code filter}. A blank query gives no hits.
     */
    public List<SearchHit> search(String query, RequirementFilter filter) {
        State s = state;
        return s.index().get().search(query, s.requirements(), filter == null ? RequirementFilter.any() : filter);
    }

    public List<Standard> standards() {
        return List.copyOf(state.standards().values());
    }

    public Optional<Standard> standard(String code) {
        return Optional.ofNullable(state.standards().get(code));
    }

    public Optional<Requirement> requirement(RequirementId id) {
        return Optional.ofNullable(state.requirements().get(id));
    }

    /** All nodes of one standard (sections, control points, items) in document order; empty if unknown. */
    public List<Requirement> requirements(String standardCode) {
        return find(RequirementFilter.any().standard(standardCode));
    }

    public List<Requirement> children(RequirementId id) {
        Map<RequirementId, Requirement> requirements = state.requirements();
        Requirement r = requirements.get(id);
        if (r == null) {
            return List.of();
        }
        List<Requirement> out = new ArrayList<>();
        r.children().forEach(c -> out.add(requirements.get(c)));
        return List.copyOf(out);
    }

    /** Requirements matching {@code filter}, in catalog order (standards in load order, then document order). */
    public List<Requirement> find(RequirementFilter filter) {
        return state.requirements().values().stream().filter(filter::matches).toList();
    }

    /**
     * One page of the requirements a person looks for, with the total: with a {@code query}, the search hits (any
     * kind, most relevant first); without, the items (not their headings) in catalog order; both restricted by
     * {@code filter}. Cut from the catalog in memory ({@link Paged#slice}): it is read from files, not a table.
     */
    public Paged<Requirement> page(String query, RequirementFilter filter, PageRequest page) {
        RequirementFilter f = filter == null ? RequirementFilter.any() : filter;
        boolean searching = query != null && !query.isBlank();
        return Paged.slice(matching(query, searching || f.kind() != null ? f : f.kind(RequirementKind.ITEM)), page);
    }

    /**
     * Every requirement matching {@code filter} (any kind unless it names one): with a {@code query}, the search hits
     * most relevant first, else in catalog order.
     */
    public List<Requirement> matching(String query, RequirementFilter filter) {
        return query != null && !query.isBlank()
                ? search(query, filter).stream().map(SearchHit::requirement).toList()
                : find(filter);
    }

    /** All cross-references between standards. */
    public List<Mapping> mappings() {
        return mappings;
    }

    /** Cross-references with {@code id} at either end. */
    public List<Mapping> mappings(RequirementId id) {
        return mappings.stream()
                .filter(m -> m.from().equals(id) || m.to().equals(id))
                .toList();
    }

    public int size() {
        return state.requirements().size();
    }
}
