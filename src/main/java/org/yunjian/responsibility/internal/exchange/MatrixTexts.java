package org.yunjian.responsibility.internal.exchange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Phase;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.Duty;
import org.yunjian.responsibility.Hop;
import org.yunjian.responsibility.Inheritance;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/** How the workbook and the statement write a matrix's parts for a person, in the reader's language. */
final class MatrixTexts {

    private MatrixTexts() {}

    /** The duty's phases in lifecycle order, as one text ({@code 规划准备、选择服务商与部署}). */
    static String phases(Duty duty) {
        List<Msg> parts = new ArrayList<>();
        for (Phase p : Phase.values()) {
            if (duty.phases().contains(p)) {
                parts.add(Msg.of(p));
            }
        }
        return Msg.joined("responsibility.text.list", parts).text();
    }

    static String roles(Collection<PartyRole> roles) {
        List<Msg> parts = new ArrayList<>();
        for (PartyRole r : PartyRole.values()) {
            if (roles.contains(r)) {
                parts.add(Msg.of(r));
            }
        }
        return parts.isEmpty()
                ? Msg.of("responsibility.text.noRole").text()
                : Msg.joined("responsibility.text.list", parts).text();
    }

    static String name(Map<UUID, String> names, UUID org) {
        String n = names.get(org);
        return n == null ? Msg.of("responsibility.text.unknownParty").text() : n;
    }

    /** {@code 云服务商甲 → 运维商（运维服务协议 7.3）2026-01-05 转移 → 安全商（…）}, or "not handed on". */
    static String chain(Assignment a, Map<UUID, String> names) {
        if (!a.delegated()) {
            return Msg.of("responsibility.text.notDelegated").text();
        }
        StringBuilder out = new StringBuilder(name(names, a.accountable().organisation()));
        for (Hop h : a.chain()) {
            out.append(hop(h, names));
        }
        return out.toString();
    }

    /** One hop: receiver, agreement and clause, and the day it was handed over where recorded. */
    static String hop(Hop h, Map<UUID, String> names) {
        String hop = h.agreement() == null
                ? Msg.of("responsibility.text.hopUncited", name(names, h.to())).text()
                : Msg.of(
                                "responsibility.text.hop",
                                name(names, h.to()),
                                h.agreement(),
                                h.clause() == null ? "" : h.clause())
                        .text();
        return h.handedOverOn() == null
                ? hop
                : hop
                        + Msg.of("responsibility.text.hopOn", org.yunjian.shared.Formats.date(h.handedOverOn()))
                                .text();
    }

    /** The accountable party as {@code 组织（角色）}. */
    static String accountable(Assignment a, Map<UUID, String> names) {
        return Msg.of(
                        "responsibility.text.accountable",
                        name(names, a.accountable().organisation()),
                        Msg.of(a.accountable().role()))
                .text();
    }

    /**
     * What the customer has to do about a duty (the customer-responsibility column): nothing of its own when the
     * provider side answers for all of it, its own part when mixed, all of it otherwise; naming who implements.
     */
    static String customerResponsibility(MatrixRow row, Map<UUID, String> names) {
        Inheritance i = row.inheritance().orElse(null);
        if (i == null) {
            return null;
        }
        List<Msg> customer = new ArrayList<>();
        List<Msg> others = new ArrayList<>();
        for (Assignment a : row.assignments()) {
            Msg implementer = Msg.of(Texts.VERBATIM, name(names, a.implementer()));
            (a.accountable().role() == PartyRole.CUSTOMER ? customer : others).add(implementer);
        }
        Msg c = Msg.joined(
                "responsibility.text.list", customer.stream().distinct().toList());
        Msg o = Msg.joined(
                "responsibility.text.list", others.stream().distinct().toList());
        return Msg.of("responsibility.workbook.customer." + i.name(), c, o).text();
    }
}
