package org.yunjian.responsibility.internal.liability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.yunjian.catalog.PartyRole;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.Behaviour;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.VersionStatus;
import org.yunjian.shared.Msg;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Annex B liability analysis of one incident on one system, as shown and as stored with a recorded incident
 * (schema {@value #SCHEMA}, docs/modules/responsibility.md): the matrix version it was made on (none: the system has
 * no matrix yet, only the standard's answer), each liable role with the organisations holding it on the system and
 * their contacts, and the matrix rows of the related clause with their accountable and implementing parties.
 * Organisation and people names are kept as they were, so a recorded analysis reads the same after the matrix, an
 * organisation or an account changes. Duty and incident texts are the catalog's, read again when shown.
 */
public record LiabilityAnalysis(
        int schema,
        String incident,
        Integer matrixVersion,
        VersionStatus matrixStatus,
        List<LiableRole> liable,
        List<AnalysedRow> rows) {

    public static final int SCHEMA = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An organisation holding a liable role, with the people to contact there (display names). */
    public record Holder(UUID organisation, String name, List<String> contacts) {
        public Holder {
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
        }
    }

    /**
     * A liable role per the standard and who on the system is liable in it (empty: nobody).
     *
     * @param doing the Annex A behaviour the breached duty is about, where a holder of the role on the system does not
     *              do it and is therefore not named (B.1 6: a server manufacturer for machine-room delivery); else null
     *              (also in an analysis recorded before issue 59)
     */
    public record LiableRole(PartyRole role, List<Holder> holders, Behaviour doing) {
        public LiableRole {
            holders = holders == null ? List.of() : List.copyOf(holders);
        }

        public LiableRole(PartyRole role, List<Holder> holders) {
            this(role, holders, null);
        }

        /**
         * Why no organisation is named, for a reader: nobody holds the role, no holder does what the duty is about, or
         * the system has no matrix yet.
         */
        public Msg nobody(boolean onMatrix) {
            if (!onMatrix) {
                return Msg.of("responsibility.liability.noMatrixShort");
            }
            return doing == null
                    ? Msg.of("responsibility.liability.nobody")
                    : Msg.of("responsibility.liability.nobodyDoing", Msg.of(doing));
        }

        /** The note that holders not doing what the duty is about are left out, or null. */
        public Msg onlyDoing() {
            return doing == null || holders.isEmpty()
                    ? null
                    : Msg.of("responsibility.liability.onlyDoing", Msg.of(doing));
        }
    }

    /** One accountable party of a row and the organisation implementing its part. */
    public record RowParty(
            UUID accountable,
            String accountableName,
            PartyRole role,
            UUID implementer,
            String implementerName,
            int depth) {}

    /** A matrix row involved: the duty (catalog id) and its parties. */
    public record AnalysedRow(String duty, String clause, List<RowParty> parties) {
        public AnalysedRow {
            parties = parties == null ? List.of() : List.copyOf(parties);
        }
    }

    public LiabilityAnalysis {
        liable = liable == null ? List.of() : List.copyOf(liable);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /**
     * The analysis on a system's matrix version.
     *
     * @param contacts the contacts of an organisation (display names)
     */
    static LiabilityAnalysis of(
            Liability.Analysis a,
            ResponsibilityMatrix m,
            int version,
            VersionStatus status,
            Function<UUID, List<String>> contacts) {
        List<LiableRole> liable = new ArrayList<>();
        for (Map.Entry<PartyRole, List<Participant>> e : a.liable().entrySet()) {
            liable.add(new LiableRole(
                    e.getKey(),
                    e.getValue().stream()
                            .map(p -> new Holder(p.organisation(), p.name(), contacts.apply(p.organisation())))
                            .toList(),
                    a.doing().get(e.getKey())));
        }
        List<AnalysedRow> rows = new ArrayList<>();
        for (MatrixRow r : a.rows()) {
            List<RowParty> parties = new ArrayList<>();
            for (Assignment as : r.assignments()) {
                UUID acc = as.accountable().organisation();
                parties.add(new RowParty(
                        acc,
                        name(m, acc),
                        as.accountable().role(),
                        as.implementer(),
                        name(m, as.implementer()),
                        as.depth()));
            }
            rows.add(new AnalysedRow(r.duty().id().value(), r.duty().clause(), parties));
        }
        return new LiabilityAnalysis(SCHEMA, a.incident().id().value(), version, status, liable, rows);
    }

    /** The standard's answer only: the system has no matrix yet, so no organisation and no row is named. */
    static LiabilityAnalysis withoutMatrix(Liability.Incident i) {
        return new LiabilityAnalysis(
                SCHEMA,
                i.id().value(),
                null,
                null,
                i.liableRolesInOrder().stream()
                        .map(r -> new LiableRole(r, List.of()))
                        .toList(),
                List.of());
    }

    private static String name(ResponsibilityMatrix m, UUID org) {
        return m.participant(org).map(Participant::name).orElse("—");
    }

    /** Whether the analysis was made on a matrix (false: the system had none). */
    public boolean onMatrix() {
        return matrixVersion != null;
    }

    /** Whether {@code organisation} is named: holding a liable role, accountable for or implementing a row. */
    public boolean names(UUID organisation) {
        return organisation != null
                && (liable.stream()
                                .flatMap(l -> l.holders().stream())
                                .anyMatch(h -> organisation.equals(h.organisation()))
                        || rows.stream()
                                .flatMap(r -> r.parties().stream())
                                .anyMatch(p ->
                                        organisation.equals(p.accountable()) || organisation.equals(p.implementer())));
    }

    String json() {
        return JSON.writeValueAsString(this);
    }

    static LiabilityAnalysis read(String json) {
        LiabilityAnalysis d = JSON.readValue(json, LiabilityAnalysis.class);
        if (d.schema() != SCHEMA) {
            throw new IllegalStateException("schema " + d.schema());
        }
        return d;
    }
}
