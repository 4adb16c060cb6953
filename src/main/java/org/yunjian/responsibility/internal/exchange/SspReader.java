package org.yunjian.responsibility.internal.exchange;

import static org.yunjian.responsibility.internal.exchange.SspWriter.ACCOUNTABILITY_CLAUSE;
import static org.yunjian.responsibility.internal.exchange.SspWriter.ACCOUNTABLE_PARTY;
import static org.yunjian.responsibility.internal.exchange.SspWriter.ACCOUNTABLE_ROLE;
import static org.yunjian.responsibility.internal.exchange.SspWriter.AGREEMENT;
import static org.yunjian.responsibility.internal.exchange.SspWriter.AGREEMENT_CLAUSE;
import static org.yunjian.responsibility.internal.exchange.SspWriter.AGREEMENT_PARTY;
import static org.yunjian.responsibility.internal.exchange.SspWriter.APPROVED_AT;
import static org.yunjian.responsibility.internal.exchange.SspWriter.APPROVED_BY;
import static org.yunjian.responsibility.internal.exchange.SspWriter.CUSTOMER_CONSENT_ON;
import static org.yunjian.responsibility.internal.exchange.SspWriter.DELEGATED_TO;
import static org.yunjian.responsibility.internal.exchange.SspWriter.EXCEPTION_CHECK;
import static org.yunjian.responsibility.internal.exchange.SspWriter.EXCEPTION_DUTY;
import static org.yunjian.responsibility.internal.exchange.SspWriter.EXCEPTION_ORGANISATION;
import static org.yunjian.responsibility.internal.exchange.SspWriter.HANDED_OVER_ON;
import static org.yunjian.responsibility.internal.exchange.SspWriter.HOP_GROUP;
import static org.yunjian.responsibility.internal.exchange.SspWriter.NS;
import static org.yunjian.responsibility.internal.exchange.SspWriter.ROLE_PREFIX;
import static org.yunjian.responsibility.internal.exchange.SspWriter.SIGNED_ON;
import static org.yunjian.responsibility.internal.exchange.SspWriter.SUPERVISION_CLAUSE;
import static org.yunjian.responsibility.internal.exchange.SspWriter.UNALLOCATED;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;
import org.yunjian.responsibility.Accountable;
import org.yunjian.responsibility.Agreement;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.internal.EditInputs;
import org.yunjian.responsibility.internal.MatrixDocument.StoredAssignment;
import org.yunjian.responsibility.internal.MatrixDocument.StoredHop;
import org.yunjian.responsibility.internal.exchange.SspTree.Node;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;

/**
 * Reads the rows of a schema-valid SSP back into a system's matrix, checking what the schema cannot: every
 * {@code control-id} is a duty of T/CCIA 004-2024 §6–§9 that applies to the system, every organisation is a
 * participant of the system and holds the T/CCIA roles the SSP gives it, every hop cites an agreement recorded
 * for the system, and the rows pass the checks of an edit ({@link EditInputs}). What §5 asks an agreement to state
 * (signing date, supervision and accountability clauses, the client's consent) is read from the agreement's
 * resource — a property set replaces the recorded value, one left out keeps it — and each hop's hand-over day from
 * its hop group. Approved exceptions are the customer's act on the platform (who approved, when): an SSP may list
 * only exceptions recorded for the system, as recorded. Each problem is keyed by the path of the offending place;
 * nothing is returned unless everything reads.
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

    /** The agreements as the SSP states them, by name (those it lists). */
    private final Map<String, Agreement> agreements = new LinkedHashMap<>();

    /**
     * The new assignments of every duty the SSP lists, in its order, and the agreements it lists as it states them.
     *
     * @throws FieldErrors.ValidationException naming the path of every problem
     */
    static MatrixImports.Plan read(Node ssp, ResponsibilityMatrix m, EditInputs inputs) {
        SspReader r = new SspReader(m, inputs);
        r.metadata(ssp.first("metadata").orElseThrow());
        r.agreements(ssp.first("back-matter"));
        r.exceptions(ssp.first("back-matter"));
        Map<RequirementId, List<Assignment>> rows =
                r.controls(ssp.first("control-implementation").orElseThrow());
        r.errors.throwIfAny();
        return new MatrixImports.Plan(rows, List.copyOf(r.agreements.values()));
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
                errors.add(
                        res.first("title").map(t -> t.path).orElse(res.path),
                        "responsibility.ssp.error.agreementNotRecorded",
                        name);
                continue;
            }
            for (Node p : parties) {
                UUID org = participant(p.flagPath("value"), p.flags.get("value"));
                if (org != null && !recorded.get().binds(org)) {
                    errors.add(p.flagPath("value"), "responsibility.ssp.error.notAgreementParty", name(org), name);
                }
            }
            Agreement a = recorded.get();
            String supervision = props(res, SUPERVISION_CLAUSE).stream()
                    .map(x -> x.flags.get("value"))
                    .findFirst()
                    .orElse(a.supervisionClause());
            String accountability = props(res, ACCOUNTABILITY_CLAUSE).stream()
                    .map(x -> x.flags.get("value"))
                    .findFirst()
                    .orElse(a.accountabilityClause());
            for (String name0 : List.of(SUPERVISION_CLAUSE, ACCOUNTABILITY_CLAUSE)) {
                List<Node> given = props(res, name0);
                if (!given.isEmpty()) {
                    inputs.clause(
                            errors,
                            given.get(0).flagPath("value"),
                            given.get(0).flags.get("value"));
                }
            }
            agreements.put(
                    a.name(),
                    new Agreement(
                            a.name(),
                            a.partyA(),
                            a.partyB(),
                            day(props(res, SIGNED_ON), SIGNED_ON, a.signedOn()),
                            supervision,
                            accountability,
                            day(props(res, CUSTOMER_CONSENT_ON), CUSTOMER_CONSENT_ON, a.customerConsentOn())));
        }
    }

    /** Exceptions listed in the back matter must be recorded for the system, as recorded. */
    private void exceptions(Optional<Node> backMatter) {
        for (Node res : backMatter.map(b -> b.all("resource")).orElse(List.of())) {
            List<Node> check = props(res, EXCEPTION_CHECK);
            if (check.isEmpty()) {
                continue;
            }
            String c = check.get(0).flags.get("value");
            String org = value(props(res, EXCEPTION_ORGANISATION), EXCEPTION_ORGANISATION);
            String duty = value(props(res, EXCEPTION_DUTY), EXCEPTION_DUTY);
            String by = value(props(res, APPROVED_BY), APPROVED_BY);
            String at = value(props(res, APPROVED_AT), APPROVED_AT);
            String reason = res.text("description");
            boolean recorded = m.exceptions().stream()
                    .anyMatch(e -> e.check().name().equals(c)
                            && e.organisation().toString().equals(org)
                            && java.util.Objects.equals(
                                    e.dutyId().map(RequirementId::value).orElse(null), duty)
                            && e.approvedBy().equals(by)
                            && at != null
                            && instant(at).map(e.approvedAt()::equals).orElse(false)
                            && reason != null
                            && e.reason()
                                    .replaceAll("\\s+", " ")
                                    .equals(reason.replaceAll("\\s+", " ").strip()));
            if (!recorded) {
                errors.add(
                        res.flagPath("uuid"),
                        "responsibility.ssp.error.exceptionNotRecorded",
                        res.text("title") == null ? c : res.text("title"));
            }
        }
    }

    private static Optional<java.time.Instant> instant(String s) {
        try {
            return Optional.of(java.time.Instant.parse(s));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The day a property states ({@code recorded} where it is left out); a problem where it is no date. */
    private java.time.LocalDate day(List<Node> props, String name, java.time.LocalDate recorded) {
        if (props.isEmpty()) {
            return recorded;
        }
        String value = props.get(0).flags.get("value");
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(props.get(0).flagPath("value"), "responsibility.ssp.error.date", name, value);
            return recorded;
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
                errors.add(
                        at,
                        "responsibility.ssp.error.notApplicable",
                        controlId,
                        row.get().notApplicable());
                continue;
            }
            if (out.containsKey(row.get().duty().id())) {
                errors.add(at, "responsibility.ssp.error.dutyTwice", controlId);
                continue;
            }
            List<StoredAssignment> stored = new ArrayList<>();
            // a duty no party is named for is written with one by-component marked unallocated (no accountable party)
            List<Node> parties = ir.all("by-component").stream()
                    .filter(bc -> props(bc, UNALLOCATED).isEmpty())
                    .toList();
            for (Node bc : parties) {
                StoredAssignment a = assignment(bc);
                if (a != null) {
                    stored.add(a);
                }
            }
            int before = errors.size();
            Set<Accountable> seen = new HashSet<>();
            for (int i = 0; i < stored.size(); i++) {
                if (!seen.add(new Accountable(
                        stored.get(i).organisation(), stored.get(i).role()))) {
                    errors.add(parties.get(i).path, "responsibility.error.duplicateAccountable");
                }
            }
            if (errors.size() == before && stored.size() == parties.size()) {
                try {
                    out.put(row.get().duty().id(), inputs.assignments(m, stored));
                } catch (FieldErrors.ValidationException e) {
                    e.messages()
                            .forEach((field, message) ->
                                    errors.add(ir.path, Msg.of("responsibility.ssp.error.row", controlId, message)));
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
        UUID org =
                participant(party.get(0).flagPath("value"), party.get(0).flags.get("value"));
        Optional<PartyRole> r = role(role.get(0).flags.get("value"));
        if (r.isEmpty()) {
            errors.add(
                    role.get(0).flagPath("value"),
                    "responsibility.ssp.error.unknownRole",
                    role.get(0).flags.get("value"));
        }
        Map<Integer, List<Node>> hops = new TreeMap<>();
        for (Node p : bc.all("prop")) {
            String group = p.flags.get("group");
            if (NS.equals(p.flags.get("ns")) && group != null && group.matches(HOP_GROUP + "[1-9][0-9]{0,2}")) {
                hops.computeIfAbsent(Integer.parseInt(group.substring(HOP_GROUP.length())), k -> new ArrayList<>())
                        .add(p);
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
            String handedOver = value(hop.getValue(), HANDED_OVER_ON);
            if (to == null) {
                errors.add(first.flagPath("group"), "responsibility.ssp.error.hopWithoutReceiver", DELEGATED_TO);
                continue;
            }
            UUID receiver = participant(path(hop.getValue(), DELEGATED_TO), to);
            if (agreement != null && m.agreement(agreement).isEmpty()) {
                errors.add(path(hop.getValue(), AGREEMENT), "responsibility.ssp.error.agreementNotRecorded", agreement);
            }
            java.time.LocalDate day = null;
            if (handedOver != null) {
                try {
                    day = java.time.LocalDate.parse(handedOver);
                } catch (java.time.format.DateTimeParseException e) {
                    errors.add(
                            path(hop.getValue(), HANDED_OVER_ON),
                            "responsibility.ssp.error.date",
                            HANDED_OVER_ON,
                            handedOver);
                }
            }
            chain.add(new StoredHop(null, receiver, agreement, clause, day));
        }
        return errors.size() == before && org != null && r.isPresent()
                ? new StoredAssignment(org, r.get(), chain)
                : null;
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
            errors.add(
                    path,
                    name == null
                            ? Msg.of("responsibility.ssp.error.notParticipant", value)
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
        return n.all("prop").stream()
                .filter(p -> NS.equals(p.flags.get("ns"))
                        && name.equals(p.flags.get("name"))
                        && p.flags.get("group") == null)
                .toList();
    }

    private static String value(List<Node> props, String name) {
        return props.stream()
                .filter(p -> name.equals(p.flags.get("name")))
                .map(p -> p.flags.get("value"))
                .findFirst()
                .orElse(null);
    }

    private static String path(List<Node> props, String name) {
        return props.stream()
                .filter(p -> name.equals(p.flags.get("name")))
                .map(p -> p.flagPath("value"))
                .findFirst()
                .orElse(null);
    }
}
