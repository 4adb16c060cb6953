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
        return run(java.util.Map.of(), args);
    }

    private String run(java.util.Map<String, String> env, String... args) throws Exception {
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
        pb.environment().remove("LC_ALL");
        pb.environment().remove("LC_MESSAGES");
        pb.environment().putAll(env);
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

    /**
     * Issue 61: {@code yunjian --help} lists every group — also those that only run through a server, such as
     * {@code monitors} — and under {@code LANG=zh_CN.UTF-8}, with no {@code --lang}, its headings and descriptions are
     * Chinese, from the {@code messages/cli*.properties} bundles.
     */
    @Test
    void helpListsEveryGroupAndFollowsTheUsersLanguage() throws Exception {
        String en = run(java.util.Map.of("LANG", "en_US.UTF-8"), "--help");
        List<String> groups = new ArrayList<>(List.of("login", "logout", "serve", "exit", "api", "restore"));
        groups.addAll(org.yunjian.cli.remote.RemoteCli.groups());
        for (String group : groups) {
            assertThat(en).as(group).containsPattern("(?m)^  " + java.util.regex.Pattern.quote(group) + "\\s");
        }
        assertThat(en).startsWith("Usage: yunjian").contains("Commands:", "Website security monitoring");

        String zh = run(java.util.Map.of("LANG", "zh_CN.UTF-8"), "--help");
        assertThat(zh)
                .startsWith("用法：yunjian")
                .contains("命令：", "网站安全监测", "显示帮助并退出。")
                .doesNotContain("Usage:", "Commands:", "Show this help message");
        assertThat(run(java.util.Map.of("LANG", "zh_CN.UTF-8"), "monitors", "--help"))
                .startsWith("用法：yunjian monitors")
                .contains("列出云系统的监测项")
                .doesNotContain("Usage:");
    }
}
