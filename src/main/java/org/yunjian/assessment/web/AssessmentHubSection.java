package org.yunjian.assessment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.AssessmentDirectory;
import org.yunjian.party.SystemHubSection;
import org.yunjian.shared.Texts;

/** The cloud system's page lists the system's dashboard and the assessments of the system the user may see. */
@Component
class AssessmentHubSection implements SystemHubSection {

    private final AssessmentDirectory assessments;

    AssessmentHubSection(AssessmentDirectory assessments) {
        this.assessments = assessments;
    }

    @Override
    public String titleKey() {
        return "assessment.hub.title";
    }

    @Override
    public String emptyKey() {
        return "assessment.hub.empty";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Link> links(UUID systemId) {
        List<AssessmentDirectory.Summary> visible = assessments.visible(systemId);
        List<Link> links = new ArrayList<>();
        if (!visible.isEmpty()) {
            links.add(new Link("/dashboard/systems/" + systemId, Texts.get("assessment.hub.dashboard"), ""));
        }
        visible.forEach(a -> links.add(Link.named(
                "/assessments/" + a.id(),
                a.name(),
                org.yunjian.shared.Msg.of(a.status()).text())));
        return links;
    }
}
