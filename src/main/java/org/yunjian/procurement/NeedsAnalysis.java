package org.yunjian.procurement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.DataClassification;
import org.yunjian.shared.FieldErrors;

/**
 * The needs analysis and migration decision of a system (the government-website guide's 6.3 需求分析 ending in its
 * 需求报告, JR/T 5.1–5.3): what is to move (the inventory of websites and applications), whether it moves and why,
 * the resources it needs, and its security requirements with the guide's planning duties they answer. Valid by
 * construction through {@link #validate}.
 *
 * @param citedDuties planning duties of the guide the security requirements cite
 * @param version     the stored version, raised by every save (1 when first saved, 0 while not stored; see
 *                    {@link org.yunjian.shared.version.Versions})
 */
public record NeedsAnalysis(
        List<InventoryItem> inventory,
        MigrationDecision decision,
        String reasons,
        String compute,
        String storage,
        String bandwidth,
        String availability,
        String security,
        List<RequirementId> citedDuties,
        String updatedBy,
        Instant updatedAt,
        long version) {

    public static final int NAME_MAX = 200;
    public static final int ADDRESS_MAX = 500;
    public static final int USERS_MAX = 500;
    public static final int REASONS_MAX = 10_000;
    public static final int RESOURCE_MAX = 2_000;
    public static final int AVAILABILITY_MAX = 200;
    public static final int SECURITY_MAX = 10_000;
    public static final int INVENTORY_MAX = 200;

    public NeedsAnalysis {
        inventory = List.copyOf(inventory);
        citedDuties = List.copyOf(citedDuties);
    }

    /**
     * A website or application of the system.
     *
     * @param address its address (URL or location), or null
     * @param users   who uses it and how many, or null
     */
    public record InventoryItem(
            String name, String address, DataClassification classification, Sensitivity sensitivity, String users) {}

    /**
     * What a person enters: every field as typed, so each problem can be named.
     *
     * @param version the version of the analysis the input replaces, 0 for "none saved yet" (or {@code If-Match})
     */
    public record Input(
            List<ItemInput> inventory,
            String decision,
            String reasons,
            String compute,
            String storage,
            String bandwidth,
            String availability,
            String security,
            List<String> citedDuties,
            Long version) {}

    public record ItemInput(String name, String address, String classification, String sensitivity, String users) {}

    /**
     * The analysis {@code in} describes, or every problem at once: at least one inventory entry, each with a name,
     * a data classification and a sensitivity; a decision with its reasons; lengths within bounds; cited duties only
     * among {@code planningDuties} (the guide's planning duties for the system).
     */
    public static NeedsAnalysis validate(Input in, Set<RequirementId> planningDuties, String by, Instant at) {
        FieldErrors errors = new FieldErrors();
        List<InventoryItem> items = new ArrayList<>();
        List<ItemInput> inv = in.inventory() == null ? List.of() : in.inventory();
        if (inv.isEmpty()) {
            errors.add("inventory", "lifecycle.doc.error.inventoryEmpty");
        } else if (inv.size() > INVENTORY_MAX) {
            errors.add("inventory", "lifecycle.doc.error.inventoryTooMany", INVENTORY_MAX);
        }
        for (int i = 0; i < inv.size() && i < INVENTORY_MAX; i++) {
            ItemInput x = inv.get(i) == null ? new ItemInput(null, null, null, null, null) : inv.get(i);
            String f = "inventory[" + i + "].";
            String name = required(errors, f + "name", x.name(), NAME_MAX);
            String address = optional(errors, f + "address", x.address(), ADDRESS_MAX);
            String users = optional(errors, f + "users", x.users(), USERS_MAX);
            DataClassification c = parse(errors, f + "classification", x.classification(), DataClassification.class);
            Sensitivity s = parse(errors, f + "sensitivity", x.sensitivity(), Sensitivity.class);
            items.add(new InventoryItem(name, address, c, s, users));
        }
        MigrationDecision decision = parse(errors, "decision", in.decision(), MigrationDecision.class);
        String reasons = required(errors, "reasons", in.reasons(), REASONS_MAX);
        String compute = optional(errors, "compute", in.compute(), RESOURCE_MAX);
        String storage = optional(errors, "storage", in.storage(), RESOURCE_MAX);
        String bandwidth = optional(errors, "bandwidth", in.bandwidth(), RESOURCE_MAX);
        String availability = optional(errors, "availability", in.availability(), AVAILABILITY_MAX);
        String security = optional(errors, "security", in.security(), SECURITY_MAX);
        Set<RequirementId> cited = new LinkedHashSet<>();
        for (String d : in.citedDuties() == null ? List.<String>of() : in.citedDuties()) {
            if (d == null || d.isBlank()) {
                continue;
            }
            RequirementId id = RequirementId.isWellFormed(d.strip()) ? RequirementId.of(d.strip()) : null;
            if (id == null || !planningDuties.contains(id)) {
                errors.add("citedDuties", "lifecycle.doc.error.unknownDuty", d.strip());
            } else {
                cited.add(id);
            }
        }
        errors.throwIfAny();
        return new NeedsAnalysis(
                items,
                decision,
                reasons,
                compute,
                storage,
                bandwidth,
                availability,
                security,
                List.copyOf(cited),
                by,
                at,
                0);
    }

    static String required(FieldErrors errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(field, "lifecycle.doc.error.required");
            return null;
        }
        return optional(errors, field, value, max);
    }

    static String optional(FieldErrors errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(field, "lifecycle.doc.error.tooLong", max);
        }
        return v;
    }

    /**
     * An ISO date (yyyy-MM-dd) typed in {@code field}: null when blank (with an error if {@code required}) or not a
     * date (with an error naming what was typed).
     */
    public static java.time.LocalDate date(FieldErrors errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "lifecycle.doc.error.required");
            }
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(field, "lifecycle.doc.error.dateFormat", org.yunjian.shared.Text.safe(value.strip()));
            return null;
        }
    }

    static <E extends Enum<E>> E parse(FieldErrors errors, String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            errors.add(field, "lifecycle.doc.error.required");
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(field, "lifecycle.doc.error.unknownValue", value.strip());
            return null;
        }
    }
}
