package org.yunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code yunjian --help}, {@code --version} and a command's {@code --help} run from {@code Application.main} without
 * starting Spring or opening the database, so they answer while a server holds the embedded database.
 */
@org.yunjian.support.RunsBesideTheSuite
class HelpLaunchTest {

    @TempDir
    Path tmp;

    private String run(String... args) throws Exception {
        Path log = tmp.resolve("classes.log");
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log,
                "-cp",
                System.getProperty("java.class.path"),
                "org.yunjian.Application"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("YUNJIAN_DATA_DIR", tmp.resolve("data").toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(out);
        assertThat(p.exitValue()).as(printed + Files.readString(err)).isZero();
        assertThat(Files.readString(log))
                .contains("org.yunjian.cli.CliRunner")
                .doesNotContain("org.springframework.boot.SpringApplication ")
                .doesNotContain("org.h2.Driver ");
        assertThat(tmp.resolve("data")).doesNotExist();
        return printed;
    }

    @Test
    void helpNeitherStartsSpringNorOpensTheDatabase() throws Exception {
        assertThat(run("--help", "--lang=en"))
                .startsWith("Usage: yunjian [-hV] [COMMAND]")
                .contains("assessment", "responsibility", "exit", "serve");
        assertThat(run("--lang=zh-CN", "assessment", "report", "--help"))
                .startsWith("用法：yunjian assessment report")
                .contains("--format");
    }
}
