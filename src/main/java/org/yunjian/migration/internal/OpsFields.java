package org.yunjian.migration.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Engagement;
import org.yunjian.party.Organization;
import org.yunjian.party.Parties;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Text;
import org.yunjian.shared.TextRules;

/**
 * Reading what a person typed into the migration, drill and supervision documents, once for all three: free text
 * through the platform's text rule, dates ({@code 2026-11-23}), times to the minute ({@code 2026-11-23T20:00} in
 * the users' zone, or with an offset), constants of an enum, and organisations of the system. Each problem is a
 * per-field error naming it; the caller throws them all at once.
 */
@Component
public class OpsFields {

    private final TextRules textRules;
    private final Parties parties;

    OpsFields(TextRules textRules, Parties parties) {
        this.textRules = textRules;
        this.parties = parties;
    }

    /** Stripped text, or null when blank (an error when required). */
    public String text(FieldErrors errors, String field, String value, int max, boolean required, Text.Kind kind) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                errors.add(field, "lifecycle.ops.error.required");
            }
            return null;
        }
        return textRules.check(errors, field, v, max, kind, "lifecycle.ops.error.tooLong") ? v : null;
    }

    public LocalDate date(FieldErrors errors, String field, String value, boolean required) {
        return org.yunjian.procurement.NeedsAnalysis.date(errors, field, value, required);
    }

    public Instant time(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, "lifecycle.ops.error.required");
            return null;
        }
        java.util.Optional<Instant> entered = Formats.enteredTime(value);
        if (entered.isEmpty()) {
            errors.add(field, "lifecycle.ops.error.timeFormat", Text.safe(value.strip()));
        }
        return entered.orElse(null);
    }

    public <E extends Enum<E>> E constant(FieldErrors errors, String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, "lifecycle.ops.error.required");
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(field, "lifecycle.ops.error.unknownChoice", Text.safe(value.strip()));
            return null;
        }
    }

    public UUID id(FieldErrors errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "lifecycle.ops.error.required");
            }
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(field, "lifecycle.ops.error.unknownId", Text.safe(value.strip()));
            return null;
        }
    }

    /**
     * The organisations of a system by name, in the order a reader expects them: the customer, the provider, the
     * agents, then the parties of its engagements.
     */
    public Map<UUID, String> organisations(CloudSystem system) {
        Map<UUID, String> out = new LinkedHashMap<>();
        add(out, system.customerId());
        add(out, system.providerId());
        system.agents().forEach(a -> add(out, a.organizationId()));
        for (Engagement e : parties.visibleEngagements(system.id())) {
            e.participants().forEach(p -> add(out, p.organizationId()));
        }
        return out;
    }

    private void add(Map<UUID, String> out, UUID org) {
        if (org != null && !out.containsKey(org)) {
            out.put(org, parties.findOrganization(org).map(Organization::name).orElse("—"));
        }
    }
}
