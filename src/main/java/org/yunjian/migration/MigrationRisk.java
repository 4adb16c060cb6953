package org.yunjian.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.yunjian.catalog.RequirementId;
import org.yunjian.shared.FieldErrors;

/**
 * One risk of a system's migration risk register: a risk the sector guide names (the government-website guide's
 * 5.2.1 a)–g), "政府网站迁移到云面临的安全风险", quoted from the catalog) with the customer's assessment of it on this
 * system. The guide gives the risks, not how to rate them: likelihood and impact are the customer's judgement.
 *
 * @param risk       the catalog item that describes the risk
 * @param likelihood how likely it is on this system, or null while unassessed
 * @param impact     how much harm it would do, or null while unassessed
 * @param treatment  what is done about it, or null
 * @param ownerOrg   the organisation of the system that carries out the treatment, or null
 * @param version    the stored version, raised by every save (0 while unassessed)
 * @param treatedOn  the day the treatment was carried out, or null while it is open (a new assessment reopens it)
 * @param treatedBy  who recorded it (user name), or null
 */
public record MigrationRisk(
        UUID systemId,
        RequirementId risk,
        Rating likelihood,
        Rating impact,
        String treatment,
        UUID ownerOrg,
        String updatedBy,
        Instant updatedAt,
        long version,
        LocalDate treatedOn,
        String treatedBy) {

    /** An assessment whose treatment is not carried out yet. */
    public MigrationRisk(
            UUID systemId,
            RequirementId risk,
            Rating likelihood,
            Rating impact,
            String treatment,
            UUID ownerOrg,
            String updatedBy,
            Instant updatedAt,
            long version) {
        this(systemId, risk, likelihood, impact, treatment, ownerOrg, updatedBy, updatedAt, version, null, null);
    }

    /** A three-step scale for likelihood and impact. */
    public enum Rating {
        LOW,
        MEDIUM,
        HIGH
    }

    /** The entry of a risk nobody has assessed yet. */
    public static MigrationRisk unassessed(UUID systemId, RequirementId risk) {
        return new MigrationRisk(systemId, risk, null, null, null, null, null, null, 0);
    }

    public boolean assessed() {
        return likelihood != null && impact != null;
    }

    public boolean treated() {
        return treatedOn != null;
    }

    /**
     * The organisation whose treatment the risk waits for: the owner of a risk rated high whose treatment is not
     * carried out yet (its people get a 我的待办 entry and a notification); empty otherwise.
     */
    public java.util.Optional<UUID> awaitsTreatmentBy() {
        return level() == Rating.HIGH && ownerOrg != null && !treated()
                ? java.util.Optional.of(ownerOrg)
                : java.util.Optional.empty();
    }

    /**
     * The treatment carried out on {@code on} (not after {@code today}), recorded by {@code by} at {@code at}: only an
     * assessed risk with a treatment written; the problems in {@code errors}, else the risk treated (a version more).
     */
    public MigrationRisk treatedOn(FieldErrors errors, LocalDate on, LocalDate today, String by, Instant at) {
        if (!assessed()) {
            errors.add("treatedOn", "lifecycle.risk.error.treatUnassessed");
        } else if (treatment == null) {
            errors.add("treatedOn", "lifecycle.risk.error.treatWithoutTreatment");
        }
        if (on == null) {
            errors.add("treatedOn", "lifecycle.risk.error.treatedOnRequired");
        } else if (on.isAfter(today)) {
            errors.add("treatedOn", "lifecycle.risk.error.treatedOnFuture");
        }
        return new MigrationRisk(systemId, risk, likelihood, impact, treatment, ownerOrg, by, at, version + 1, on, by);
    }

    /**
     * The risk's level: high when one rating is high and the other at least medium, low when both are low or one is low
     * and the other medium, medium otherwise; null while unassessed.
     */
    public Rating level() {
        if (!assessed()) {
            return null;
        }
        int sum = likelihood.ordinal() + impact.ordinal();
        return sum >= 3 ? Rating.HIGH : sum <= 1 ? Rating.LOW : Rating.MEDIUM;
    }

    /**
     * Both ratings are given; a risk whose level is high has a treatment and an owner, and the owner is an organisation
     * of the system.
     */
    public static void check(
            FieldErrors errors,
            Rating likelihood,
            Rating impact,
            String treatment,
            UUID ownerOrg,
            Set<UUID> organisationsOfSystem) {
        if (likelihood == null) {
            errors.add("likelihood", "lifecycle.risk.error.rating");
        }
        if (impact == null) {
            errors.add("impact", "lifecycle.risk.error.rating");
        }
        MigrationStep.checkOwner(errors, "ownerOrg", ownerOrg, organisationsOfSystem);
        MigrationRisk probe = new MigrationRisk(null, null, likelihood, impact, treatment, ownerOrg, null, null, 0);
        if (probe.level() == Rating.HIGH) {
            if (treatment == null) {
                errors.add("treatment", "lifecycle.risk.error.treatmentRequired");
            }
            if (ownerOrg == null) {
                errors.add("ownerOrg", "lifecycle.risk.error.ownerRequired");
            }
        }
    }
}
