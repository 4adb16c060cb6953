package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.catalog.PartyRole;
import org.yunjian.cli.CliRunner;
import org.yunjian.party.Engagement;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;
import org.yunjian.security.Role;
import org.yunjian.security.TestAccounts;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.IfMatch;

/**
 * Changing a matrix from the command line, through the real services and database: generate, the role assistant
 * (proposal shown, nothing stored until confirmed), hand-on citing a clause and the third level refused with
 * 5 b) 1) named, take-back, sign-off refused without --confirm and by the wrong side, every change audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class MatrixCommandsTests {

    static final String DUTY = "TCCIA004-8.2.4-b";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CliRunner cli;

    @Autowired
    UserAdministration users;

    Fixtures.World w;
    Organization security;
    Organization sub;
    String customer;
    String provider;

    @BeforeEach
    void systemWithPartners() {
        w = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        security = fixtures.organization("安全服务商 " + tag, PartyRole.PARTNER_SECURITY_SERVICE);
        sub = fixtures.organization("分包商 " + tag, PartyRole.PARTNER_SECURITY_SERVICE);
        fixtures.engagement(
                "云平台运营 " + tag,
                w.system(),
                new Engagement.Participant(security.id(), PartyRole.PARTNER_SECURITY_SERVICE),
                new Engagement.Participant(sub.id(), PartyRole.PARTNER_SECURITY_SERVICE));
        customer = account(w.customer().id(), "客户");
        provider = account(w.provider().id(), "云服务商");
    }

    String account(UUID org, String who) {
        return account(users, org, who);
    }

    /** A user of {@code org} the CLI can act as. */
    static String account(UserAdministration users, UUID org, String who) {
        String name = "mc-" + UUID.randomUUID().toString().substring(0, 8);
        TestAccounts.create(
                users, new UserAdministration.NewUser(name, "命令行" + who, Role.USER, org, "Matrix-Cli-Test-2026!"));
        return name;
    }

    @Test
    void theWholeCycleFromTheCommandLine() throws Exception {
        String system = w.system().id().toString();
        StringWriter out = new StringWriter();
        assertThat(run(out, "generate", "--as", provider, "--system", system)).isEqualTo(1); // the customer generates
        assertThat(run(out, "generate", "--as", customer, "--system", system))
                .as(out.toString())
                .isZero();
        assertThat(out.toString()).contains("Saved as version 1 (Draft).");

        // the role assistant: a proposal with its Annex A rows, nothing stored until confirmed
        out.getBuffer().setLength(0);
        assertThat(run(
                        out,
                        "roles",
                        "--as",
                        customer,
                        "--system",
                        system,
                        "--organisation",
                        w.provider().id().toString(),
                        "--behaviour",
                        "PROVIDE_CLOUD_SERVICE",
                        "--behaviour",
                        "PROVIDE_PLATFORM_SOFTWARE"))
                .as(out.toString())
                .isZero();
        assertThat(out.toString())
                .contains("Proposed role: Cloud service provider (Annex A Table A.1, row 1", "Nothing stored.");
        assertThat(versions()).isEqualTo(1);
        out.getBuffer().setLength(0);
        assertThat(run(
                        out,
                        "roles",
                        "--as",
                        customer,
                        "--system",
                        system,
                        "--organisation",
                        w.provider().id().toString(),
                        "--behaviour",
                        "PROVIDE_CLOUD_SERVICE",
                        "--set",
                        "PARTNER_SOFTWARE"))
                .isEqualTo(2);
        assertThat(out.toString()).contains("reason");
        assertThat(run(
                        out,
                        "roles",
                        "--as",
                        customer,
                        "--system",
                        system,
                        "--organisation",
                        w.provider().id().toString(),
                        "--behaviour",
                        "PROVIDE_CLOUD_SERVICE",
                        "--confirm"))
                .isZero();
        assertThat(versions()).isEqualTo(2);

        // agreements (through REST), then hand-on twice, the third refused naming 5 b) 1)
        agreement("安全服务协议", w.provider().id(), security.id());
        agreement("安全分包协议", security.id(), sub.id());
        String[] row = {
            "--system",
            system,
            "--duty",
            DUTY,
            "--accountable",
            w.provider().id().toString(),
            "--role",
            "PROVIDER"
        };
        out.getBuffer().setLength(0);
        assertThat(run(
                        out,
                        concat(
                                new String[] {"hand-on", "--as", provider},
                                row,
                                "--to",
                                security.id().toString(),
                                "--agreement",
                                "安全服务协议",
                                "--clause",
                                "4.2")))
                .as(out.toString())
                .isZero();
        assertThat(run(
                        out,
                        concat(
                                new String[] {"hand-on", "--as", provider},
                                row,
                                "--to",
                                sub.id().toString(),
                                "--agreement",
                                "安全分包协议",
                                "--clause",
                                "2.1")))
                .as(out.toString())
                .isZero();
        int before = versions();
        out.getBuffer().setLength(0);
        assertThat(run(
                        out,
                        concat(
                                new String[] {"hand-on", "--as", provider},
                                row,
                                "--to",
                                w.provider().id().toString(),
                                "--agreement",
                                "安全服务协议",
                                "--clause",
                                "4.2")))
                .isEqualTo(1);
        assertThat(out.toString()).contains("5 b) 1)");
        assertThat(versions()).isEqualTo(before);
        assertThat(run(out, concat(new String[] {"take-back", "--as", provider}, row)))
                .isZero();
        assertThat(versions()).isEqualTo(before + 1);

        // sign-off: --confirm required, each side for itself
        out.getBuffer().setLength(0);
        assertThat(run(out, "sign-off", "--as", customer, "--system", system, "--side", "CUSTOMER"))
                .isEqualTo(2);
        assertThat(out.toString()).contains("add --confirm");
        assertThat(run(out, "sign-off", "--as", customer, "--system", system, "--side", "PROVIDER", "--confirm"))
                .isEqualTo(1);
        List<String> actions = jdbc.sql("SELECT action FROM audit_event WHERE object_id = (SELECT CAST(id AS "
                        + "VARCHAR(36)) FROM responsibility_matrix WHERE system_id = ?)")
                .param(w.system().id())
                .query(String.class)
                .list();
        assertThat(actions).contains("responsibility.create", "responsibility.roles.decide", "responsibility.row.edit");
    }

    /**
     * Issue 36: T/CCIA 004-2024 5 b) 2) "实施工作转移至云服务合作者前需签署合同协议" and 5 a) 3) "并应明确云服务提供者对实施工作的
     * 监督权利和责任" from the command line: {@code agreement} records an agreement with its signing date and clauses,
     * {@code hand-on} without {@code --on} takes today, {@code hand-over} records the day of a hop; the check names a
     * hop whose agreement was signed after it, and is clean once the day is right.
     */
    @Test
    void recordsAnAgreementAndTheDayOfAHandOverFromTheCommandLine_5b2() throws Exception {
        String system = w.system().id().toString();
        StringWriter out = new StringWriter();
        assertThat(run(out, "generate", "--as", customer, "--system", system))
                .as(out.toString())
                .isZero();
        out.getBuffer().setLength(0);
        assertThat(run(
                        out,
                        "agreement",
                        "--as",
                        provider,
                        "--system",
                        system,
                        "--name",
                        "安全服务协议",
                        "--party-a",
                        w.provider().id().toString(),
                        "--party-b",
                        security.id().toString(),
                        "--clause",
                        "4.1",
                        "--clause",
                        "4.3",
                        "--signed-on",
                        "2026-01-10",
                        "--supervision-clause",
                        "4.1",
                        "--accountability-clause",
                        "4.3"))
                .as(out.toString())
                .isZero();
        assertThat(out.toString()).contains("Saved as version 2 (Draft).");
        String[] row = {
            "--system",
            system,
            "--duty",
            DUTY,
            "--accountable",
            w.provider().id().toString(),
            "--role",
            "PROVIDER"
        };
        assertThat(run(
                        out,
                        concat(
                                new String[] {"hand-on", "--as", provider},
                                row,
                                "--to",
                                security.id().toString(),
                                "--agreement",
                                "安全服务协议",
                                "--clause",
                                "4.2",
                                "--on",
                                "2026-01-05")))
                .as(out.toString())
                .isZero();
        String matrix = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/api/systems/{id}/responsibility", w.system().id())
                        .with(as(user(w.customer().id()))))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(
                        matrix, "$.agreements[?(@.name=='安全服务协议')].signedOn"))
                .containsExactly("2026-01-10");
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(
                        matrix, "$.agreements[?(@.name=='安全服务协议')].supervisionClause"))
                .containsExactly("4.1");
        // handed over before the agreement was signed: the check names the hop
        out.getBuffer().setLength(0);
        assertThat(run(out, "check", "--as", customer, "--system", system)).isEqualTo(3);
        assertThat(out.toString()).contains("5 b) 2)", security.name(), "安全服务协议");
        // the day corrected: hop 1 handed over after the signing
        out.getBuffer().setLength(0);
        assertThat(run(
                        out,
                        concat(new String[] {"hand-over", "--as", provider}, row, "--hop", "1", "--on", "2026-01-20")))
                .as(out.toString())
                .isZero();
        matrix = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/api/systems/{id}/responsibility", w.system().id())
                        .with(as(user(w.customer().id()))))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(
                        matrix, "$.rows[?(@.duty=='" + DUTY + "')].assignments[0].chain[0].handedOverOn"))
                .containsExactly("2026-01-20");
        out.getBuffer().setLength(0);
        run(out, "check", "--as", customer, "--system", system);
        assertThat(out.toString()).doesNotContain("signed after", "hand-over is not recorded");
        // a hop the chain does not have, a day still to come: refused naming the field, nothing stored
        int before = versions();
        out.getBuffer().setLength(0);
        assertThat(run(
                        out,
                        concat(new String[] {"hand-over", "--as", provider}, row, "--hop", "2", "--on", "2026-01-20")))
                .isEqualTo(2);
        assertThat(out.toString()).contains("hop 2");
        assertThat(run(
                        out,
                        concat(new String[] {"hand-over", "--as", provider}, row, "--hop", "1", "--on", "2999-01-01")))
                .isEqualTo(2);
        assertThat(versions()).isEqualTo(before);
    }

    void agreement(String name, UUID a, UUID b) throws Exception {
        mvc.perform(post(
                                "/api/systems/{id}/responsibility/agreements",
                                w.system().id())
                        .with(as(user(w.customer().id())))
                        .with(IfMatch.currentMatrix(jdbc, w.system().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"name":"%s","partyA":"%s","partyB":"%s","clauses":["2.1","4.2"]}""".formatted(name, a, b)))
                .andExpect(status().isCreated());
    }

    int versions() {
        return jdbc.sql("SELECT COUNT(*) FROM responsibility_matrix_version v JOIN responsibility_matrix m "
                        + "ON m.id = v.matrix_id WHERE m.system_id = ?")
                .param(w.system().id())
                .query(Integer.class)
                .single();
    }

    static String[] concat(String[] head, String[] middle, String... tail) {
        String[] all = new String[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }

    int run(StringWriter sink, String... args) {
        return run(cli, sink, args);
    }

    /** {@code yunjian responsibility ARGS} in English, its output and errors into {@code sink}. */
    static int run(CliRunner cli, StringWriter sink, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "responsibility";
        System.arraycopy(args, 0, all, 1, args.length);
        var commandLine = cli.commandLine();
        commandLine.setOut(new PrintWriter(sink, true));
        commandLine.setErr(new PrintWriter(sink, true));
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            return commandLine.execute(all);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
