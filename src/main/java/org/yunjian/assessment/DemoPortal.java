package org.yunjian.assessment;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.internal.AssessmentRepository;
import org.yunjian.demo.DemoData;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DemoSystems;
import org.yunjian.party.Parties;

/** The demo portal system and its open assessment, as the demo seeders of this module find them. */
@Component
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
public class DemoPortal {

    private final Parties parties;
    private final AssessmentRepository repo;

    DemoPortal(Parties parties, AssessmentRepository repo) {
        this.parties = parties;
        this.repo = repo;
    }

    /** The demo portal system, looked up as the platform. */
    public Optional<CloudSystem> system() {
        return DemoSystems.find(parties, DemoData.PORTAL_SYSTEM);
    }

    /** The portal's assessment still open, if the demo assessment has been seeded. */
    public Optional<AssessmentInfo> openAssessment() {
        return system().flatMap(s -> repo.findBySystems(List.of(s.id())).stream()
                .filter(a -> a.status().isOpen())
                .findFirst());
    }
}
