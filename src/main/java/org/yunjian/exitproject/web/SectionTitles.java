package org.yunjian.exitproject.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yunjian.exitproject.ExitClauses;
import org.yunjian.shared.Msg;

/**
 * The project page's section titles that name a clause ({@code exitproject.<section>.title}), with the clause as
 * {@link ExitClauses} labels it, in the reader's language: the headings and the refused form's error summary read them.
 */
final class SectionTitles {

    private SectionTitles() {}

    static Map<String, String> of(ExitClauses c) {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put(
                "checklist",
                Msg.of("exitproject.checklist.title", c.cited(ExitClauses.CHECKLIST))
                        .text());
        titles.put(
                "inventory",
                Msg.of("exitproject.inventory.title", c.cited(ExitClauses.INVENTORY), c.cited(ExitClauses.DATA_LIST))
                        .text());
        titles.put(
                "verification",
                Msg.of("exitproject.verification.title", c.cited(ExitClauses.VERIFICATION))
                        .text());
        titles.put(
                "deletion",
                Msg.of("exitproject.deletion.title", c.cited(ExitClauses.DELETION))
                        .text());
        titles.put(
                "media",
                Msg.of("exitproject.media.title", c.cited(ExitClauses.MEDIA)).text());
        titles.put(
                "devices",
                Msg.of("exitproject.devices.title", c.cited(ExitClauses.DEVICES))
                        .text());
        return titles;
    }
}
