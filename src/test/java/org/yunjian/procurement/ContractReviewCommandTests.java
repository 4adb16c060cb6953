package org.yunjian.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.yunjian.cli.CliRunner;
import org.yunjian.party.Fixtures;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.CliCapture;

/** {@code yunjian lifecycle contract|selection|needs} acting as named users, with the web's access rules. */
@SpringBootTest
// the suite's common context (MockMvc and the party fixtures): one Spring start for all such classes
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class ContractReviewCommandTests {

    @Autowired
    CliRunner cli;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAdministration users;

    @TempDir
    Path dir;

    final CliCapture io = new CliCapture();
    final StringWriter out = io.out;
    final StringWriter err = io.err;
    Fixtures.World w;
    String customer;
    String provider;

    @BeforeEach
    void accounts() {
        w = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        customer = "lc-c-" + tag;
        provider = "lc-p-" + tag;
        org.yunjian.security.TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        customer, "\u5ba2\u6237", Role.USER, w.customer().id(), "Customer-Cli-Test-2026!"));
        org.yunjian.security.TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        provider,
                        "\u4e91\u670d\u52a1\u5546",
                        Role.USER,
                        w.provider().id(),
                        "Provider-Cli-Test-2026!"));
    }

    int run(String... args) {
        return io.run(cli, Locale.ENGLISH, args);
    }

    @Test
    void contractListMarkAndDocx() throws Exception {
        String system = w.system().id().toString();
        assertThat(run("lifecycle", "contract", "list", "--system", system, "--as", customer))
                .isEqualTo(3);
        assertThat(out.toString())
                .contains("GOVWEB-6.6.1-d", "6.6.1 d)", "Not reviewed", "No provider selection decision yet");
        assertThat(run(
                        "lifecycle",
                        "contract",
                        "mark",
                        "--system",
                        system,
                        "--clause",
                        "GOVWEB-6.6.1-d",
                        "--status",
                        "PRESENT",
                        "--as",
                        customer))
                .isEqualTo(2);
        assertThat(err.toString()).contains("clause reference");
        assertThat(run(
                        "lifecycle",
                        "contract",
                        "mark",
                        "--system",
                        system,
                        "--clause",
                        "GOVWEB-6.6.1-d",
                        "--status",
                        "PRESENT",
                        "--reference",
                        "12",
                        "--as",
                        customer))
                .isEqualTo(3);
        assertThat(out.toString()).contains("Saved").doesNotContain("6.6.1 d) is");
        assertThat(run(
                        "lifecycle",
                        "contract",
                        "mark",
                        "--system",
                        system,
                        "--clause",
                        "GOVWEB-6.6.1-d",
                        "--status",
                        "MISSING",
                        "--as",
                        provider))
                .isEqualTo(1);
        Path file = dir.resolve("review.docx");
        assertThat(run("lifecycle", "contract", "docx", "--system", system, "--out", file.toString(), "--as", provider))
                .isZero();
        assertThat(Files.readAllBytes(file)).startsWith('P', 'K');
        assertThat(run("lifecycle", "selection", "list", "--system", system, "--as", provider))
                .isZero();
        assertThat(out.toString()).contains("6.5 a) 1)", "No selection decision");
        assertThat(run("lifecycle", "needs", "show", "--system", system, "--as", customer))
                .isZero();
        assertThat(out.toString()).contains("no needs analysis");
        assertThat(run(
                        "lifecycle",
                        "contract",
                        "list",
                        "--system",
                        w.strangersSystem().id().toString(),
                        "--as",
                        customer))
                .isEqualTo(1);
    }
}
