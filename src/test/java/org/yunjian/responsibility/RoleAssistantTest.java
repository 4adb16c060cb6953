package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;

/** Annex A of T/CCIA 004-2024: the tables' behaviours give back the tables' roles. */
class RoleAssistantTest {

    private final RoleAssistant assistant = TestCatalog.assistant();

    private record RoleAndJoint(PartyRole role, boolean joint) {}

    @Test
    void everyBehaviourOfAnnexAIsKnownAndMakesExactlyOneRole() {
        assertThat(assistant.rows()).hasSize(23);
        Set<Behaviour> used = EnumSet.noneOf(Behaviour.class);
        assistant.rows().forEach(r -> used.addAll(r.behaviours()));
        assertThat(used).containsExactlyInAnyOrder(Behaviour.values());
        for (Behaviour b : Behaviour.values()) {
            assertThat(assistant.rolesOf(b)).as(b.name()).hasSize(1);
        }
        assertThat(assistant.rolesOf(Behaviour.CONTROL_UNDERLYING_HARDWARE)).containsExactly(PartyRole.PROVIDER);
        assertThat(assistant.rolesOf(Behaviour.PROVIDE_MACHINE_ROOM)).containsExactly(PartyRole.PARTNER_HARDWARE);
        assertThat(assistant.rolesOf(Behaviour.USE_CLOUD_SERVICE)).containsExactly(PartyRole.CUSTOMER);
    }

    @Test
    void tableA3SpellingsMapOntoTheSameBehaviours() {
        RoleAssistant.Row a3b = row("TCCIA004-A.3-4");
        assertThat(a3b.behaviours()).contains(Behaviour.DECIDE_SECURITY_CAPABILITY);
        assertThat(row("TCCIA004-A.3-3").behaviours())
                .containsExactlyInAnyOrder(Behaviour.PROVIDE_MACHINE_ROOM, Behaviour.PROVIDE_PHYSICAL_SERVERS);
    }

    /** For each actor of the table: its behaviours in, exactly the table's roles (and joint flags) out. */
    @ParameterizedTest
    @ValueSource(strings = {"A.1", "A.2", "A.3"})
    void reproducesTheTable(String table) {
        Map<String, Set<Behaviour>> performed = new LinkedHashMap<>();
        Map<String, Set<RoleAndJoint>> expected = new LinkedHashMap<>();
        Map<String, Set<RequirementId>> ownRows = new LinkedHashMap<>();
        for (RoleAssistant.Row r : assistant.rows()) {
            if (!r.id().value().startsWith("TCCIA004-" + table + "-")) {
                continue;
            }
            performed
                    .computeIfAbsent(r.actor(), k -> EnumSet.noneOf(Behaviour.class))
                    .addAll(r.behaviours());
            r.roles().forEach(role -> expected.computeIfAbsent(r.actor(), k -> new java.util.HashSet<>())
                    .add(new RoleAndJoint(role, r.joint())));
            ownRows.computeIfAbsent(r.actor(), k -> new java.util.HashSet<>()).add(r.id());
        }
        assertThat(performed).isNotEmpty();

        Map<String, List<RoleProposal>> proposed = assistant.determine(performed);

        proposed.forEach((actor, proposals) -> {
            assertThat(proposals.stream()
                            .map(p -> new RoleAndJoint(p.role(), p.joint()))
                            .collect(Collectors.toSet()))
                    .as("%s %s", table, actor)
                    .isEqualTo(expected.get(actor));
            for (RoleProposal p : proposals) {
                assertThat(p.support())
                        .as("%s %s %s", table, actor, p.role())
                        .isNotEmpty()
                        .anyMatch(ownRows.get(actor)::contains);
            }
        });
    }

    @Test
    void theSoftwareVendorOwningTheServersIsJointProviderAndSoftwareProviderAsInA2() {
        Map<String, Set<Behaviour>> performed = new LinkedHashMap<>();
        performed.put(
                "A",
                EnumSet.of(
                        Behaviour.PROVIDE_CLOUD_SERVICE,
                        Behaviour.SELECT_PLATFORM_SOFTWARE,
                        Behaviour.MANAGE_PLATFORM_OM,
                        Behaviour.DECIDE_SECURITY_CAPABILITY));
        performed.put("B", EnumSet.of(Behaviour.CONTROL_UNDERLYING_HARDWARE, Behaviour.PROVIDE_PLATFORM_SOFTWARE));
        performed.put("G", EnumSet.of(Behaviour.USE_CLOUD_SERVICE));

        Map<String, List<RoleProposal>> proposed = assistant.determine(performed);

        assertThat(proposed.get("A")).singleElement().satisfies(p -> {
            assertThat(p.role()).isEqualTo(PartyRole.PROVIDER);
            assertThat(p.joint()).isTrue();
            assertThat(p.support()).first().isEqualTo(RequirementId.of("TCCIA004-A.2-1"));
        });
        assertThat(proposed.get("B"))
                .extracting(RoleProposal::role, RoleProposal::joint)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PartyRole.PROVIDER, true),
                        org.assertj.core.groups.Tuple.tuple(PartyRole.PARTNER_SOFTWARE, false));
        assertThat(proposed.get("B").get(0).support())
                .contains(RequirementId.of("TCCIA004-A.2-2"))
                .doesNotContain(RequirementId.of("TCCIA004-A.1-1"));
        assertThat(proposed.get("G")).extracting(RoleProposal::role).containsExactly(PartyRole.CUSTOMER);
    }

    @Test
    void aSoleProviderIsNotJointAndIsSupportedByTableA1() {
        List<RoleProposal> proposals = assistant.propose(
                EnumSet.of(
                        Behaviour.PROVIDE_CLOUD_SERVICE,
                        Behaviour.CONTROL_UNDERLYING_HARDWARE,
                        Behaviour.PROVIDE_SECURITY_SERVICE),
                false);

        assertThat(proposals)
                .extracting(RoleProposal::role)
                .containsExactly(PartyRole.PROVIDER, PartyRole.PARTNER_SECURITY_SERVICE);
        assertThat(proposals.get(0).joint()).isFalse();
        assertThat(proposals.get(0).support()).containsExactly(RequirementId.of("TCCIA004-A.1-1"));
    }

    @Test
    void noBehaviourNoRole() {
        assertThat(assistant.propose(EnumSet.noneOf(Behaviour.class), false)).isEmpty();
    }

    @Test
    void everyBehaviourHasADisplayNameInBothLanguages() {
        for (Behaviour b : Behaviour.values()) {
            assertThat(b.zh()).as(b.name()).doesNotStartWith("enum.");
            assertThat(b.en()).as(b.name()).doesNotStartWith("enum.");
        }
        assertThat(Behaviour.PROVIDE_MACHINE_ROOM.zh()).isEqualTo("提供物理机房");
    }

    private RoleAssistant.Row row(String id) {
        return assistant.rows().stream()
                .filter(r -> r.id().value().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
