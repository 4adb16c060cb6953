package org.yunjian.party;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.party.PartyTestSupport.newCreditCode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.cli.CliRunner;

@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class ImportCommandTests {

    @Autowired
    CliRunner cli;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        var commandLine = cli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            return commandLine.execute(args);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void importsOrganisationsFromACsvFile() throws Exception {
        Path file = Files.writeString(dir.resolve("orgs.csv"), """
                name,creditCode,region,roles
                命令行导入甲,%s,北京,CUSTOMER
                命令行导入乙,%s,上海,PROVIDER;PARTNER_HARDWARE
                """.formatted(newCreditCode(), newCreditCode()), UTF_8);
        long before = count("organization");
        assertThat(run("import", "organizations", "--file", file.toString())).isZero();
        assertThat(out.toString()).contains("Imported 2 organizations");
        assertThat(count("organization")).isEqualTo(before + 2);
    }

    @Test
    void rejectsABadFileWithExitCodeOneListingEveryBadRow() throws Exception {
        Path file = Files.writeString(dir.resolve("orgs.json"), """
                [{"name":"好","creditCode":"%s","region":"北京","roles":["CUSTOMER"]},
                 {"name":"坏","creditCode":"91350100M000100Y44","region":"北京","roles":["CUSTOMER"]},
                 {"name":"","creditCode":"%s","region":"北京","roles":["NOBODY"]}]
                """.formatted(newCreditCode(), newCreditCode()), UTF_8);
        long before = count("organization");
        assertThat(run("import", "organizations", "--file", file.toString(), "--format", "json"))
                .isEqualTo(1);
        assertThat(err.toString())
                .contains("[1]: creditCode", "[2]: name", "[2]: roles", "expected 3")
                .doesNotContain("[0]");
        assertThat(count("organization")).isEqualTo(before);
    }

    @Test
    void importsSystems() throws Exception {
        var w = fixtures.world();
        Path file = Files.writeString(
                dir.resolve("systems.csv"), """
                name,customerCreditCode,protectionLevel,deploymentModel,serviceModel,industry,dataClassification,regions
                命令行系统,%s,2,PRIVATE,SAAS,OTHER,GENERAL,广州
                """.formatted(w.customer().creditCode()), UTF_8);
        assertThat(run("import", "systems", "--file", file.toString())).isZero();
        assertThat(out.toString()).contains("Imported 1 systems");
    }

    @Test
    void reportsAMissingFile() {
        assertThat(run("import", "systems", "--file", dir.resolve("nope.csv").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("Cannot read");
    }
}
