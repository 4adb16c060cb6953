package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.OrganizationApiTests.json;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.backup.internal.BackupService;
import org.yunjian.support.IfMatch;
import org.yunjian.support.TestDatabases;

/**
 * Customers' private notes at rest (issue 33, finding 4): a note written through the API is in neither the
 * database file (H2: the bytes of {@code yunjian.mv.db} after a checkpoint; PostgreSQL: every column of the row
 * read with plain SQL) nor a backup (every file, and every entry of the database archive, decompressed) — neither
 * the Chinese text's UTF-8 bytes nor an ASCII marker. It still reads back through the API.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
public class PrivateNotesAtRestTests {

    static Path dataDir;

    @DynamicPropertySource
    static void ownDatabaseFile(DynamicPropertyRegistry registry) {
        dataDir = TestDatabases.freshFile("private_notes_at_rest", registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BackupService backups;

    @Autowired
    org.yunjian.shared.keys.KeyDirectory keys;

    @Value("${spring.datasource.url}")
    String url;

    @TempDir
    Path tmp;

    Fixtures.World w;

    @BeforeEach
    void world() {
        w = fixtures.world();
    }

    @Test
    void noteTextIsNeitherInTheDatabaseFileNorInABackup() throws Exception {
        String chinese = "客户机密：采购预算一百二十万元不对服务商公开";
        String marker = "NOTE-MARKER-" + UUID.randomUUID().toString().replace("-", "");
        String note = chinese + " " + marker;
        String path = "/api/systems/" + w.system().id() + "/private-notes";
        mvc.perform(json(put(path), "{\"notes\":\"" + note + "\"}")
                        .with(as(user(w.customer().id())))
                        .with(IfMatch.version(0)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notes").value(note));
        mvc.perform(get(path).with(as(user(w.customer().id()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notes").value(note));
        List<byte[]> secrets = List.of(
                chinese.getBytes(StandardCharsets.UTF_8),
                "采购预算".getBytes(StandardCharsets.UTF_8),
                h2StringData("采购预算"),
                marker.getBytes(StandardCharsets.US_ASCII));

        if (url.startsWith("jdbc:postgresql:")) {
            List<String> columns = jdbc.sql("SELECT * FROM cloud_system_private_note WHERE system_id = ?")
                    .param(w.system().id())
                    .query((rs, n) -> {
                        List<String> values = new ArrayList<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            values.add(rs.getString(i));
                        }
                        return values;
                    })
                    .single();
            assertThat(String.join("|", columns)).doesNotContain(marker, "采购预算");
            return;
        }
        jdbc.sql("CHECKPOINT SYNC").update();
        Path file = dataDir.resolve("db").resolve("yunjian.mv.db");
        assertThat(file).isRegularFile();
        assertContainsNone(file.toString(), Files.readAllBytes(file), secrets);

        BackupService.Backup backup = backups.create(tmp);
        int searched = 0;
        try (Stream<Path> files = Files.walk(backup.path())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                assertContainsNone(f.toString(), bytes, secrets);
                searched += f.toString().endsWith(".zip") ? unzipAndSearch(f, bytes, secrets) : 0;
            }
        }
        assertThat(searched).as("the database archive's entries were searched").isPositive();
        // the key the notes need travels with the other keys, apart from the backup
        Path keyCopy = tmp.resolve("keys");
        backups.copyKeys(keyCopy);
        assertThat(keyCopy.resolve("private-notes.key")).hasSameBinaryContentAs(keys.resolve("private-notes.key"));
    }

    @Test
    void aSealedNoteCopiedOntoAnotherSystemReadsAsUnreadableAndTheColumnRefusesClearText() throws Exception {
        String path = "/api/systems/" + w.system().id() + "/private-notes";
        String strangers = "/api/systems/" + w.strangersSystem().id() + "/private-notes";
        mvc.perform(json(put(path), "{\"notes\":\"只给本单位看的备注\"}")
                        .with(as(user(w.customer().id())))
                        .with(IfMatch.version(0)))
                .andExpect(status().isOk());
        mvc.perform(json(put(strangers), "{\"notes\":\"另一家的备注\"}")
                        .with(as(user(w.stranger().id())))
                        .with(IfMatch.version(0)))
                .andExpect(status().isOk());
        // a database administrator copies one customer's sealed notes onto another customer's row
        jdbc.sql(
                        "UPDATE cloud_system_private_note SET notes_sealed = (SELECT notes_sealed FROM cloud_system_private_note "
                                + "WHERE system_id = ?) WHERE system_id = ?")
                .params(w.system().id(), w.strangersSystem().id())
                .update();

        mvc.perform(get(strangers).with(as(user(w.stranger().id()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unreadable").value(true))
                .andExpect(jsonPath("$.notice").value(org.hamcrest.Matchers.containsString("无法解密")))
                .andExpect(content().string(not(containsString("只给本单位看的备注"))));
        mvc.perform(get("/systems/" + w.strangersSystem().id() + "/private-notes")
                        .with(as(user(w.stranger().id()))))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"notes-unreadable\""),
                                containsString("无法解密"),
                                not(containsString("只给本单位看的备注")))));
        // the owner's own notes still open, and new notes replace the unreadable ones
        mvc.perform(get(path).with(as(user(w.customer().id()))))
                .andExpect(jsonPath("$.notes").value("只给本单位看的备注"))
                .andExpect(jsonPath("$.unreadable").value(false));
        mvc.perform(json(put(strangers), "{\"notes\":\"重新写的备注\"}")
                        .with(as(user(w.stranger().id())))
                        .with(IfMatch.version(1)))
                .andExpect(status().isOk());
        mvc.perform(get(strangers).with(as(user(w.stranger().id()))))
                .andExpect(jsonPath("$.notes").value("重新写的备注"))
                .andExpect(jsonPath("$.unreadable").value(false));

        assertThatThrownBy(() -> jdbc.sql("UPDATE cloud_system_private_note SET notes_sealed = ? WHERE system_id = ?")
                        .params("明文备注", w.system().id())
                        .update())
                .as("the column holds sealed values only")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static int unzipAndSearch(Path zip, byte[] bytes, List<byte[]> secrets) throws IOException {
        int n = 0;
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertContainsNone(zip + "!" + e.getName(), readAll(in), secrets);
                n++;
            }
        }
        return n;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /**
     * {@code s} as H2's MVStore writes a string into its file: UTF-8's lead bytes, but continuation bytes without
     * their high bit ({@code DataUtils.writeStringData}) — so the UTF-8 bytes of Chinese text are never found there.
     */
    static byte[] h2StringData(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (char c : s.toCharArray()) {
            if (c < 0x80) {
                out.write(c);
            } else if (c >= 0x800) {
                out.write(0xe0 | (c >> 12));
                out.write((c >> 6) & 0x3f);
                out.write(c & 0x3f);
            } else {
                out.write(0xc0 | (c >> 6));
                out.write(c & 0x3f);
            }
        }
        return out.toByteArray();
    }

    static void assertContainsNone(String where, byte[] haystack, List<byte[]> needles) {
        for (byte[] needle : needles) {
            assertThat(indexOf(haystack, needle))
                    .as("%s holds the note text %s", where, new String(needle, StandardCharsets.UTF_8))
                    .isEqualTo(-1);
        }
    }

    /** Where {@code needle} first occurs in {@code haystack}, or -1. */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
