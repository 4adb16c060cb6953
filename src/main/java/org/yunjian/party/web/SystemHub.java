package org.yunjian.party.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.yunjian.party.Parties;
import org.yunjian.party.SystemHubSection;

/**
 * The sections other modules contribute to a cloud system's page ({@link SystemHubSection}), read by the template as
 * {@code ${@systemHub.sections(system.id())}}. Asked only for a system the current user can see.
 */
@Component("systemHub")
public class SystemHub {

    private final ObjectProvider<SystemHubSection> sections;
    private final Parties parties;

    SystemHub(ObjectProvider<SystemHubSection> sections, Parties parties) {
        this.sections = sections;
        this.parties = parties;
    }

    /** Each contributed section with the links the current user may follow, in the sections' order. */
    public List<Section> sections(UUID systemId) {
        if (!parties.canSee(systemId)) {
            return List.of();
        }
        return sections.stream()
                .sorted(Comparator.comparingInt(SystemHubSection::order))
                .map(s -> new Section(s.titleKey(), s.emptyKey(), s.links(systemId)))
                .toList();
    }

    /** A section as the page shows it. */
    public record Section(String titleKey, String emptyKey, List<SystemHubSection.Link> links) {}
}
