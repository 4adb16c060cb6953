package org.yunjian.responsibility.internal.exchange;

import static org.yunjian.responsibility.internal.exchange.SspWriter.NS;
import static org.yunjian.responsibility.internal.exchange.SspWriter.line;
import static org.yunjian.responsibility.internal.exchange.SspWriter.prop;
import static org.yunjian.responsibility.internal.exchange.SspWriter.roleId;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;
import org.yunjian.responsibility.PlatformResults;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.internal.exchange.SspTree.Node;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;

/**
 * A provider's leveraged-authorization package (issue 60): the provider's plan of {@link SspWriter} with what every
 * customer must do named for the customer's role ({@code responsibility → responsible-roles}), what the provider
 * provides for the provider's role, and — where the platform's latest completed 等保 assessment has a verdict for the
 * duty or an item the catalog relates it to — that verdict on the {@code provided} statement, as a property in
 * {@link SspWriter#NS} ({@value #VERDICT}, grouped by item) and a remark people read.
 */
final class PackageWriter {

    static final String VERDICT = "platform-verdict";
    static final String VERDICT_ITEM = "platform-verdict-item";

    private PackageWriter() {}

    /** Turns the provider's plan {@code ssp} of {@code m} into the package, in place. */
    static Node of(Node ssp, ResponsibilityMatrix m, Optional<PlatformResults.Results> results, Catalog catalog) {
        Node md = ssp.first("metadata").orElseThrow();
        md.first("title")
                .ifPresent(t -> t.value =
                        line(Msg.of("responsibility.ssp.package.title", t.value).text()));
        boolean customers = !m.holders(PartyRole.CUSTOMER).isEmpty();
        boolean providers = !m.holders(PartyRole.PROVIDER).isEmpty();
        Node ci = ssp.first("control-implementation").orElseThrow();
        for (Node ir : ci.all("implemented-requirement")) {
            String duty = ir.flags.get("control-id");
            List<Found> found = results.map(r -> verdicts(duty, r, catalog)).orElse(List.of());
            for (Node bc : ir.all("by-component")) {
                Optional<Node> export = bc.first("export");
                if (export.isEmpty()) {
                    continue;
                }
                for (Node p : export.get().all("provided")) {
                    int at = 1;
                    for (int i = 0; i < found.size(); i++) {
                        String group = "item-" + (i + 1);
                        p.children.add(
                                at++,
                                prop(NS, VERDICT_ITEM, found.get(i).item().value())
                                        .flag("group", group));
                        p.children.add(
                                at++, prop(NS, VERDICT, found.get(i).token()).flag("group", group));
                    }
                    if (providers) {
                        p.children.add(at, role(m, PartyRole.PROVIDER));
                    }
                    if (!found.isEmpty()) {
                        PlatformResults.Results r = results.orElseThrow();
                        p.field(
                                "remarks",
                                Msg.of(
                                                "responsibility.ssp.package.verdicts",
                                                r.assessment(),
                                                Formats.date(r.completedOn()),
                                                Msg.joined(found.stream()
                                                        .map(Found::text)
                                                        .toList()))
                                        .text());
                    }
                }
                if (customers) {
                    for (Node r : export.get().all("responsibility")) {
                        r.children.add(1, role(m, PartyRole.CUSTOMER));
                    }
                }
            }
        }
        return ssp;
    }

    /** The role with the organisations holding it (OSCAL asks a responsible role for the parties it names). */
    private static Node role(ResponsibilityMatrix m, PartyRole r) {
        Node role = Node.of("responsible-role").flag("role-id", roleId(r));
        m.holders(r).forEach(p -> role.field("party-uuid", p.organisation()));
        return role;
    }

    private record Found(RequirementId item, String token, Msg text) {}

    /** The verdicts of the duty and of the items the catalog relates it to, in that order. */
    private static List<Found> verdicts(String duty, PlatformResults.Results r, Catalog catalog) {
        if (!RequirementId.isWellFormed(duty)) {
            return List.of();
        }
        RequirementId id = RequirementId.of(duty);
        Set<RequirementId> items = new LinkedHashSet<>();
        items.add(id);
        catalog.mappings(id).forEach(mp -> items.add(mp.other(id)));
        List<Found> out = new ArrayList<>();
        for (RequirementId item : items) {
            PlatformResults.Verdict v = r.verdicts().get(item);
            if (v != null) {
                Msg label =
                        catalog.requirement(item).map(ClauseLabel::cited).orElse(Msg.of("text.verbatim", item.value()));
                out.add(new Found(
                        item,
                        v.token().toLowerCase(Locale.ROOT).replace('_', '-'),
                        Msg.of("responsibility.ssp.package.verdict", label, v.label())));
            }
        }
        return out;
    }
}
