package org.yunjian.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.yunjian.cli.CliRunner;
import org.yunjian.party.Fixtures;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.CliCapture;

/** {@code yunjian lifecycle plan ...} acting as named users, with the plan pages' rules, gates and refusals. */
@SpringBootTest
// the suite's common context (MockMvc and the party fixtures): one Spring start for all such classes
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class PlanCommandTests {

    @Autowired
    CliRunner cli;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAdministration users;

    final CliCapture io = new CliCapture();
    final StringWriter out = io.out;
    final StringWriter err = io.err;
    Fixtures.World w;
    String customer;
    String reviewer;

    @BeforeEach
    void accounts() {
        w = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        customer = "pl-c-" + tag;
        reviewer = "pl-r-" + tag;
        org.yunjian.security.TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        customer, "\u5ba2\u6237\u7532", Role.USER, w.customer().id(), "Customer-Cli-Test-2026!"));
        org.yunjian.security.TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        reviewer, "\u5ba2\u6237\u4e59", Role.USER, w.customer().id(), "Reviewer-Cli-Test-2026!"));
    }

    int run(String... args) {
        return io.run(cli, Locale.ENGLISH, args);
    }

    @Test
    void createWorkAcceptAndAGateThatNamesWhatIsMissing() {
        String system = w.system().id().toString();
        assertThat(run("lifecycle", "plan", "show-plan", "--system", system, "--as", customer))
                .isZero();
        assertThat(out.toString()).contains("has no lifecycle plan yet");
        assertThat(run("lifecycle", "plan", "create-plan", "--system", system, "--as", customer))
                .isZero();
        assertThat(out.toString())
                .contains("Lifecycle plan of", "open, 0% done", "not accepted", "6.1 ¶1", "6.3.2 lead-in", "6.2.1 a)");
        // issue 36 roles: the duties nobody takes are listed with why, per role (no 网站开发商 on the world's system)
        assertThat(out.toString())
                .contains(
                        "Duties nobody in the plan takes",
                        "Website developer: no organisation is registered on this cloud system in this role");

        Matcher first =
                Pattern.compile("^  ([0-9a-f-]{36})  ", Pattern.MULTILINE).matcher(out.toString());
        assertThat(first.find()).as("a duty line in " + out).isTrue();
        String duty = first.group(1);
        assertThat(run(
                        "lifecycle",
                        "plan",
                        "set-status",
                        "--system",
                        system,
                        "--duty",
                        duty,
                        "--status",
                        "DONE",
                        "--as",
                        customer))
                .isZero();
        assertThat(out.toString()).contains("is now \"Done\"");
        assertThat(run("lifecycle", "plan", "accept-duty", "--system", system, "--duty", duty, "--as", customer))
                .as("nobody accepts their own work")
                .isEqualTo(1);
        assertThat(run("lifecycle", "plan", "accept-duty", "--system", system, "--duty", duty, "--as", reviewer))
                .isZero();
        assertThat(out.toString()).contains("accepted");
        assertThat(run(
                        "lifecycle",
                        "plan",
                        "set-status",
                        "--system",
                        system,
                        "--duty",
                        duty,
                        "--status",
                        "NOT_APPLICABLE",
                        "--as",
                        customer))
                .as("not applicable needs a reason")
                .isEqualTo(2);
        assertThat(err.toString()).contains("reason");

        assertThat(run("lifecycle", "plan", "close-phase", "--system", system, "--phase", "EXIT", "--as", customer))
                .as("closing asks for confirmation")
                .isEqualTo(2);
        assertThat(err.toString()).contains("--confirm");
        assertThat(run(
                        "lifecycle",
                        "plan",
                        "close-phase",
                        "--system",
                        system,
                        "--phase",
                        "EXIT",
                        "--confirm",
                        "--as",
                        customer))
                .isEqualTo(3);
        assertThat(err.toString())
                .contains("No exit project of this system is finished yet", "The standard says: GB/T 31167 9.1 6.");

        assertThat(run(
                        "lifecycle",
                        "plan",
                        "show-plan",
                        "--system",
                        w.strangersSystem().id().toString(),
                        "--as",
                        customer))
                .isEqualTo(1);
    }
}
