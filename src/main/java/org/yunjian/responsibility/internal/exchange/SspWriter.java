package org.yunjian.responsibility.internal.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
 * delegation hops (with their hand-over days) as properties in {@link #NS}; the back matter lists the agreements
 * with what §5 asks them to state and the approved exceptions to the "原则上" rules, as resources with properties in
 * {@link #NS}. Identifiers are name-based UUIDs of the system and the duty, so
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
        ssp.add(implementation());
        ssp.add(controls());
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
                                : Msg.of(
                                                "responsibility.ssp.component",
                                                p.name(),
                                                Msg.joined(p.roles().stream()
                                                        .sorted()
                                                        .map(Msg::of)
                                                        .toList()))
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
        return si;
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
            for (Assignment a : row.assignments()) {
                ir.add(byComponent(duty, a));
            }
        }
        return ci;
    }

    private Node byComponent(String duty, Assignment a) {
        UUID org = a.accountable().organisation();
        PartyRole role = a.accountable().role();
        String key = duty + "/" + org + "/" + token(role);
        boolean customers = role == PartyRole.CUSTOMER;
        UUID component = side == SignOffSide.CUSTOMER && !customers && provider() != null
                ? leveraged(provider())
                : m.participant(a.implementer())
                        .filter(this::onThisSide)
                        .map(p -> componentOf(p.organisation()))
                        .orElse(thisSystem());
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
            export.child(customers ? "responsibility" : "provided")
                    .flag("uuid", uuid(key + (customers ? "/responsibility" : "/provided")))
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
        }
        return bm;
    }

    private String name(UUID org) {
        return m.participant(org).map(Participant::name).orElse(org.toString());
    }

    private UUID thisSystem() {
        return uuid("component/this-system/" + side);
    }

    private UUID leveraged(Participant provider) {
        return uuid("component/leveraged/" + provider.organisation());
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
