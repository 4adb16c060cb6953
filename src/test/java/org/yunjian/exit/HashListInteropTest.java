package org.yunjian.exit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sha256sum / sm3sum / hashdeep lists, checked against the real tools where they are installed. */
class HashListInteropTest {

    static final Path HASHDEEP = Path.of("/usr/bin/hashdeep");

    @TempDir
    Path tmp;

    ExitFixture fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new ExitFixture(tmp);
        Files.writeString(fx.tree.resolve("docs/comma,in name.txt"), "commas");
    }

    @Test
    void readsListsWrittenByRealHashdeepAndFindsDifferences() throws Exception {
        requireHashdeep();
        Path relative = tmp.resolve("rel.hashdeep");
        Path absolute = tmp.resolve("abs.hashdeep");
        run(fx.tree, relative, "hashdeep", "-c", "sha256", "-l", "-r", ".");
        run(fx.tree, absolute, "hashdeep", "-c", "sha256", "-r", fx.tree.toString());
        assertThat(Files.readString(relative)).startsWith("%%%% HASHDEEP-1.0");
        for (Path list : List.of(relative, absolute)) {
            assertThat(fx.cli("exit", "verify", "--list", list.toString(), "--format", "hashdeep", fx.tree.toString()))
                    .as(fx.out + fx.err)
                    .isZero();
            assertThat(fx.out).contains("6 expected, 6 ok").contains("signature: NOT_APPLICABLE");
        }
        Files.writeString(fx.tree.resolve("docs/comma,in name.txt"), "COMMAS");
        assertThat(fx.cli("exit", "verify", "--list", relative.toString(), "--format", "hashdeep", fx.tree.toString()))
                .isEqualTo(1);
        assertThat(fx.out).contains("HASH_MISMATCH  docs/comma,in name.txt");
    }

    @Test
    void exportedHashdeepListIsAcceptedByHashdeepAudit() throws Exception {
        requireHashdeep();
        Path m = fx.build("--algorithm", "sha256");
        Path list = tmp.resolve("known.hashdeep");
        assertThat(fx.cli(
                        "exit",
                        "manifest",
                        "export",
                        "--manifest",
                        m.toString(),
                        "--format",
                        "hashdeep",
                        "--out",
                        list.toString()))
                .isZero();
        String audit = run(
                fx.tree,
                tmp.resolve("audit.txt"),
                "hashdeep",
                "-c",
                "sha256",
                "-l",
                "-r",
                "-a",
                "-k",
                list.toString(),
                ".");
        assertThat(audit).contains("Audit passed");
    }

    @Test
    void exportedSha256sumListIsAcceptedBySha256sumAndReadBack() throws Exception {
        Path m = fx.build("--algorithm", "sha256");
        Path list = tmp.resolve("SHA256SUMS");
        assertThat(fx.cli(
                        "exit",
                        "manifest",
                        "export",
                        "--manifest",
                        m.toString(),
                        "--format",
                        "sha256sum",
                        "--out",
                        list.toString()))
                .isZero();
        if (Files.isExecutable(Path.of("/usr/bin/sha256sum"))) {
            String check = run(fx.tree, tmp.resolve("check.txt"), "sha256sum", "-c", list.toString());
            assertThat(check).contains("a.txt: OK").doesNotContain("FAILED");
        }
        assertThat(fx.cli("exit", "verify", "--list", list.toString(), "--format", "sha256sum", fx.tree.toString()))
                .isZero();
        Files.delete(fx.tree.resolve("a.txt"));
        assertThat(fx.cli("exit", "verify", "--list", list.toString(), "--format", "sha256sum", fx.tree.toString()))
                .isEqualTo(1);
        assertThat(fx.out).contains("MISSING        a.txt");
    }

    @Test
    void sm3sumListRoundTripsAndRefusesTheWrongAlgorithm() throws IOException {
        Path m = fx.build();
        Path list = tmp.resolve("SM3SUMS");
        assertThat(fx.cli(
                        "exit",
                        "manifest",
                        "export",
                        "--manifest",
                        m.toString(),
                        "--format",
                        "sm3sum",
                        "--out",
                        list.toString()))
                .isZero();
        assertThat(Files.readString(list))
                .contains(org.yunjian.crypto.Sm3.hex("hello\n".getBytes(StandardCharsets.UTF_8)) + "  a.txt\n");
        assertThat(fx.cli("exit", "verify", "--list", list.toString(), "--format", "sm3sum", fx.tree.toString()))
                .isZero();
        assertThat(fx.cli("exit", "manifest", "export", "--manifest", m.toString(), "--format", "sha256sum"))
                .isEqualTo(2);
        assertThat(fx.err).contains("uses sm3, a sha256sum list needs sha256");
    }

    @Test
    void rejectsListsThatClimbOutOfTheTree() throws IOException {
        Path list = tmp.resolve("bad");
        Files.writeString(list, "0".repeat(64) + "  ../outside\n");
        assertThat(fx.cli("exit", "verify", "--list", list.toString(), "--format", "sha256sum", fx.tree.toString()))
                .isEqualTo(2);
        assertThat(fx.err).contains("line 1").contains("'..'");
        Files.writeString(list, "%%%% HASHDEEP-1.0\n%%%% size,sha256,filename\n1," + "0".repeat(64) + ",/etc/passwd\n");
        assertThat(fx.cli("exit", "verify", "--list", list.toString(), "--format", "hashdeep", fx.tree.toString()))
                .isEqualTo(2);
        assertThat(fx.err).contains("outside");
    }

    private static void requireHashdeep() {
        if (!Files.isExecutable(HASHDEEP)) {
            String msg = "hashdeep not installed (Debian package hashdeep)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(msg + "; CI=true makes the hashdeep interop tests mandatory");
            }
            System.err.println("*** NOTICE: " + msg + ": hashdeep interop test SKIPPED ***");
            Assumptions.abort(msg);
        }
    }

    private static String run(Path dir, Path output, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(false)
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        p.waitFor();
        return Files.readString(output);
    }
}
