package org.yunjian.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.cli.CliTexts;
import org.yunjian.migration.cli.DrillCommand;
import org.yunjian.migration.cli.MigrationCommand;
import org.yunjian.migration.cli.SupervisionCommand;
import org.yunjian.party.Fixtures;
import org.yunjian.security.Role;
import org.yunjian.security.TestAccounts;
import org.yunjian.security.UserAdministration;
import picocli.CommandLine;

/**
 * The migration, drill and supervision subcommands run through picocli directly (the lifecycle parent command adds
 * them at merge), as named users against the real services and database: steps added and refused with the field
 * named, a drill recorded and shown, the Word documents written, a change decided only with --confirm and never by
 * the requesting organisation.
 */
@SpringBootTest
// the suite's common context (MockMvc and the party fixtures): one Spring start for all such classes
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class MigrationCommandTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAdministration users;

    @Autowired
    JdbcClient jdbc;

    Fixtures.World w;
    String customer;
    String provider;
    String system;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void world() {
        w = fixtures.world();
        customer = account(w.customer().id());
        provider = account(w.provider().id());
        system = w.system().id().toString();
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    String account(UUID org) {
        String name = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        TestAccounts.create(users, new UserAdministration.NewUser(name, "命令行用户", Role.USER, org, "Ops-Cli-Test-2026!"));
        return name;
    }

    int run(Object command, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = new CommandLine(command, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type.getPackageName().startsWith("org.yunjian")
                        ? context.getAutowireCapableBeanFactory().createBean(type)
                        : CommandLine.defaultFactory().create(type);
            }
        });
        CliTexts.apply(cl);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void migrationFromTheCommandLine(@TempDir Path dir) throws Exception {
        assertThat(run(
                        new MigrationCommand(),
                        "add-step",
                        "--as",
                        provider,
                        "--system",
                        system,
                        "--description",
                        "迁移",
                        "--owner",
                        w.provider().id().toString(),
                        "--start",
                        "2026-10-10T22:00",
                        "--end",
                        "2026-10-11T04:00"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("云服务客户");
        assertThat(run(
                        new MigrationCommand(),
                        "add-step",
                        "--as",
                        customer,
                        "--system",
                        system,
                        "--description",
                        "迁移",
                        "--owner",
                        w.provider().id().toString(),
                        "--start",
                        "2026-10-11T04:00",
                        "--end",
                        "2026-10-10T22:00"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("windowEnd", "结束时间必须晚于开始时间");
        assertThat(run(
                        new MigrationCommand(),
                        "add-step",
                        "--as",
                        customer,
                        "--system",
                        system,
                        "--description",
                        "迁移网站程序",
                        "--owner",
                        w.provider().id().toString(),
                        "--start",
                        "2026-10-10T22:00",
                        "--end",
                        "2026-10-11T04:00"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("已保存迁移步骤 1：迁移网站程序（计划中");
        String step = jdbc.sql("SELECT id FROM lifecycle_migration_step WHERE system_id = ?")
                .param(w.system().id())
                .query(UUID.class)
                .single()
                .toString();
        assertThat(run(
                        new MigrationCommand(),
                        "set-step",
                        "--as",
                        provider,
                        "--system",
                        system,
                        "--step",
                        step,
                        "--status",
                        "DONE"))
                .as(err.toString())
                .isZero();
        assertThat(run(new MigrationCommand(), "show-migration", "--as", customer, "--system", system))
                .isZero();
        assertThat(out.toString())
                .contains("迁移网站程序", w.provider().name(), "已完成", "2026-10-10 22:00 至 2026-10-11 04:00");
        Path docx = dir.resolve("plan.docx");
        assertThat(run(
                        new MigrationCommand(),
                        "export-migration",
                        "--as",
                        customer,
                        "--system",
                        system,
                        "--out",
                        docx.toString()))
                .isZero();
        assertThat(OpsTestSupport.text(
                        OpsTestSupport.docxParts(Files.readAllBytes(docx)).get("word/document.xml")))
                .contains("迁移实施方案", "迁移网站程序");
    }

    @Test
    void drillsAndChangesFromTheCommandLine(@TempDir Path dir) throws Exception {
        String held = LocalDate.now().minusDays(1).toString();
        assertThat(run(
                        new DrillCommand(),
                        "record-drill",
                        "--as",
                        provider,
                        "--system",
                        system,
                        "--held-on",
                        held,
                        "--scenario",
                        "DDoS 攻击",
                        "--category",
                        "NETWORK_ATTACK",
                        "--participants",
                        "云服务商安全运营中心",
                        "--findings",
                        "清洗切换用时过长",
                        "--task",
                        "优化切换脚本",
                        "--task-owner",
                        w.provider().id().toString(),
                        "--task-due",
                        LocalDate.now().plusDays(30).toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("DDoS 攻击", "整改任务 1 项");
        // issue 36: the drill's category, what 8.5 b)'s per-category obligation counts from
        assertThat(jdbc.sql("SELECT category FROM lifecycle_drill WHERE system_id = ?")
                        .param(w.system().id())
                        .query(String.class)
                        .single())
                .isEqualTo("NETWORK_ATTACK");
        assertThat(run(new DrillCommand(), "show-drills", "--as", customer, "--system", system))
                .isZero();
        assertThat(out.toString()).contains("尚未制定应急预案。", "演练 " + held + "：DDoS 攻击", "优化切换脚本", "未完成");
        Path docx = dir.resolve("drills.docx");
        assertThat(run(
                        new DrillCommand(),
                        "export-drills",
                        "--as",
                        customer,
                        "--system",
                        system,
                        "--out",
                        docx.toString()))
                .isZero();
        assertThat(Files.size(docx)).isPositive();

        assertThat(run(
                        new SupervisionCommand(),
                        "request-change",
                        "--as",
                        customer,
                        "--system",
                        system,
                        "--title",
                        "数据库参数调整",
                        "--reason",
                        "性能",
                        "--start",
                        "2026-12-05T22:00",
                        "--end",
                        "2026-12-05T23:00",
                        "--risk",
                        "LOW",
                        "--risk-notes",
                        "可随时回退"))
                .as(err.toString())
                .isZero();
        String change = jdbc.sql("SELECT id FROM lifecycle_supervision_change WHERE system_id = ?")
                .param(w.system().id())
                .query(UUID.class)
                .single()
                .toString();
        assertThat(run(
                        new SupervisionCommand(),
                        "decide-change",
                        "--as",
                        customer,
                        "--system",
                        system,
                        "--change",
                        change,
                        "--approve"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--confirm");
        assertThat(run(
                        new SupervisionCommand(),
                        "decide-change",
                        "--as",
                        customer,
                        "--system",
                        system,
                        "--change",
                        change,
                        "--approve",
                        "--confirm"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("不能由本单位审批");
        assertThat(run(new SupervisionCommand(), "show-supervision", "--as", customer, "--system", system))
                .isZero();
        assertThat(out.toString()).contains("数据库参数调整", "待审批", w.customer().name());
    }
}
