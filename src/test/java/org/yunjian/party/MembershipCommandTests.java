package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.party.PartyTestSupport.runAs;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.cli.CliRunner;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.Role;
import org.yunjian.support.CliCapture;

/**
 * {@code yunjian membership} (issue 57): the provider's administrator lists who sees what, assigns its engineer to the
 * customer's system (the engineer then sees it, and nothing before), ends it, gives and withdraws the grant; a member
 * who is not an administrator is refused, and an unknown member or system is bad input naming it. The answer is on
 * stdout alone.
 */
@org.yunjian.support.CommonContext
@Tag("database")
class MembershipCommandTests {

    @Autowired
    CliRunner cli;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationAdministration orgAdmins;

    @Autowired
    Parties parties;

    @Autowired
    JdbcClient jdbc;

    Fixtures.World w;
    String admin;
    String engineer;
    CurrentUser engineerUser;

    @BeforeEach
    void provider() {
        w = fixtures.world();
        admin = "ma" + UUID.randomUUID().toString().substring(0, 8);
        engineer = "me" + UUID.randomUUID().toString().substring(0, 8);
        orgAdmins.createInvited(
                admin, "服务商管理员", "Membership-Cli-2026!", w.provider().id(), true, "test");
        UUID id = orgAdmins.createInvited(
                engineer, "服务商工程师", "Membership-Cli-2026!", w.provider().id(), false, "test");
        // need to know: the engineer starts with neither the grant nor an assignment
        jdbc.sql("DELETE FROM visibility_grant WHERE user_id = ?").param(id).update();
        engineerUser = new CurrentUser(id, engineer, w.provider().id(), Role.USER);
    }

    @Test
    void theAdministratorAssignsAndGrantsFromTheCommandLine() {
        assertThat(sees()).isFalse();
        CliCapture io = run("membership", "list", "--as", admin);
        assertThat(io.out.toString())
                .contains("服务商工程师 (" + engineer + "): Assigned systems only; assigned: Not assigned to any system");

        io = run("membership", "assign", "--as", admin, engineer, w.system().name());
        assertThat(io.out.toString())
                .contains("Assigned 服务商工程师 to the system \"" + w.system().name() + "\"");
        assertThat(io.err.toString()).isEmpty();
        assertThat(sees()).isTrue();
        assertThat(run("membership", "list", "--as", admin).out.toString())
                .contains("assigned: " + w.system().name());

        run("membership", "unassign", "--as", admin, engineer, w.system().id().toString());
        assertThat(sees()).isFalse();

        assertThat(run("membership", "grant", "--as", admin, engineer).out.toString())
                .contains("may now see every system");
        assertThat(sees()).isTrue();
        run("membership", "grant", "--as", admin, engineer, "--withdraw");
        assertThat(sees()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action IN ('assignment.add', 'assignment.remove',"
                                + " 'visibility.grant', 'visibility.revoke') AND username = ?")
                        .param(admin)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void aMemberIsRefusedAndUnknownNamesAreBadInput() {
        CliCapture io = new CliCapture();
        assertThat(io.run(
                        cli,
                        Locale.ENGLISH,
                        "membership",
                        "assign",
                        "--as",
                        engineer,
                        engineer,
                        w.system().name()))
                .isNotZero();
        assertThat(io.out.toString()).isEmpty();
        assertThat(sees()).isFalse();

        io = new CliCapture();
        assertThat(io.run(cli, Locale.ENGLISH, "membership", "assign", "--as", admin, "nobody-here", "无此系统"))
                .isEqualTo(2);
        assertThat(io.err.toString()).contains("\"nobody-here\"", "\"无此系统\"");
        assertThat(io.out.toString()).isEmpty();
    }

    private CliCapture run(String... args) {
        CliCapture io = new CliCapture();
        assertThat(io.run(cli, Locale.ENGLISH, args)).as(io.err.toString()).isZero();
        return io;
    }

    private boolean sees() {
        return runAs(engineerUser, () -> parties.canSee(w.system().id()));
    }
}
