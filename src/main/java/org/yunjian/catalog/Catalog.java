package org.yunjian.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded standards catalog: immutable, complete (the application does not start with a
 * half-loaded catalog, see {@link CatalogLoadException}) and in the standards' document order.
 */
public final class Catalog {

    private final Map<String, Standard> standards;
    private final Map<RequirementId, Requirement> requirements;
    private final List<Mapping> mappings;

    private Catalog(Map<String, Standard> standards, Map<RequirementId, Requirement> requirements, List<Mapping> mappings) {
        this.standards = standards;
        this.requirements = requirements;
        this.mappings = mappings;
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
                throw new IllegalArgumentException(r.id() + ": unknown or mismatched standard " + r.standardCode());
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
        return new Catalog(Collections.unmodifiableMap(byCode), Collections.unmodifiableMap(byId), List.copyOf(mappings));
    }

    public List<Standard> standards() {
        return List.copyOf(standards.values());
    }

    public Optional<Standard> standard(String code) {
        return Optional.ofNullable(standards.get(code));
    }

    public Optional<Requirement> requirement(RequirementId id) {
        return Optional.ofNullable(requirements.get(id));
    }

    /** All nodes of one standard (sections, control points, items) in document order; empty if unknown. */
    public List<Requirement> requirements(String standardCode) {
        return find(RequirementFilter.any().standard(standardCode));
    }

    public List<Requirement> children(RequirementId id) {
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
        return requirements.values().stream().filter(filter::matches).toList();
    }

    /** All cross-references between standards. */
    public List<Mapping> mappings() {
        return mappings;
    }

    /** Cross-references with {@code id} at either end. */
    public List<Mapping> mappings(RequirementId id) {
        return mappings.stream().filter(m -> m.from().equals(id) || m.to().equals(id)).toList();
    }

    public int size() {
        return requirements.size();
    }
}
