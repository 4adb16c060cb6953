package org.yunjian.responsibility.internal.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Standard;
import org.yunjian.responsibility.Agreement;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.Hop;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.RuleException;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.responsibility.internal.MatrixDocument;
import org.yunjian.responsibility.internal.exchange.SspTree.Node;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.Uuids;

/**
 * One matrix version as an OSCAL 1.1.3 system security plan, for the provider's or the customer's side
 * (docs/modules/responsibility.md, "OSCAL SSP exchange"). Every applicable duty is an implemented requirement
 * whose {@code control-id} is the duty's catalog id (the control id of the catalog's own OSCAL export); every
 * accountable party of it is one by-component carrying the accountable organisation, its T/CCIA role and the
 * delegation hops (with their hand-over days) as properties in {@link #NS}, naming that party's own component (so no
 * component is named twice in a duty, as OSCAL's constraints ask); a duty nobody is named for yet has one by-component
 * of this system marked {@link #UNALLOCATED}. In the provider's plan a customer's responsibility refers to what the
 * platform provides for the duty. The back matter lists the agreements with what §5 asks them to state and the
 * approved exceptions to the "原则上" rules, as resources with properties in {@link #NS} and a link to the matrix that
 * records them. The document passes NIST's Metaschema constraints ({@code OscalConstraintValidationTests}).
 * Identifiers are name-based UUIDs of the system and the duty, so
 * the same matrix gives the same document; only {@code last-modified} (the version's creation time) differs
 * between versions with the same content.
 */
final class SspWriter {

    /** The namespace of Yunjian's T/CCIA properties. */
    static final String NS = "https://yunjian.org/ns/oscal/tccia";

    static final String OSCAL_VERSION = "1.1.3";
    static final String RFC4122 = "https://ietf.org/rfc/rfc4122";
    static final String ACCOUNTABLE_PARTY = "accountable-party";
    static final String ACCOUNTABLE_ROLE = "accountable-role";
    static final String DELEGATED_TO = "delegated-to";
    static final String AGREEMENT = "agreement";
    static final String AGREEMENT_CLAUSE = "agreement-clause";
    static final String AGREEMENT_PARTY = "agreement-party";
    /** A hop's hand-over day and an agreement's §5 contents (T/CCIA 004-2024 5 a) 3), b) 2), c); JR/T 7.3, 7.4.3). */
    static final String HANDED_OVER_ON = "handed-over-on";

    static final String SIGNED_ON = "signed-on";
    static final String SUPERVISION_CLAUSE = "supervision-clause";
    static final String ACCOUNTABILITY_CLAUSE = "accountability-clause";
    static final String CUSTOMER_CONSENT_ON = "customer-consent-on";
    /** An approved exception to a "原则上" rule of §5: the check, organisation, duty, approver and time. */
    static final String EXCEPTION_CHECK = "exception-check";

    static final String EXCEPTION_ORGANISATION = "exception-organisation";
    static final String EXCEPTION_DUTY = "exception-duty";
    static final String APPROVED_BY = "approved-by";
    static final String APPROVED_AT = "approved-at";
    static final String TCCIA_ROLE = "tccia-role";
    /** On the by-component of a duty no party has been named for yet (it carries no accountable party). */
    static final String UNALLOCATED = "unallocated";

    static final String HOP_GROUP = "hop-";
    static final String ROLE_PREFIX = "tccia-";
    private static final UUID UUID_NS = Uuids.v5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), NS);

    private final ResponsibilityMatrix m;
    private final SignOffSide side;
    private final String systemName;
    private final Standard standard;
    private final String digest;
    private final Instant lastModified;
    private final Instant matrixCreated;
    /** Components a party answers through in a second role of one duty, made while writing the duties. */
    private final Map<UUID, Node> extraComponents = new LinkedHashMap<>();

    private SspWriter(MatrixView v, SignOffSide side, Standard standard) {
        this.m = v.matrix();
        this.side = side;
        this.systemName = v.access().system().name().strip();
        this.standard = standard;
        this.digest = digest(MatrixDocument.of(
                        m,
                        v.document().participantsByOrganisation(),
                        v.document().clausesByAgreement())
                .json());
        this.lastModified = v.version().createdAt();
        this.matrixCreated = v.info().createdAt();
    }

    /** The SSP of {@code v} for {@code side}, texts in the current language. */
    static Node ssp(MatrixView v, SignOffSide side, Standard standard) {
        return new SspWriter(v, side, standard).build();
    }

    /** The T/CCIA roles (customer, provider, the four partners), which are OSCAL roles here. */
    static boolean tccia(PartyRole r) {
        return r == PartyRole.CUSTOMER || r == PartyRole.PROVIDER || r.name().startsWith("PARTNER_");
    }

    /** {@code PARTNER_OM_SERVICE} → {@code partner-om-service}. */
    static String token(PartyRole r) {
        return r.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String roleId(PartyRole r) {
        return ROLE_PREFIX + token(r);
    }

    private Node build() {
        Node ssp = Node.of("system-security-plan").flag("uuid", uuid("ssp/" + side));
        ssp.add(metadata());
        ssp.child("import-profile").flag("href", "#" + uuid("catalog"));
        ssp.add(characteristics());
        Node controls = controls();
        ssp.add(implementation());
        ssp.add(controls);
        ssp.add(backMatter());
        return ssp;
    }

    private Node metadata() {
        Node md = Node.of("metadata")
                .field(
                        "title",
                        line(Msg.of("responsibility.ssp.title", systemName, Msg.of(side))
                                .text()))
                .field(
                        "last-modified",
                        DateTimeFormatter.ISO_INSTANT.format(lastModified.truncatedTo(ChronoUnit.SECONDS)))
                .field("version", digest)
                .field("oscal-version", OSCAL_VERSION);
        md.add(prop(NS, "standard", standard.code()));
        md.add(prop(NS, "side", side.name().toLowerCase(Locale.ROOT)));
        for (PartyRole r : rolesHeld()) {
            md.child("role")
                    .flag("id", roleId(r))
                    .field("title", Msg.of(r).text())
                    .add(prop(NS, TCCIA_ROLE, token(r)));
        }
        for (Participant p : m.participants()) {
            md.child("party")
                    .flag("uuid", p.organisation())
                    .flag("type", "organization")
                    .field("name", line(p.name()));
        }
        for (PartyRole r : rolesHeld()) {
            Node rp = md.child("responsible-party").flag("role-id", roleId(r));
            m.holders(r).forEach(p -> rp.field("party-uuid", p.organisation()));
        }
        return md;
    }

    private List<PartyRole> rolesHeld() {
        List<PartyRole> out = new ArrayList<>();
        for (PartyRole r : PartyRole.values()) {
            if (tccia(r) && !m.holders(r).isEmpty()) {
                out.add(r);
            }
        }
        return out;
    }

    private Node characteristics() {
        Node sc = Node.of("system-characteristics");
        sc.child("system-id").flag("identifier-type", RFC4122).value =
                m.systemId().toString();
        sc.field("system-name", line(systemName));
        sc.field(
                "description",
                Msg.of("responsibility.ssp.description", systemName).text());
        Node info = sc.child("system-information").child("information-type").flag("uuid", uuid("information-type"));
        info.field("title", Msg.of("responsibility.ssp.informationType.title").text());
        info.field(
                "description",
                Msg.of("responsibility.ssp.informationType.description").text());
        sc.child("status")
                .flag("state", "other")
                .field("remarks", Msg.of("responsibility.ssp.status").text());
        sc.child("authorization-boundary")
                .field(
                        "description",
                        Msg.of("responsibility.ssp.boundary", systemName).text());
        return sc;
    }

    private Node implementation() {
        Node si = Node.of("system-implementation");
        Participant provider = provider();
        if (side == SignOffSide.CUSTOMER && provider != null) {
            si.child("leveraged-authorization")
                    .flag("uuid", uuid("leveraged-authorization/" + provider.organisation()))
                    .field(
                            "title",
                            line(Msg.of("responsibility.ssp.leveraged", provider.name())
                                    .text()))
                    .field("party-uuid", provider.organisation())
                    .field("date-authorized", Formats.date(matrixCreated))
                    .field(
                            "remarks",
                            Msg.of("responsibility.ssp.leveraged.remarks").text());
        }
        for (PartyRole r : rolesHeld()) {
            si.child("user")
                    .flag("uuid", uuid("user/" + token(r)))
                    .field("title", Msg.of(r).text())
                    .field("role-id", roleId(r));
        }
        si.add(component(
                thisSystem(),
                "this-system",
                line(systemName),
                Msg.of("responsibility.ssp.thisSystem", systemName, Msg.of(side))
                        .text()));
        if (side == SignOffSide.CUSTOMER && provider != null) {
            Node c = component(
                    leveraged(provider),
                    "system",
                    line(Msg.of("responsibility.ssp.leveraged", provider.name()).text()),
                    Msg.of("responsibility.ssp.leveraged.description", provider.name())
                            .text());
            c.children.add(
                    2,
                    prop(
                            null,
                            "leveraged-authorization-uuid",
                            uuid("leveraged-authorization/" + provider.organisation())
                                    .toString()));
            si.add(c);
            // each other party on the platform's side its own component, so that every party of a duty names its own
            // component (OSCAL: a component once per implemented requirement)
            for (Participant p : m.participants()) {
                if (!onThisSide(p) && !p.organisation().equals(provider.organisation())) {
                    Node pc = component(
                            leveraged(p),
                            "service",
                            line(p.name()),
                            Msg.of("responsibility.ssp.leveraged.party", p.name(), provider.name(), roles(p))
                                    .text());
                    pc.children.add(
                            2,
                            prop(
                                    null,
                                    "leveraged-authorization-uuid",
                                    uuid("leveraged-authorization/" + provider.organisation())
                                            .toString()));
                    pc.children.add(
                            3, prop(NS, ACCOUNTABLE_PARTY, p.organisation().toString()));
                    si.add(pc);
                }
            }
        }
        for (Participant p : m.participants()) {
            if (onThisSide(p)) {
                Node c = component(
                        componentOf(p.organisation()),
                        "service",
                        line(p.name()),
                        p.roles().isEmpty()
                                ? Msg.of("responsibility.ssp.component.agent", p.name())
                                        .text()
                                : Msg.of("responsibility.ssp.component", p.name(), roles(p))
                                        .text());
                c.children.add(2, prop(NS, ACCOUNTABLE_PARTY, p.organisation().toString()));
                for (PartyRole r : PartyRole.values()) {
                    if (tccia(r) && p.holds(r)) {
                        c.child("responsible-role").flag("role-id", roleId(r)).field("party-uuid", p.organisation());
                    }
                }
                si.add(c);
            }
        }
        si.children.addAll(extraComponents.values());
        return si;
    }

    private static Msg roles(Participant p) {
        return Msg.joined(p.roles().stream().sorted().map(Msg::of).toList());
    }

    private static Node component(UUID uuid, String type, String title, String description) {
        Node c = Node.of("component")
                .flag("uuid", uuid)
                .flag("type", type)
                .field("title", title)
                .field("description", description);
        c.child("status").flag("state", "other");
        return c;
    }

    private Participant provider() {
        List<Participant> providers = m.holders(PartyRole.PROVIDER);
        return providers.isEmpty() ? null : providers.get(0);
    }

    /** Provider side: the organisations holding a provider or partner role; customer side: the others. */
    private boolean onThisSide(Participant p) {
        boolean providerSide = p.roles().stream().anyMatch(r -> r != PartyRole.CUSTOMER && tccia(r));
        return side == SignOffSide.PROVIDER ? providerSide : !providerSide;
    }

    private Node controls() {
        Node ci = Node.of("control-implementation")
                .field("description", Msg.of("responsibility.ssp.controls").text());
        for (MatrixRow row : m.rows()) {
            if (!row.applicable()) {
                continue;
            }
            String duty = row.duty().id().value();
            Node ir = ci.child("implemented-requirement")
                    .flag("uuid", uuid(side + "/" + duty))
                    .flag("control-id", duty);
            ir.add(prop(NS, "clause", row.duty().clause()));
            if (row.assignments().isEmpty()) {
                // OSCAL asks every implemented requirement for a by-component: this system's, saying nobody is named
                // yet
                Node bc = ir.child("by-component")
                        .flag("component-uuid", thisSystem())
                        .flag("uuid", uuid(duty + "/unallocated/" + side))
                        .field(
                                "description",
                                Msg.of("responsibility.ssp.unallocated").text());
                bc.add(prop(NS, UNALLOCATED, "true"));
                continue;
            }
            Set<UUID> used = new HashSet<>();
            // a customer's responsibility refers to what the platform provides for the duty: a provider-side party's
            // "provided" where the duty has one (OSCAL's responsibility → provided-uuid)
            String provided = row.assignments().stream()
                    .filter(a -> a.accountable().role() != PartyRole.CUSTOMER)
                    .findFirst()
                    .map(a -> uuid(key(duty, a) + "/provided").toString())
                    .orElse(null);
            for (Assignment a : row.assignments()) {
                ir.add(byComponent(duty, a, used, provided));
            }
        }
        return ci;
    }

    private static String key(String duty, Assignment a) {
        return duty + "/" + a.accountable().organisation() + "/"
                + token(a.accountable().role());
    }

    /**
     * The component a duty's party answers through: its own (a service component of this side, or on the customer
     * side a component of the platform's side it is inherited from); a customer in the provider's plan answers
     * through this system. Where that component already speaks for another party of the duty (one organisation in two
     * roles, two customers), the party's component in that role.
     */
    private UUID component(Assignment a, Set<UUID> used) {
        UUID org = a.accountable().organisation();
        Participant p = m.participant(org).orElse(null);
        UUID component;
        if (p != null && onThisSide(p)) {
            component = componentOf(org);
        } else if (p != null && side == SignOffSide.CUSTOMER && provider() != null) {
            component = leveraged(p);
        } else {
            component = thisSystem();
        }
        if (used.add(component)) {
            return component;
        }
        PartyRole role = a.accountable().role();
        UUID own = uuid("component/" + org + "/" + token(role));
        extraComponents.computeIfAbsent(own, u -> {
            Node c = component(
                    u,
                    "service",
                    line(Msg.of("responsibility.ssp.component.inRole", name(org), Msg.of(role))
                            .text()),
                    Msg.of("responsibility.ssp.component.inRole.description", name(org), Msg.of(role))
                            .text());
            c.children.add(2, prop(NS, ACCOUNTABLE_PARTY, org.toString()));
            c.children.add(3, prop(NS, ACCOUNTABLE_ROLE, token(role)));
            return c;
        });
        used.add(own);
        return own;
    }

    private Node byComponent(String duty, Assignment a, Set<UUID> used, String provided) {
        UUID org = a.accountable().organisation();
        PartyRole role = a.accountable().role();
        String key = key(duty, a);
        boolean customers = role == PartyRole.CUSTOMER;
        UUID component = component(a, used);
        Msg who = Msg.of("responsibility.ssp.byComponent", name(org), Msg.of(role), name(a.implementer()));
        Node bc = Node.of("by-component")
                .flag("component-uuid", component)
                .flag("uuid", uuid(key + "/" + side))
                .field("description", who.text());
        bc.add(prop(NS, ACCOUNTABLE_PARTY, org.toString()));
        bc.add(prop(NS, ACCOUNTABLE_ROLE, token(role)));
        for (int i = 0; i < a.chain().size(); i++) {
            Hop h = a.chain().get(i);
            String group = HOP_GROUP + (i + 1);
            bc.add(prop(NS, DELEGATED_TO, h.to().toString()).flag("group", group));
            if (h.agreement() != null) {
                bc.add(prop(NS, AGREEMENT, h.agreement()).flag("group", group));
            }
            if (h.clause() != null) {
                bc.add(prop(NS, AGREEMENT_CLAUSE, h.clause()).flag("group", group));
            }
            if (h.handedOverOn() != null) {
                bc.add(prop(NS, HANDED_OVER_ON, h.handedOverOn().toString()).flag("group", group));
            }
        }
        Msg text = Msg.of(
                customers ? "responsibility.ssp.responsibility" : "responsibility.ssp.provided",
                name(org),
                Msg.of(role),
                name(a.implementer()));
        if (side == SignOffSide.PROVIDER) {
            Node export = bc.child("export");
            String providedUuid = provided;
            if (customers && provided == null) {
                // a duty the customers answer for alone: the platform provides the service they carry it out on
                providedUuid = uuid(key + "/provided").toString();
                export.child("provided")
                        .flag("uuid", providedUuid)
                        .field(
                                "description",
                                Msg.of("responsibility.ssp.providedFor", name(org), Msg.of(role))
                                        .text());
            }
            export.child(customers ? "responsibility" : "provided")
                    .flag("uuid", uuid(key + (customers ? "/responsibility" : "/provided")))
                    .flag("provided-uuid", customers ? providedUuid : null)
                    .field("description", text.text());
        } else if (customers) {
            bc.child("satisfied")
                    .flag("uuid", uuid(key + "/satisfied"))
                    .flag("responsibility-uuid", uuid(key + "/responsibility"))
                    .field("description", text.text());
        } else {
            bc.child("inherited")
                    .flag("uuid", uuid(key + "/inherited"))
                    .flag("provided-uuid", uuid(key + "/provided"))
                    .field("description", text.text());
        }
        return bc;
    }

    private Node backMatter() {
        Node bm = Node.of("back-matter");
        Node catalog = bm.child("resource")
                .flag("uuid", uuid("catalog"))
                .field(
                        "title",
                        line("zh".equals(Texts.locale().getLanguage()) ? standard.title() : standard.titleEn()));
        catalog.child("rlink")
                .flag("href", "/api/catalog/standards/" + standard.code() + "/oscal?format=json")
                .flag("media-type", "application/oscal.catalog+json");
        for (Agreement a : m.agreements()) {
            Node r = bm.child("resource")
                    .flag("uuid", uuid("agreement/" + a.name()))
                    .field("title", line(a.name()));
            r.add(prop(NS, AGREEMENT_PARTY, a.partyA().toString()));
            r.add(prop(NS, AGREEMENT_PARTY, a.partyB().toString()));
            optional(r, SIGNED_ON, a.signedOn());
            optional(r, SUPERVISION_CLAUSE, a.supervisionClause());
            optional(r, ACCOUNTABILITY_CLAUSE, a.accountabilityClause());
            optional(r, CUSTOMER_CONSENT_ON, a.customerConsentOn());
            r.add(matrixLink());
        }
        for (RuleException e : m.exceptions()) {
            String key = "exception/" + e.check() + "/" + e.organisation() + "/"
                    + e.dutyId().map(d -> d.value()).orElse("") + "/" + e.approvedAt();
            Node r = bm.child("resource")
                    .flag("uuid", uuid(key))
                    .field(
                            "title",
                            line(Msg.of("responsibility.ssp.exception", Msg.of(e.check()), name(e.organisation()))
                                    .text()))
                    .field("description", e.reason());
            r.add(prop(NS, EXCEPTION_CHECK, e.check().name()));
            r.add(prop(NS, EXCEPTION_ORGANISATION, e.organisation().toString()));
            e.dutyId().ifPresent(d -> r.add(prop(NS, EXCEPTION_DUTY, d.value())));
            r.add(prop(NS, APPROVED_BY, e.approvedBy()));
            r.add(prop(NS, APPROVED_AT, DateTimeFormatter.ISO_INSTANT.format(e.approvedAt())));
            r.add(matrixLink());
        }
        return bm;
    }

    /**
     * Where Yunjian keeps what an agreement or exception resource states: the system's responsibility matrix, on the
     * server that wrote this plan (OSCAL asks a resource for an rlink or base64). Not a version's address, so that the
     * same content gives the same document in every version.
     */
    private Node matrixLink() {
        return Node.of("rlink")
                .flag("href", "/api/systems/" + m.systemId() + "/responsibility")
                .flag("media-type", "application/json");
    }

    private String name(UUID org) {
        return m.participant(org).map(Participant::name).orElse(org.toString());
    }

    private UUID thisSystem() {
        return uuid("component/this-system/" + side);
    }

    /** The component of a party of the platform's side in the customer's plan (the provider's: the platform). */
    private UUID leveraged(Participant party) {
        return uuid("component/leveraged/" + party.organisation());
    }

    private UUID componentOf(UUID org) {
        return uuid("component/" + org);
    }

    private UUID uuid(String name) {
        return Uuids.v5(UUID_NS, m.systemId() + "/" + name);
    }

    private static void optional(Node resource, String name, Object value) {
        if (value != null) {
            resource.add(prop(NS, name, value.toString()));
        }
    }

    static Node prop(String ns, String name, String value) {
        return Node.of("prop").flag("name", name).flag("ns", ns).flag("value", line(value));
    }

    /** A one-line text as OSCAL strings want it: no line breaks, no surrounding blanks. */
    static String line(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").strip();
    }

    private static String digest(String json) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
