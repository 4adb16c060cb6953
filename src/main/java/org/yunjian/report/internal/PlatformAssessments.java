package org.yunjian.report.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.ScoringPolicies;
import org.yunjian.inheritance.InheritanceSources;
import org.yunjian.inheritance.Inheritances;
import org.yunjian.inheritance.Inheritances.Inherited;
import org.yunjian.inheritance.Inheritances.Source;
import org.yunjian.inheritance.Inheritances.SourceKind;
import org.yunjian.party.Parties;
import org.yunjian.party.SystemSummary;
import org.yunjian.security.OrganizationDirectory;

/**
 * The cloud platform a system runs on and that platform's assessment, for the 等级测评结论扩充表（云计算安全）: the
 * sources this assessment inherits items from (a completed Yunjian assessment of the provider's platform, or a
 * conclusion recorded on the assessment); with none inherited, the provider's latest completed platform assessment
 * still within its validity. The platform's name and level are read by key: the report relies on them even where
 * its reader may not browse the provider's platform.
 */
@Component
public class PlatformAssessments {

    private final InheritanceSources sources;
    private final AssessmentReads repo;
    private final AssessmentService service;
    private final ScoringPolicies policies;
    private final Parties parties;
    private final OrganizationDirectory directory;

    PlatformAssessments(
            InheritanceSources sources,
            AssessmentReads repo,
            AssessmentService service,
            ScoringPolicies policies,
            Parties parties,
            OrganizationDirectory directory) {
        this.sources = sources;
        this.repo = repo;
        this.service = service;
        this.policies = policies;
        this.parties = parties;
        this.directory = directory;
    }

    public List<ReportData.PlatformAssessment> of(Access access, Inheritances.View view) {
        Map<UUID, Source> used = new LinkedHashMap<>();
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        for (Inherited i : view.inherited().values()) {
            used.putIfAbsent(i.source().id(), i.source());
            counts.merge(i.source().id(), 1, Integer::sum);
        }
        if (used.isEmpty()) {
            sources.all(access).stream()
                    .filter(s -> s.kind() == SourceKind.YUNJIAN && s.fresh())
                    .max(Comparator.comparing(Source::date))
                    .ifPresent(s -> used.put(s.id(), s));
        }
        List<ReportData.PlatformAssessment> out = new ArrayList<>();
        for (Source s : used.values()) {
            out.add(
                    s.kind() == SourceKind.YUNJIAN
                            ? platform(s, counts.getOrDefault(s.id(), 0))
                            : new ReportData.PlatformAssessment(
                                    providerName(access),
                                    null,
                                    null,
                                    s.reportNumber(),
                                    s.date(),
                                    s.organisation(),
                                    counts.getOrDefault(s.id(), 0)));
        }
        return out;
    }

    private ReportData.PlatformAssessment platform(Source s, int inherited) {
        AssessmentInfo a = repo.find(s.id()).orElse(null);
        if (a == null) {
            return new ReportData.PlatformAssessment(s.name(), null, null, s.reportNumber(), s.date(), null, inherited);
        }
        SystemSummary platform = parties.summary(a.systemId()).orElse(null);
        String conclusion = service.score(repo.items(a.id()), policies.forAssessment(a.id()))
                .conclusionText()
                .text();
        return new ReportData.PlatformAssessment(
                platform == null ? s.name() : platform.name(),
                platform == null ? null : platform.protectionLevel(),
                conclusion,
                a.reportNumber(),
                s.date(),
                name(a.assessorOrgId()),
                inherited);
    }

    private String providerName(Access access) {
        UUID provider = access.system().providerId();
        return provider == null ? "—" : name(provider);
    }

    private String name(UUID org) {
        return directory
                .find(org)
                .map(OrganizationDirectory.OrganizationRef::name)
                .orElse("—");
    }
}
