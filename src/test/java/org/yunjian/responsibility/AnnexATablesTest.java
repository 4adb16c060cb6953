package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.responsibility.Behaviour.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yunjian.catalog.PartyRole;

/**
 * T/CCIA 004-2024 Annex A (issue 36 R-5): tables A.1–A.3 transcribed here by hand — each actor, the behaviours it
 * performs and the role the table prints — independently of the catalog (the earlier test built its expected roles
 * from the catalog rows it fed in, so a catalog error could not show). The transcription is checked against the
 * standard's text (each row's printed behaviour names and role on one table line of that actor); the role assistant,
 * given each actor's behaviours, must answer exactly the printed roles.
 */
class AnnexATablesTest {

    /** A printed table row: the actor, the behaviours as named in the row, the role as printed in its last column. */
    private record Row(String actor, List<String> printed, Set<Behaviour> behaviours, String role) {}

    /** The roles as the tables print them. */
    private static final Map<String, PartyRole> ROLES = Map.of(
            "云服务提供者",
            PartyRole.PROVIDER,
            "云服务提供者（联合）",
            PartyRole.PROVIDER,
            "软件提供者",
            PartyRole.PARTNER_SOFTWARE,
            "硬件提供者",
            PartyRole.PARTNER_HARDWARE,
            "运维服务提供者",
            PartyRole.PARTNER_OM_SERVICE,
            "安全服务提供商",
            PartyRole.PARTNER_SECURITY_SERVICE,
            "安全服务提供者",
            PartyRole.PARTNER_SECURITY_SERVICE,
            "客户",
            PartyRole.CUSTOMER,
            "云服务客户",
            PartyRole.CUSTOMER);

    private static final List<String> PROVIDING = List.of("提供云服务", "选择云计算平台软件", "管理云计算平台运维", "控制底层硬件", "决定云服务安全能力");
    private static final Set<Behaviour> PROVIDER_BEHAVIOURS = EnumSet.of(
            PROVIDE_CLOUD_SERVICE,
            SELECT_PLATFORM_SOFTWARE,
            MANAGE_PLATFORM_OM,
            CONTROL_UNDERLYING_HARDWARE,
            DECIDE_SECURITY_CAPABILITY);

    private static final Map<String, List<Row>> TABLES = Map.of(
            "A.1",
                    List.of(
                            new Row("A 组织", PROVIDING, PROVIDER_BEHAVIOURS, "云服务提供者"),
                            new Row("B 组织", List.of("提供云计算平台软件"), EnumSet.of(PROVIDE_PLATFORM_SOFTWARE), "软件提供者"),
                            new Row("C 组织", List.of("提供运维服务"), EnumSet.of(PROVIDE_OM_SERVICE), "运维服务提供者"),
                            new Row("C 组织", List.of("提供安全服务"), EnumSet.of(PROVIDE_SECURITY_SERVICE), "安全服务提供商"),
                            new Row("D 组织", List.of("提供物理机房"), EnumSet.of(PROVIDE_MACHINE_ROOM), "硬件提供者"),
                            new Row("E 组织", List.of("提供物理服务器"), EnumSet.of(PROVIDE_PHYSICAL_SERVERS), "硬件提供者"),
                            new Row("F 组织", List.of("使用云服务"), EnumSet.of(USE_CLOUD_SERVICE), "客户")),
            "A.2",
                    List.of(
                            new Row(
                                    "A 组织",
                                    List.of("提供云服务", "选择云计算平台软件", "管理云计算平台运维", "决定云服务安全能力"),
                                    EnumSet.of(
                                            PROVIDE_CLOUD_SERVICE,
                                            SELECT_PLATFORM_SOFTWARE,
                                            MANAGE_PLATFORM_OM,
                                            DECIDE_SECURITY_CAPABILITY),
                                    "云服务提供者（联合）"),
                            new Row("B 组织", List.of("控制底层硬件"), EnumSet.of(CONTROL_UNDERLYING_HARDWARE), "云服务提供者（联合）"),
                            new Row("B 组织", List.of("提供云计算平台软件"), EnumSet.of(PROVIDE_PLATFORM_SOFTWARE), "软件提供者"),
                            new Row("C 组织", List.of("提供运维服务"), EnumSet.of(PROVIDE_OM_SERVICE), "运维服务提供者"),
                            new Row("D 组织", List.of("提供物理机房"), EnumSet.of(PROVIDE_MACHINE_ROOM), "硬件提供者"),
                            new Row("E 组织", List.of("提供物理服务器"), EnumSet.of(PROVIDE_PHYSICAL_SERVERS), "硬件提供者"),
                            new Row("F 组织", List.of("提供安全服务"), EnumSet.of(PROVIDE_SECURITY_SERVICE), "安全服务提供商"),
                            new Row("G 组织", List.of("使用云服务"), EnumSet.of(USE_CLOUD_SERVICE), "客户")),
            "A.3",
                    List.of(
                            new Row("A 组织", PROVIDING, PROVIDER_BEHAVIOURS, "云服务提供者（联合）"),
                            new Row("A 组织", List.of("提供运维服务"), EnumSet.of(PROVIDE_OM_SERVICE), "运维服务提供者"),
                            new Row(
                                    "A 组织",
                                    List.of("提供物理机房和物理服务器"),
                                    EnumSet.of(PROVIDE_MACHINE_ROOM, PROVIDE_PHYSICAL_SERVERS),
                                    "硬件提供者"),
                            new Row(
                                    "B 组织",
                                    List.of("管理云计算平台运维", "控制底层硬件", "决定云服务的安全能力"),
                                    EnumSet.of(
                                            MANAGE_PLATFORM_OM,
                                            CONTROL_UNDERLYING_HARDWARE,
                                            DECIDE_SECURITY_CAPABILITY),
                                    "云服务提供者（联合）"),
                            new Row("C 组织", List.of("提供云计算平台软件"), EnumSet.of(PROVIDE_PLATFORM_SOFTWARE), "软件提供者"),
                            new Row("C 组织", List.of("提供运维服务"), EnumSet.of(PROVIDE_OM_SERVICE), "运维服务提供者"),
                            new Row("C 组织", List.of("提供安全服务"), EnumSet.of(PROVIDE_SECURITY_SERVICE), "安全服务提供者"),
                            new Row("D 组织", List.of("使用云服务"), EnumSet.of(USE_CLOUD_SERVICE), "云服务客户")));

    /** Each table's lines, as (actor, line), the actor carried onto the rows that do not repeat it. */
    private static final Map<String, List<String[]>> PRINTED = new LinkedHashMap<>();

    private final RoleAssistant assistant = TestCatalog.assistant();

    @BeforeAll
    static void readTheTables() throws IOException {
        List<String> lines =
                Files.readAllLines(Path.of("docs/standards/tccia-004-2024-cloud-responsibility-allocation.txt"));
        for (String table : TABLES.keySet()) {
            int start = lines.indexOf(lines.stream()
                    .filter(l -> l.startsWith("表 " + table + " "))
                    .findFirst()
                    .orElseThrow());
            List<String[]> rows = new ArrayList<>();
            String actor = null;
            for (int i = start + 1;
                    i < lines.size()
                            && !lines.get(i).startsWith("A.")
                            && !lines.get(i).equals("附录 B");
                    i++) {
                String l = lines.get(i);
                if (l.matches("^[A-G] 组织\t.*")) {
                    actor = l.substring(0, 4);
                }
                if (actor != null && l.contains("\t")) {
                    rows.add(new String[] {actor, l.strip()});
                }
            }
            PRINTED.put(table, rows);
        }
    }

    @ParameterizedTest(name = "表 {0}: the transcription is the standard's text")
    @ValueSource(strings = {"A.1", "A.2", "A.3"})
    void theTranscriptionIsTheTablesText(String table) {
        for (Row r : TABLES.get(table)) {
            assertThat(PRINTED.get(table))
                    .as("%s %s %s", table, r.actor(), r.role())
                    .anyMatch(p -> p[0].equals(r.actor())
                            && p[1].endsWith("\t" + r.role())
                            && r.printed().stream().allMatch(p[1]::contains));
        }
        // and every printed row is transcribed: as many role cells as rows
        assertThat(PRINTED.get(table).stream()
                        .filter(p -> ROLES.keySet().stream().anyMatch(x -> p[1].endsWith("\t" + x))))
                .hasSize(TABLES.get(table).size());
    }

    @ParameterizedTest(name = "表 {0}: each actor's behaviours give exactly the printed roles")
    @ValueSource(strings = {"A.1", "A.2", "A.3"})
    void theRoleAssistantGivesThePrintedRoles(String table) {
        Map<String, Set<Behaviour>> performed = new LinkedHashMap<>();
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        for (Row r : TABLES.get(table)) {
            performed
                    .computeIfAbsent(r.actor(), k -> EnumSet.noneOf(Behaviour.class))
                    .addAll(r.behaviours());
            expected.computeIfAbsent(r.actor(), k -> new HashSet<>())
                    .add(ROLES.get(r.role()) + (r.role().endsWith("（联合）") ? " joint" : ""));
        }

        Map<String, List<RoleProposal>> proposed = assistant.determine(performed);

        assertThat(proposed.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        proposed.forEach((actor, proposals) -> assertThat(proposals.stream()
                        .map(p -> p.role() + (p.joint() ? " joint" : ""))
                        .collect(Collectors.toSet()))
                .as("%s %s", table, actor)
                .isEqualTo(expected.get(actor)));
    }
}
