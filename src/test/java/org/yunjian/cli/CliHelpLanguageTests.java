package org.yunjian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yunjian.backup.BackupMessages;
import org.yunjian.backup.cli.BackupCli;
import org.yunjian.exit.ExitTexts;
import org.yunjian.exit.cli.ExitCli;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command of {@code yunjian} and every option it takes is described from the bundles in the CLI's language:
 * in Chinese each description holds Chinese, in English none does (command names, option names and file names
 * such as MANIFEST.sm3 are not translated).
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@org.springframework.context.annotation.Import(org.yunjian.party.Fixtures.class)
@Tag("database")
// the suite's common context (MockMvc and the party fixtures): no Spring start of its own
@org.yunjian.support.OnePass
class CliHelpLanguageTests {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** Commands whose help is still written in the annotations (issue 11: being moved to the bundles). */
    static final Set<String> PENDING = Set.of();

    /** Entries that only list a command run outside the Spring CLI: {@code Application.main} hands them on first. */
    static final Set<String> DELEGATES = Set.of(
            "yunjian exit",
            "yunjian keys",
            "yunjian api",
            "yunjian report",
            "yunjian login",
            "yunjian logout",
            "yunjian restore",
            "yunjian monitors");

    @Autowired
    CliRunner cli;

    @Test
    void everyCommandAndOptionIsDescribedInTheChosenLanguage() {
        SoftAssertions soft = new SoftAssertions();
        for (Locale language : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            LocaleContextHolder.setLocale(language);
            try {
                for (CommandSpec spec : tree(cli.commandLine().getCommandSpec())) {
                    if (PENDING.stream().anyMatch(p -> spec.qualifiedName().startsWith(p))) {
                        continue;
                    }
                    checkCommand(soft, language, spec);
                }
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        }
        soft.assertAll();
    }

    /**
     * The offline commands ({@code yunjian exit …}, {@code yunjian keys …}) are built outside {@link CliRunner}, without
     * Spring, and take their help from the exit bundles: the same checks over their trees.
     */
    @Test
    void everyOfflineCommandAndOptionIsDescribedInTheChosenLanguage() {
        SoftAssertions soft = new SoftAssertions();
        try {
            for (Locale language : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                for (String root : List.of("exit", "keys")) {
                    List<CommandSpec> commands =
                            tree(ExitCli.commandLine(root, language).getCommandSpec());
                    soft.assertThat(commands).as(root + " subcommands").hasSizeGreaterThan(3);
                    for (CommandSpec spec : commands) {
                        checkCommand(soft, language, spec);
                    }
                }
            }
        } finally {
            ExitTexts.use(Locale.getDefault());
        }
        soft.assertAll();
    }

    @Test
    void offlineHelpIsPrintedInTheChosenLanguage() {
        StringWriter zh = new StringWriter();
        StringWriter en = new StringWriter();
        assertThat(ExitCli.run(
                        new PrintWriter(zh, true),
                        new PrintWriter(new StringWriter(), true),
                        "exit",
                        "verify",
                        "--help",
                        "--lang",
                        "zh"))
                .isZero();
        assertThat(ExitCli.run(
                        new PrintWriter(en, true),
                        new PrintWriter(new StringWriter(), true),
                        "exit",
                        "verify",
                        "--help",
                        "--lang=en"))
                .isZero();
        assertThat(zh.toString()).contains("核验", "签名方的 SM2 公钥", "显示帮助并退出。").doesNotContain("Verify a directory");
        assertThat(en.toString())
                .contains("Verify a directory or s3://bucket/prefix", "the signer's SM2 public key")
                .doesNotContainPattern(HAN.pattern());
    }

    @Test
    void helpIsPrintedInTheChosenLanguage() {
        StringWriter out = new StringWriter();
        CommandLine root = cli.commandLine();
        root.setOut(new PrintWriter(out, true));
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(root.execute("backup", "--help")).isZero();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        assertThat(out.toString())
                .contains("把数据库、测评证据和退出项目文件备份到一个新目录", "在其下创建备份的目录", "显示帮助并退出。")
                .doesNotContain("Back up the database");

        StringWriter restore = new StringWriter();
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            assertThat(BackupCli.run(
                            new PrintWriter(restore, true),
                            new PrintWriter(new StringWriter(), true),
                            new BackupMessages(Locale.ENGLISH),
                            "restore",
                            "--help"))
                    .isZero();
        } finally {
            Locale.setDefault(before);
        }
        assertThat(restore.toString())
                .contains("Restore a backup into an EMPTY data directory", "holds MANIFEST.sm3")
                .doesNotContainPattern(HAN.pattern());
    }

    private static void checkCommand(SoftAssertions soft, Locale language, CommandSpec spec) {
        String description = String.join(" ", spec.usageMessage().description());
        check(soft, language, spec.qualifiedName(), description);
        if (spec.parent() != null) {
            soft.assertThat(description)
                    .as(spec.qualifiedName() + " has its own description, not its parent's")
                    .isNotEqualTo(String.join(" ", spec.parent().usageMessage().description()));
        }
        for (OptionSpec option : spec.options()) {
            check(
                    soft,
                    language,
                    spec.qualifiedName() + " " + option.longestName(),
                    String.join(" ", option.description()));
        }
        spec.positionalParameters()
                .forEach(p -> check(
                        soft,
                        language,
                        spec.qualifiedName() + " " + p.paramLabel(),
                        String.join(" ", p.description())));
    }

    private static void check(SoftAssertions soft, Locale language, String what, String description) {
        soft.assertThat(description)
                .as(what + " (" + language + ") has a description")
                .isNotBlank();
        if (language.equals(Locale.ENGLISH)) {
            soft.assertThat(HAN.matcher(description).find())
                    .as(what + " in English: " + description)
                    .isFalse();
        } else {
            soft.assertThat(HAN.matcher(description).find())
                    .as(what + " in Chinese: " + description)
                    .isTrue();
        }
    }

    /**
     * {@code yunjian … --help} and {@code --version} are answered without Spring and the database
     * ({@link CliRunner#withoutDatabase}, from {@link CliRunner#helpTree}): for every command of the tree, in both
     * languages, the same help as the Spring CLI's.
     */
    @Test
    void helpWithoutTheDatabaseIsTheSpringCliHelp() {
        SoftAssertions soft = new SoftAssertions();
        try {
            for (Locale language : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                LocaleContextHolder.setLocale(language);
                List<CommandSpec> commands = tree(cli.commandLine().getCommandSpec());
                soft.assertThat(commands).hasSizeGreaterThan(40);
                CommandLine offline = CliRunner.helpTree();
                for (CommandSpec spec : commands) {
                    if (DELEGATES.contains(spec.qualifiedName())) {
                        continue; // Application.main hands these to their own command lines (ExitCliLanguageTest …)
                    }
                    List<String> args =
                            new ArrayList<>(List.of(spec.qualifiedName(" ").split(" ")));
                    args.remove(0); // the root, "yunjian"
                    args.add("--help");
                    StringWriter out = new StringWriter();
                    offline.setOut(new PrintWriter(out));
                    int status = offline.execute(args.toArray(String[]::new));
                    soft.assertThat(status).as(String.join(" ", args)).isZero();
                    soft.assertThat(out.toString())
                            .as(String.join(" ", args))
                            .isEqualTo(spec.commandLine().getUsageMessage());
                }
                // the whole way once per language: the language from --lang, the tree, the answer
                StringWriter root = new StringWriter();
                soft.assertThat(CliRunner.withoutDatabase(
                                new PrintWriter(root), "--help", "--lang=" + language.toLanguageTag()))
                        .isZero();
                soft.assertThat(root.toString()).isEqualTo(cli.commandLine().getUsageMessage());
            }
            StringWriter version = new StringWriter();
            soft.assertThat(CliRunner.withoutDatabase(new PrintWriter(version), "--lang=en", "--version"))
                    .isZero();
            soft.assertThat(version.toString()).isEqualTo("yunjian 0.1.0" + System.lineSeparator());
        } finally {
            LocaleContextHolder.resetLocaleContext();
            LocaleContextHolder.setDefaultLocale(null);
        }
        soft.assertAll();
    }

    /** Only help is answered that way: a command with options, or none asking for help, is left to the Spring CLI. */
    @Test
    void onlyHelpAfterCommandNamesIsAnsweredWithoutTheDatabase() {
        try {
            assertThat(CliRunner.onlyHelp(new String[] {"--help"})).isTrue();
            assertThat(CliRunner.onlyHelp(new String[] {"assessment", "report", "-h"}))
                    .isTrue();
            assertThat(CliRunner.onlyHelp(new String[] {"-V"})).isTrue();
            assertThat(CliRunner.onlyHelp(new String[] {"assessment", "report", "--as", "alice", "--help"}))
                    .isFalse();
            assertThat(CliRunner.onlyHelp(new String[] {"assessment", "list"})).isFalse();
            assertThat(CliRunner.onlyHelp(new String[] {"assessment", "--version"}))
                    .isFalse();
            assertThat(CliRunner.onlyHelp(new String[0])).isFalse();
            assertThat(CliRunner.withoutDatabase(new PrintWriter(new StringWriter()), "audit", "verify"))
                    .isNull();
        } finally {
            LocaleContextHolder.resetLocaleContext();
            LocaleContextHolder.setDefaultLocale(null);
        }
    }

    private static List<CommandSpec> tree(CommandSpec root) {
        List<CommandSpec> out = new ArrayList<>();
        out.add(root);
        root.subcommands().values().forEach(c -> {
            if (!out.contains(c.getCommandSpec())) {
                out.addAll(tree(c.getCommandSpec()));
            }
        });
        return out;
    }
}
