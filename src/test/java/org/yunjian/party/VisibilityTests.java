package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.other;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.internal.EngagementService;
import org.yunjian.party.internal.Inputs;
import org.yunjian.party.internal.OrganizationService;
import org.yunjian.party.internal.SystemService;
import org.yunjian.security.Role;
import org.yunjian.shared.NotFoundException;

@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class VisibilityTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Parties parties;

    @Autowired
    OrganizationService organizations;

    @Autowired
    SystemService systems;

    @Autowired
    EngagementService engagements;

    @Autowired
    org.yunjian.party.internal.VisibilityQueries visibility;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Fixtures.World w;

    @BeforeEach
    void world() {
        w = fixtures.world();
    }

    @Test
    void customerProviderAndAgentSeeTheSystemStrangerDoesNot() {
        for (Organization o : List.of(w.customer(), w.provider(), w.agent(), w.assessor())) {
            assertThat(runAs(user(o.id()), () -> parties.canSee(w.system().id())))
                    .as(o.name())
                    .isTrue();
        }
        assertThat(runAs(
                        user(w.stranger().id()), () -> parties.canSee(w.system().id())))
                .isFalse();
        assertThatThrownBy(() -> runAs(
                        user(w.stranger().id()), () -> systems.get(w.system().id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void usersListOnlyWhatTheirOrganisationIsPartyTo() {
        var seen = runAs(user(w.provider().id()), () -> systems.list());
        assertThat(seen)
                .extracting(CloudSystem::id)
                .contains(w.system().id())
                .doesNotContain(w.strangersSystem().id());
        var strangerSees = runAs(user(w.stranger().id()), () -> systems.list());
        assertThat(strangerSees)
                .extracting(CloudSystem::id)
                .contains(w.strangersSystem().id())
                .doesNotContain(w.system().id());
    }

    @Test
    void systemAdministratorSeesEverything() {
        assertThat(runAs(admin(), () -> systems.list()))
                .extracting(CloudSystem::id)
                .contains(w.system().id(), w.strangersSystem().id());
        assertThat(runAs(admin(), () -> parties.canManage(w.system().id()))).isTrue();
    }

    @Test
    void securityAndAuditAdministratorsSeeNothing() {
        for (Role r : List.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)) {
            assertThat(runAs(other(r), () -> parties.canSee(w.system().id()))).isFalse();
            assertThatThrownBy(() -> runAs(other(r), () -> systems.list())).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void engagementsAreSeenByParticipantsAndTheCustomerOnly() {
        var id = w.engagement().id();
        assertThat(runAs(user(w.assessor().id()), () -> engagements.get(id)).name())
                .isEqualTo(w.engagement().name());
        assertThat(runAs(user(w.customer().id()), () -> engagements.get(id))).isNotNull();
        assertThatThrownBy(() -> runAs(user(w.provider().id()), () -> engagements.get(id)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runAs(user(w.stranger().id()), () -> engagements.get(id)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void assessorSeesTheSystemOfItsEngagementButCannotChangeIt() {
        assertThat(runAs(user(w.assessor().id()), () -> systems.get(w.system().id())))
                .isNotNull();
        assertThatThrownBy(() -> runAs(
                        user(w.assessor().id()), () -> systems.delete(w.system().id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(runAs(
                        user(w.assessor().id()),
                        () -> parties.canManage(w.system().id())))
                .isFalse();
    }

    @Test
    void usersSeeCounterpartOrganisationsButNotStrangers() {
        var providerUser = user(w.provider().id());
        assertThat(runAs(providerUser, () -> organizations.get(w.customer().id())))
                .isNotNull();
        assertThat(runAs(providerUser, () -> parties.findOrganization(w.agent().id())))
                .isPresent();
        assertThatThrownBy(() ->
                        runAs(providerUser, () -> organizations.get(w.stranger().id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(runAs(providerUser, () -> organizations.list()))
                .extracting(Organization::id)
                .contains(w.provider().id(), w.customer().id())
                .doesNotContain(w.stranger().id());
    }

    @Test
    void usersCannotChangeOrganisationsEvenTheirOwn() {
        var own = w.customer();
        assertThatThrownBy(() -> runAs(
                        user(own.id()),
                        () -> organizations.update(
                                own.id(),
                                org.yunjian.shared.version.ExpectedVersion.exactly(0),
                                new Inputs.OrganizationInput(
                                        "改名", own.creditCode().value(), "上海", List.of("CUSTOMER")))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runAs(
                        user(own.id()),
                        () -> organizations.update(
                                w.stranger().id(),
                                org.yunjian.shared.version.ExpectedVersion.exactly(0),
                                new Inputs.OrganizationInput(
                                        "改名", own.creditCode().value(), "上海", List.of("CUSTOMER")))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void rolesOfNamesEveryRoleAnOrganisationPlaysForASystem() {
        assertThat(runAs(
                        admin(),
                        () -> parties.rolesOf(w.customer().id(), w.system().id())))
                .containsExactly(PartyRole.CUSTOMER);
        assertThat(parties.rolesOf(w.agent().id(), w.system().id())).containsExactly(PartyRole.AGENT_SYSTEM_INTEGRATOR);
        assertThat(parties.rolesOf(w.assessor().id(), w.system().id())).containsExactly(PartyRole.THIRD_PARTY_ASSESSOR);
        assertThat(parties.rolesOf(w.stranger().id(), w.system().id())).isEmpty();
    }

    @Test
    void noCallerMeansNothingVisible() {
        assertThat(parties.canSee(w.system().id())).isFalse();
        assertThat(parties.visibleSystems()).isEmpty();
    }

    @Test
    void formChoicesHideCustomersThatAreNotCounterparts() {
        Organization hiddenCustomer = fixtures.organization("隐藏的客户", PartyRole.CUSTOMER);
        var choices = runAs(user(w.customer().id()), () -> organizations.choices());
        assertThat(choices)
                .extracting(Organization::id)
                .contains(
                        w.customer().id(),
                        w.provider().id(),
                        w.agent().id(),
                        w.assessor().id())
                .doesNotContain(hiddenCustomer.id());
        assertThat(runAs(admin(), () -> organizations.choices()))
                .extracting(Organization::id)
                .contains(hiddenCustomer.id());
    }

    @Autowired
    org.yunjian.security.OrganizationDirectory directory;

    @Test
    void organisationDirectoryNamesEveryOrganisationForUserAdministration() {
        assertThat(directory.all())
                .extracting(org.yunjian.security.OrganizationDirectory.OrganizationRef::id)
                .contains(w.customer().id(), w.stranger().id());
        assertThat(directory.find(w.agent().id()))
                .get()
                .extracting(org.yunjian.security.OrganizationDirectory.OrganizationRef::name)
                .isEqualTo(w.agent().name());
        assertThat(directory.find(java.util.UUID.randomUUID())).isEmpty();
    }

    /**
     * The point questions (may this organisation see that system, that organisation?) answer exactly as the lists
     * do — the lists are the rule, the point queries its fast form — for every organisation and system any of the
     * world's organisations sees, and for the first 50 of each by id from the rest of the database (the suite's
     * shared database holds thousands by the time this runs; asking of every pair cost more than any other test in
     * the pass).
     */
    @Test
    void pointQuestionsAnswerAsTheListsDo() {
        List<java.util.UUID> viewers = List.of(
                w.customer().id(),
                w.provider().id(),
                w.agent().id(),
                w.assessor().id(),
                w.stranger().id());
        java.util.Map<java.util.UUID, java.util.Set<java.util.UUID>> seenOrgs = new java.util.HashMap<>();
        java.util.Map<java.util.UUID, java.util.Set<java.util.UUID>> seenSystems = new java.util.HashMap<>();
        java.util.Set<java.util.UUID> orgs = new java.util.LinkedHashSet<>();
        java.util.Set<java.util.UUID> all = new java.util.LinkedHashSet<>();
        for (java.util.UUID org : viewers) {
            seenOrgs.put(org, visibility.organizationIds(org));
            seenSystems.put(org, visibility.systemIds(org));
            orgs.addAll(seenOrgs.get(org));
            all.addAll(seenSystems.get(org));
        }
        orgs.addAll(jdbc.sql("SELECT id FROM organization ORDER BY id LIMIT 50")
                .query(java.util.UUID.class)
                .list());
        all.addAll(jdbc.sql("SELECT id FROM cloud_system ORDER BY id LIMIT 50")
                .query(java.util.UUID.class)
                .list());
        for (java.util.UUID org : viewers) {
            for (java.util.UUID other : orgs) {
                assertThat(visibility.organization(org, other))
                        .as("%s sees organisation %s", org, other)
                        .isEqualTo(seenOrgs.get(org).contains(other));
            }
            var seenEngagements = visibility.engagementIds(org);
            for (java.util.UUID system : all) {
                assertThat(visibility.system(org, system))
                        .as("%s sees system %s", org, system)
                        .isEqualTo(seenSystems.get(org).contains(system));
                var onSystem = new java.util.HashSet<>(jdbc.sql("SELECT id FROM engagement WHERE system_id = ?")
                        .param(system)
                        .query(java.util.UUID.class)
                        .list());
                onSystem.retainAll(seenEngagements);
                assertThat(visibility.engagementIdsOn(org, system))
                        .as("%s sees engagements on %s", org, system)
                        .containsExactlyInAnyOrderElementsOf(onSystem);
            }
        }
        assertThat(visibility.organization(w.customer().id(), w.agent().id())).isTrue();
        assertThat(visibility.organization(w.stranger().id(), w.agent().id())).isFalse();
    }
}
