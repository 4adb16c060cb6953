package org.yunjian.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The controls of another catalog that Yunjian relates to its Chinese items, with the reviewed relation of each (the
 * crosswalk shipped in {@code catalog/crosswalks/}). A control that no map names is <em>unmapped</em>: callers list it
 * as such, never drop it silently.
 */
public final class ForeignControls {

    private static final Pattern ENHANCEMENT = Pattern.compile("^([a-z]{2})-0*(\\d+)(?:[.(]0*(\\d+)\\)?)?$");

    private final String framework;
    private final String frameworkVersion;
    private final List<ControlMap> maps;
    private final Map<String, List<ControlMap>> byControl;
    private final Map<RequirementId, List<ControlMap>> byItem;
    private final List<UnmappedItem> unmapped;
    private final CrosswalkReview review;
    private final Map<String, String> titles;

    /**
     * @param framework        the other catalog's title, e.g. {@code NIST SP 800-53 Rev. 5}
     * @param frameworkVersion its version as the crosswalk was reviewed against, e.g. {@code 5.1.1}
     */
    public ForeignControls(String framework, String frameworkVersion, List<ControlMap> maps) {
        this(framework, frameworkVersion, maps, List.of(), CrosswalkReview.unknown(), Map.of());
    }

    /**
     * @param unmapped the items of the review's scope that no control meets, each with its reason
     * @param review   how the crosswalk was made
     * @param titles   the other catalog's title of each control the maps name, by normalised id
     */
    public ForeignControls(
            String framework,
            String frameworkVersion,
            List<ControlMap> maps,
            List<UnmappedItem> unmapped,
            CrosswalkReview review,
            Map<String, String> titles) {
        this.titles = Map.copyOf(titles);
        this.framework = framework;
        this.frameworkVersion = frameworkVersion;
        this.maps = List.copyOf(maps);
        this.unmapped = List.copyOf(unmapped);
        this.review = review;
        Map<String, List<ControlMap>> c = new LinkedHashMap<>();
        Map<RequirementId, List<ControlMap>> i = new LinkedHashMap<>();
        for (ControlMap m : maps) {
            c.computeIfAbsent(m.controlId(), k -> new ArrayList<>()).add(m);
            i.computeIfAbsent(m.item(), k -> new ArrayList<>()).add(m);
        }
        c.replaceAll((k, v) -> List.copyOf(v));
        i.replaceAll((k, v) -> List.copyOf(v));
        this.byControl = Collections.unmodifiableMap(c);
        this.byItem = Collections.unmodifiableMap(i);
    }

    public String framework() {
        return framework;
    }

    public String frameworkVersion() {
        return frameworkVersion;
    }

    /** How the crosswalk was made (method, matching rationale, status, the texts it was read against, its scope). */
    public CrosswalkReview review() {
        return review;
    }

    /** The items of the review's scope that no control meets, each with the reviewer's reason, in document order. */
    public List<UnmappedItem> unmappedItems() {
        return unmapped;
    }

    /** The reviewer's reason why no control meets {@code item}; empty when it is mapped or outside the scope. */
    public Optional<UnmappedItem> unmapped(RequirementId item) {
        return unmapped.stream().filter(u -> u.item().equals(item)).findFirst();
    }

    /** The control's title as the other catalog has it (verbatim, English), e.g. {@code Account Management}. */
    public Optional<String> controlTitle(String controlId) {
        return normalised(controlId).map(titles::get);
    }

    /**
     * A control id as SP 800-53 prints it: {@code ac-6.1} is {@code AC-6(1)}; anything that is not a control id is
     * returned as it is.
     */
    public static String displayId(String controlId) {
        return normalised(controlId)
                .map(id -> {
                    String[] p = id.toUpperCase(Locale.ROOT).split("\\.");
                    return p.length == 1 ? p[0] : p[0] + "(" + p[1] + ")";
                })
                .orElse(controlId);
    }

    /** The items some control relates to, in the crosswalk's order. */
    public List<RequirementId> mappedItems() {
        return List.copyOf(byItem.keySet());
    }

    /** The controls some map names, in the crosswalk's order. */
    public List<String> controlIds() {
        return List.copyOf(byControl.keySet());
    }

    /** Every map, in the crosswalk's order. */
    public List<ControlMap> all() {
        return maps;
    }

    /** The items a control relates to; empty when the control is unmapped. */
    public List<ControlMap> mapsOf(String controlId) {
        return normalised(controlId)
                .map(id -> byControl.getOrDefault(id, List.of()))
                .orElse(List.of());
    }

    /** The controls that relate to an item. */
    public List<ControlMap> mapsTo(RequirementId item) {
        return byItem.getOrDefault(item, List.of());
    }

    /** Whether some map names the control. */
    public boolean isMapped(String controlId) {
        return !mapsOf(controlId).isEmpty();
    }

    /**
     * A control id in the one spelling the crosswalk uses: lower case, enhancements after a dot, no leading zeros —
     * {@code AC-2(1)}, {@code ac-02.01} and {@code ac-2.1} are all {@code ac-2.1}. Empty for anything that is not an
     * SP 800-53 control id.
     */
    public static Optional<String> normalised(String controlId) {
        if (controlId == null) {
            return Optional.empty();
        }
        Matcher m = ENHANCEMENT.matcher(controlId.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + "-" + m.group(2) + (m.group(3) == null ? "" : "." + m.group(3)));
    }
}
