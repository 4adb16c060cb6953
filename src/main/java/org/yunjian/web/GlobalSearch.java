package org.yunjian.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.AssessmentDirectory;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.evidence.EvidenceRequestSearch;
import org.yunjian.exitproject.ExitProjects;
import org.yunjian.monitoring.MonitoringSearch;
import org.yunjian.party.Parties;
import org.yunjian.party.SystemQuery;
import org.yunjian.report.ReportSearch;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.PeopleNames;
import org.yunjian.security.PeopleSearch;
import org.yunjian.security.Role;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/**
 * One search box across everything a person looks for by name or number: cloud systems, assessments, catalog
 * requirements, approved 测评报告 (by report number), deletion certificates (by number), people, evidence requests,
 * exit projects, monitors and their alerts. Each kind comes from its own module's public search, under that module's
 * visibility rules (a party never finds another party's system, report, request, project, monitor or alert; a
 * business user finds the people of its own organisation only); requirements are public to every logged-in user.
 * Each kind comes {@value #LIMIT} to a page with its total; one pager walks them all.
 */
@Component
class GlobalSearch {

    static final int MAX_QUERY = 200;
    /** Hits of each kind per page. */
    static final int LIMIT = 20;

    private final Parties parties;
    private final ObjectProvider<AssessmentDirectory> assessments;
    private final Catalog catalog;
    private final ObjectProvider<ReportSearch> reports;
    private final ObjectProvider<ExitProjects> exitProjects;
    private final ObjectProvider<PeopleSearch> people;
    private final ObjectProvider<EvidenceRequestSearch> evidenceRequests;
    private final ObjectProvider<MonitoringSearch> monitoring;

    /**
     * The searches of the feature modules come as providers: a module test that starts a module with the modules it
     * uses may leave some out, and then their kinds find nothing (the application has them all).
     */
    GlobalSearch(
            Parties parties,
            ObjectProvider<AssessmentDirectory> assessments,
            Catalog catalog,
            ObjectProvider<ReportSearch> reports,
            ObjectProvider<ExitProjects> exitProjects,
            ObjectProvider<PeopleSearch> people,
            ObjectProvider<EvidenceRequestSearch> evidenceRequests,
            ObjectProvider<MonitoringSearch> monitoring) {
        this.parties = parties;
        this.assessments = assessments;
        this.catalog = catalog;
        this.reports = reports;
        this.exitProjects = exitProjects;
        this.people = people;
        this.evidenceRequests = evidenceRequests;
        this.monitoring = monitoring;
    }

    /** What {@code search} finds, or nothing when its module is not started. */
    private static <S, T> Paged<T> through(ObjectProvider<S> search, PageRequest p, Function<S, Paged<T>> find) {
        S s = search.getIfAvailable();
        return s == null ? Paged.of(List.of(), p, 0) : find.apply(s);
    }

    public record Hit(String href, String title, String note) {}

    /** The kinds of hit, in the page's order; {@code id} names the page's section and the REST fields. */
    enum Kind {
        SYSTEMS("systems"),
        ASSESSMENTS("assessments"),
        REPORTS("reports"),
        CERTIFICATES("certificates"),
        EXIT_PROJECTS("exitProjects"),
        EVIDENCE_REQUESTS("evidenceRequests"),
        MONITORS("monitors"),
        ALERTS("alerts"),
        PEOPLE("people"),
        REQUIREMENTS("requirements");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The section's heading key ({@code web.search.<id>}). */
        public String titleKey() {
            return "web.search." + id;
        }
    }

    /** One kind's hits on this page and its total. */
    public record Section(Kind kind, List<Hit> hits, long total) {

        static Section of(Kind kind, Paged<Hit> page) {
            return new Section(kind, page.items(), page.total());
        }

        /** Names and numbers as the users wrote them (a requirement's title; a number): not words of the page. */
        public boolean verbatim() {
            return kind == Kind.REQUIREMENTS;
        }
    }

    /**
     * One page of each kind of hit ({@value #LIMIT} per page) with each kind's total; {@code pages} is the most pages
     * any kind has, so one pager walks them all.
     */
    public record Results(String query, int page, List<Section> sections) {

        public Results {
            sections = List.copyOf(sections);
        }

        public Section section(Kind kind) {
            return sections.stream().filter(s -> s.kind() == kind).findFirst().orElse(new Section(kind, List.of(), 0));
        }

        public List<Hit> systems() {
            return section(Kind.SYSTEMS).hits();
        }

        public List<Hit> assessments() {
            return section(Kind.ASSESSMENTS).hits();
        }

        public List<Hit> requirements() {
            return section(Kind.REQUIREMENTS).hits();
        }

        public boolean isEmpty() {
            return sections.stream().allMatch(s -> s.total() == 0);
        }

        private long most() {
            return sections.stream().mapToLong(Section::total).max().orElse(0);
        }

        public int pages() {
            return (int) Math.max(1, (most() + LIMIT - 1) / LIMIT);
        }

        /** An empty page with this search's largest total, for the pager. */
        public Paged<Hit> pagerPage() {
            return Paged.of(List.of(), new PageRequest(page, LIMIT), most());
        }

        public static Results none(String query) {
            return new Results(query, 1, List.of());
        }
    }

    /**
     * Page {@code page} (from 1; a bad value is a 400 naming it) of every kind matching {@code raw}: matched, counted
     * and paged by each module in the database, never all read.
     */
    Results search(String raw, String page, Locale locale) {
        String q = raw == null ? "" : raw.strip();
        if (q.length() > MAX_QUERY) {
            throw new FieldErrors.ValidationException("q", "web.search.tooLong", MAX_QUERY);
        }
        PageRequest p = PageRequest.of(page, String.valueOf(LIMIT));
        if (q.isEmpty()) {
            return Results.none(q);
        }
        List<Section> sections = new ArrayList<>();
        sections.add(Section.of(Kind.SYSTEMS, systems(q, p)));
        sections.add(Section.of(Kind.ASSESSMENTS, assessments(q, p)));
        sections.add(Section.of(Kind.REPORTS, reports(q, p)));
        sections.add(Section.of(Kind.CERTIFICATES, certificates(q, p)));
        sections.add(Section.of(Kind.EXIT_PROJECTS, exitProjects(q, p)));
        sections.add(Section.of(Kind.EVIDENCE_REQUESTS, evidenceRequests(q, p)));
        sections.add(Section.of(Kind.MONITORS, monitors(q, p)));
        sections.add(Section.of(Kind.ALERTS, alerts(q, p)));
        sections.add(Section.of(Kind.PEOPLE, people(q, p)));
        sections.add(Section.of(Kind.REQUIREMENTS, requirements(q, p, locale)));
        return new Results(q, p.page(), sections);
    }

    private Paged<Hit> systems(String q, PageRequest p) {
        return parties.visibleSystemsPage(new SystemQuery(q, null, null, null), p)
                .map(s ->
                        new Hit("/systems/" + s.id(), s.name(), Texts.get("party.system.level", s.protectionLevel())));
    }

    private Paged<Hit> assessments(String q, PageRequest p) {
        return through(assessments, p, s -> s.search(q, p))
                .map(a -> new Hit(
                        "/assessments/" + a.id(),
                        a.name(),
                        a.systemName() + " · " + Msg.of(a.status()).text()));
    }

    private Paged<Hit> reports(String q, PageRequest p) {
        return through(reports, p, s -> s.byNumber(q, p))
                .map(r -> new Hit(
                        "/assessments/" + r.assessmentId() + "#revision-" + r.revision(),
                        r.reportNumber(),
                        Texts.get(
                                "web.search.reportNote",
                                Texts.get("record.revisionNumber", r.revision()),
                                r.assessmentName(),
                                r.systemName(),
                                Formats.minute(r.approvedAt()))));
    }

    private Paged<Hit> certificates(String q, PageRequest p) {
        return through(exitProjects, p, s -> s.certificates(q, p))
                .map(c -> new Hit(
                        "/exit-projects/" + c.projectId() + "#certificate",
                        c.number(),
                        Texts.get("web.search.certificateNote", c.projectName(), Formats.minute(c.issuedAt()))));
    }

    private Paged<Hit> exitProjects(String q, PageRequest p) {
        return through(exitProjects, p, s -> s.search(q, p))
                .map(e -> new Hit("/exit-projects/" + e.id(), e.name(), Texts.get("exitproject.status." + e.status())));
    }

    private Paged<Hit> evidenceRequests(String q, PageRequest p) {
        return through(evidenceRequests, p, s -> s.byTitle(q, p))
                .map(l -> new Hit(
                        "/assessments/" + l.assessmentId() + "/evidence-requests",
                        l.title(),
                        Texts.get(
                                "web.search.requestNote",
                                Msg.of(l.status()).text(),
                                l.dueDate() == null ? "—" : l.dueDate().toString())));
    }

    private Paged<Hit> monitors(String q, PageRequest p) {
        return through(monitoring, p, s -> s.monitors(q, p))
                .map(m -> new Hit(
                        "/monitoring/monitors/" + m.id(), m.name(), m.url().toString()));
    }

    private Paged<Hit> alerts(String q, PageRequest p) {
        return through(monitoring, p, s -> s.alerts(q, p))
                .map(a -> new Hit(
                        "/monitoring/alerts/" + a.alert().id(),
                        a.alert().message().text(),
                        Texts.get(
                                "web.search.alertNote",
                                a.monitorName(),
                                Msg.of(a.alert().status()).text(),
                                Formats.minute(a.alert().openedAt()))));
    }

    /**
     * People by display name: a business user finds the enabled accounts of its own organisation (colleagues, never
     * another organisation's people); a security administrator, who manages accounts, anyone; a system administrator
     * anyone, leading to the organisation's page. {@link PeopleSearch} answers at most {@value PeopleSearch#LIMIT}: one
     * page.
     */
    private Paged<Hit> people(String q, PageRequest p) {
        CurrentUser u = CurrentUser.current().orElse(null);
        if (u == null || p.page() > 1) {
            return Paged.of(List.of(), p, 0);
        }
        Set<java.util.UUID> organizations;
        if (u.is(Role.SECURITY_ADMIN) || u.is(Role.SYSTEM_ADMIN)) {
            organizations = null;
        } else if (u.is(Role.USER) && u.organizationId() != null) {
            organizations = Set.of(u.organizationId());
        } else {
            return Paged.of(List.of(), p, 0);
        }
        boolean accounts = u.is(Role.SECURITY_ADMIN);
        PeopleSearch names = people.getIfAvailable();
        if (names == null) {
            return Paged.of(List.of(), p, 0);
        }
        List<PeopleNames.Person> found = names.search(q, organizations).stream()
                .filter(f -> accounts || f.organizationId() != null)
                .toList();
        Function<PeopleNames.Person, String> href =
                accounts ? f -> "/admin/users/" + f.id() : f -> "/organizations/" + f.organizationId();
        return Paged.of(
                found.stream()
                        .map(f -> new Hit(href.apply(f), f.displayName(), f.username()))
                        .toList(),
                p,
                found.size());
    }

    private Paged<Hit> requirements(String q, PageRequest p, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        Function<Requirement, String> title =
                r -> english && r.titleEn() != null && !r.titleEn().isBlank()
                        ? r.titleEn()
                        : r.title() != null && !r.title().isBlank() ? r.title() : opening(r.textIn(locale));
        return Paged.slice(catalog.search(q, RequirementFilter.any()), p)
                .map(h -> new Hit(
                        "/catalog/requirements/" + h.requirement().id(),
                        title.apply(h.requirement()),
                        h.requirement().id().toString()));
    }

    /** Characters of an untitled requirement's text that stand in for its title (a link needs words). */
    static final int OPENING = 40;

    static String opening(String text) {
        return text == null ? "" : org.yunjian.shared.Text.shorten(text.strip(), OPENING + 1);
    }
}
