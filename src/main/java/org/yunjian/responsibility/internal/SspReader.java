package org.yunjian.responsibility.internal;

import static org.yunjian.responsibility.internal.SspWriter.ACCOUNTABLE_PARTY;
import static org.yunjian.responsibility.internal.SspWriter.ACCOUNTABLE_ROLE;
import static org.yunjian.responsibility.internal.SspWriter.AGREEMENT;
import static org.yunjian.responsibility.internal.SspWriter.AGREEMENT_CLAUSE;
import static org.yunjian.responsibility.internal.SspWriter.AGREEMENT_PARTY;
import static org.yunjian.responsibility.internal.SspWriter.DELEGATED_TO;
import static org.yunjian.responsibility.internal.SspWriter.HOP_GROUP;
import static org.yunjian.responsibility.internal.SspWriter.NS;
import static org.yunjian.responsibility.internal.SspWriter.ROLE_PREFIX;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.yunjian.catalog.RequirementId;
import org.yunjian.party.PartyRole;
import org.yunjian.responsibility.Accountable;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.internal.MatrixDocument.StoredAssignment;
import org.yunjian.responsibility.internal.MatrixDocument.StoredHop;
import org.yunjian.responsibility.internal.SspTree.Node;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;

/**
 * Reads the rows of a schema-valid SSP back into a system's matrix, checking what the schema cannot: every
 * {@code control-id} is a duty of T/CCIA 004-2024 §6–§9 that applies to the system, every organisation is a
 * participant of the system and holds the T/CCIA roles the SSP gives it, every hop cites an agreement recorded
 * for the system, and the rows pass the checks of an edit ({@link EditInputs}). Each problem is keyed by the path
 * of the offending place; nothing is returned unless everything reads.
 */
final class SspReader {

    private final ResponsibilityMatrix m;
    private final EditInputs inputs;
    private final FieldErrors errors = new FieldErrors();
    /** The names the SSP gives its parties, to name an organisation the system does not know. */
    private final Map<String, String> partyNames = new LinkedHashMap<>();

    private SspReader(ResponsibilityMatrix m, EditInputs inputs) {
        this.m = m;
        this.inputs = inputs;
    }

    /**
     * The new assignments of every duty the SSP lists, in its order.
     *
     * @throws FieldErrors.ValidationException naming the path of every problem
     */
    static Map<RequirementId, List<Assignment>> rows(Node ssp, ResponsibilityMatrix m, EditInputs inputs) {
        SspReader r = new SspReader(m, inputs);
        r.metadata(ssp.first("metadata").orElseThrow());
        r.agreements(ssp.first("back-matter"));
        Map<RequirementId, List<Assignment>> rows = r.controls(ssp.first("control-implementation").orElseThrow());
        r.errors.throwIfAny();
        return rows;
    }

    /** Parties holding T/CCIA roles must be participants holding them on this system. */
    private void metadata(Node md) {
        md.all("party").forEach(p -> partyNames.put(p.flags.get("uuid"), p.text("name")));
        for (Node rp : md.all("responsible-party")) {
            String roleId = rp.flags.get("role-id");
            if (!roleId.startsWith(ROLE_PREFIX)) {
                continue;
            }
            Optional<PartyRole> role = role(roleId.substring(ROLE_PREFIX.length()));
            if (role.isEmpty()) {
                errors.add(rp.flagPath("role-id"), "responsibility.ssp.error.unknownRole", roleId);
                continue;
            }
            for (Node party : rp.all("party-uuid")) {
                UUID org = participant(party.path, party.value);
                if (org != null && !m.participant(org).orElseThrow().holds(role.get())) {
                    errors.add(party.path, "responsibility.ssp.error.roleNotHeld", name(org), Msg.of(role.get()));
                }
            }
        }
    }

    /** Agreements listed in the back matter must be recorded for the system, between the same organisations. */
    private void agreements(Optional<Node> backMatter) {
        for (Node res : backMatter.map(b -> b.all("resource")).orElse(List.of())) {
            List<Node> parties = props(res, AGREEMENT_PARTY);
            if (parties.isEmpty()) {
                continue;
            }
            String name = res.text("title");
            var recorded = m.agreement(name == null ? "" : name.strip());
            if (recorded.isEmpty()) {
                errors.add(res.first("title").map(t -> t.path).orElse(res.path),
                        "responsibility.ssp.error.agreementNotRecorded", name);
                continue;
            }
            for (Node p : parties) {
                UUID org = participant(p.flagPath("value"), p.flags.get("value"));
                if (org != null && !recorded.get().binds(org)) {
                    errors.add(p.flagPath("value"), "responsibility.ssp.error.notAgreementParty", name(org), name);
                }
            }
        }
    }

    private Map<RequirementId, List<Assignment>> controls(Node ci) {
        Map<RequirementId, List<Assignment>> out = new LinkedHashMap<>();
        for (Node ir : ci.all("implemented-requirement")) {
            String controlId = ir.flags.get("control-id");
            String at = ir.flagPath("control-id");
            Optional<MatrixRow> row = duty(controlId);
            if (row.isEmpty()) {
                errors.add(at, "responsibility.ssp.error.unknownDuty", controlId);
                continue;
            }
            if (!row.get().applicable()) {
                errors.add(at, "responsibility.ssp.error.notApplicable", controlId, row.get().notApplicable());
                continue;
            }
            if (out.containsKey(row.get().duty().id())) {
                errors.add(at, "responsibility.ssp.error.dutyTwice", controlId);
                continue;
            }
            List<StoredAssignment> stored = new ArrayList<>();
            for (Node bc : ir.all("by-component")) {
                StoredAssignment a = assignment(bc);
                if (a != null) {
                    stored.add(a);
                }
            }
            int before = errors.size();
            Set<Accountable> seen = new HashSet<>();
            for (int i = 0; i < stored.size(); i++) {
                if (!seen.add(new Accountable(stored.get(i).organisation(), stored.get(i).role()))) {
                    errors.add(ir.all("by-component").get(i).path, "responsibility.error.duplicateAccountable");
                }
            }
            if (errors.size() == before && stored.size() == ir.all("by-component").size()) {
                try {
                    out.put(row.get().duty().id(), inputs.assignments(m, stored));
                } catch (FieldErrors.ValidationException e) {
                    e.messages().forEach((field, message) -> errors.add(ir.path, Msg.of(
                            "responsibility.ssp.error.row", controlId, message)));
                }
            }
        }
        return out;
    }

    /** One accountable party: organisation and role, then the hops {@code hop-1}, {@code hop-2}, … in order. */
    private StoredAssignment assignment(Node bc) {
        int before = errors.size();
        List<Node> party = props(bc, ACCOUNTABLE_PARTY);
        List<Node> role = props(bc, ACCOUNTABLE_ROLE);
        if (party.size() != 1 || role.size() != 1) {
            errors.add(bc.path, "responsibility.ssp.error.accountableProps", NS);
            return null;
        }
        UUID org = participant(party.get(0).flagPath("value"), party.get(0).flags.get("value"));
        Optional<PartyRole> r = role(role.get(0).flags.get("value"));
        if (r.isEmpty()) {
            errors.add(role.get(0).flagPath("value"), "responsibility.ssp.error.unknownRole", role.get(0).flags.get("value"));
        }
        Map<Integer, List<Node>> hops = new TreeMap<>();
        for (Node p : bc.all("prop")) {
            String group = p.flags.get("group");
            if (NS.equals(p.flags.get("ns")) && group != null && group.matches(HOP_GROUP + "[1-9][0-9]{0,2}")) {
                hops.computeIfAbsent(Integer.parseInt(group.substring(HOP_GROUP.length())), k -> new ArrayList<>()).add(p);
            }
        }
        List<StoredHop> chain = new ArrayList<>();
        int expected = 1;
        for (Map.Entry<Integer, List<Node>> hop : hops.entrySet()) {
            Node first = hop.getValue().get(0);
            if (hop.getKey() != expected++) {
                errors.add(first.flagPath("group"), "responsibility.ssp.error.hopMissing", HOP_GROUP + (expected - 1));
                break;
            }
            String to = value(hop.getValue(), DELEGATED_TO);
            String agreement = value(hop.getValue(), AGREEMENT);
            String clause = value(hop.getValue(), AGREEMENT_CLAUSE);
            if (to == null) {
                errors.add(first.flagPath("group"), "responsibility.ssp.error.hopWithoutReceiver", DELEGATED_TO);
                continue;
            }
            UUID receiver = participant(path(hop.getValue(), DELEGATED_TO), to);
            if (agreement != null && m.agreement(agreement).isEmpty()) {
                errors.add(path(hop.getValue(), AGREEMENT), "responsibility.ssp.error.agreementNotRecorded", agreement);
            }
            chain.add(new StoredHop(null, receiver, agreement, clause));
        }
        return errors.size() == before && org != null && r.isPresent() ? new StoredAssignment(org, r.get(), chain) : null;
    }

    private Optional<MatrixRow> duty(String controlId) {
        try {
            return m.row(RequirementId.of(controlId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The participant of this system with the organisation id {@code value}; null (and a problem) otherwise. */
    private UUID participant(String path, String value) {
        UUID org;
        try {
            org = UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            org = null;
        }
        if (org == null || m.participant(org).isEmpty()) {
            String name = partyNames.get(value);
            errors.add(path, name == null ? Msg.of("responsibility.ssp.error.notParticipant", value)
                    : Msg.of("responsibility.ssp.error.notParticipantNamed", name, value));
            return null;
        }
        return org;
    }

    private String name(UUID org) {
        return m.participant(org).map(p -> p.name()).orElse(org.toString());
    }

    private static Optional<PartyRole> role(String token) {
        for (PartyRole r : PartyRole.values()) {
            if (SspWriter.tccia(r) && SspWriter.token(r).equals(token)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static List<Node> props(Node n, String name) {
        return n.all("prop").stream().filter(p -> NS.equals(p.flags.get("ns")) && name.equals(p.flags.get("name"))
                && p.flags.get("group") == null).toList();
    }

    private static String value(List<Node> props, String name) {
        return props.stream().filter(p -> name.equals(p.flags.get("name"))).map(p -> p.flags.get("value")).findFirst()
                .orElse(null);
    }

    private static String path(List<Node> props, String name) {
        return props.stream().filter(p -> name.equals(p.flags.get("name"))).map(p -> p.flagPath("value")).findFirst()
                .orElse(null);
    }
}
