package org.yunjian.exit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FileLinesTest {

    private static final String[] STRINGS = {
        "a",
        "d001/f00001.bin",
        "数据/报表.xlsx",
        "😀",
        "",
        "x\u007fy",
        "\u2028",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "敏感",
        "公开"
    };
    private static final String[] ESCAPED = {"a\"b", "a\\b", "tab\there"};

    private static String line(Random r) {
        Json.Obj o = Json.obj().put("type", "file");
        String[] keys = {"path", "version", "latest", "size", "hash", "format", "sensitivity", "description", "error"};
        for (String k : keys) {
            if (r.nextInt(5) == 0 && !k.equals("path") && !k.equals("sensitivity")) {
                continue;
            }
            Object v =
                    switch (k) {
                        case "latest" -> r.nextBoolean();
                        case "size" ->
                            r.nextInt(3) == 0
                                    ? (Object) 0L
                                    : r.nextInt(2) == 0 ? (Object) Long.MAX_VALUE : (Object) (long) r.nextInt(1 << 30);
                        default ->
                            r.nextInt(20) == 0
                                    ? ESCAPED[r.nextInt(ESCAPED.length)]
                                    : STRINGS[r.nextInt(STRINGS.length)];
                    };
            o.put(k, v);
        }
        return o.toString();
    }

    private static String mutate(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        int n = 1 + r.nextInt(3);
        String[] inserts = {
            " ",
            "\"",
            ",",
            ":",
            "}",
            "{",
            "\\",
            "-",
            "0",
            "1",
            "null",
            "true",
            "\"size\":1,",
            "\"path\":\"p\",",
            "\"type\":\"file\",",
            "\"x\":1,",
            "é",
            "\u0001",
            "1e3",
            "."
        };
        for (int k = 0; k < n && b.length() > 0; k++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, inserts[r.nextInt(inserts.length)]);
                default -> b.setCharAt(at, inserts[r.nextInt(inserts.length)].charAt(0));
            }
        }
        return b.toString();
    }

    @Test
    void readsWhatTheGeneralParserReadsAndLeavesEverythingElseToIt() {
        Random r = new Random(31167);
        int fast = 0;
        int slow = 0;
        for (int k = 0; k < 200_000; k++) {
            String text = k % 2 == 0 ? line(r) : mutate(line(r), r);
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            FileLines.Fields f = FileLines.parse(b, b.length);
            if (f == null) {
                slow++;
                continue;
            }
            fast++;
            Map<String, Object> m = Json.parse(
                    new String(b, StandardCharsets.UTF_8)); // must not throw: the fast path accepted only valid JSON
            assertThat(m.get("type")).as(text).isEqualTo("file");
            assertThat(f.path()).as(text).isEqualTo(m.get("path"));
            assertThat(f.version()).as(text).isEqualTo(m.get("version"));
            assertThat(f.latest()).as(text).isEqualTo(m.get("latest"));
            assertThat(f.size()).as(text).isEqualTo(m.containsKey("size") ? m.get("size") : -1L);
            assertThat(f.hash()).as(text).isEqualTo(m.get("hash"));
            assertThat(f.format()).as(text).isEqualTo(m.get("format"));
            assertThat(f.sensitivity()).as(text).isEqualTo(m.get("sensitivity"));
            assertThat(f.description()).as(text).isEqualTo(m.get("description"));
            assertThat(f.error()).as(text).isEqualTo(m.get("error"));
            assertThat(m.keySet())
                    .as(text)
                    .isSubsetOf(
                            "type",
                            "path",
                            "version",
                            "latest",
                            "size",
                            "hash",
                            "format",
                            "sensitivity",
                            "description",
                            "error");
        }
        assertThat(fast).isGreaterThan(10_000); // the written form takes the fast path …
        assertThat(slow).isGreaterThan(100_000); // … and lines with escapes or damage go to the general parser
    }

    @Test
    void leavesLinesWithoutPathOrSensitivityToTheGeneralParserForItsMessage() {
        for (String text : new String[] {
            "{\"type\":\"file\",\"size\":1,\"sensitivity\":\"敏感\"}",
            "{\"type\":\"file\",\"path\":\"a\",\"size\":1}",
            "{\"type\":\"file\",\"path\":\"a\",\"path\":\"b\",\"sensitivity\":\"敏感\"}",
            "{\"type\":\"file\",\"path\":\"a\",\"sensitivity\":\"敏感\"} ",
            "{\"type\":\"file\",\"path\":\"a\",\"size\":01,\"sensitivity\":\"敏感\"}",
            "{\"type\":\"file\",\"path\":\"a\",\"size\":99999999999999999999,\"sensitivity\":\"敏感\"}"
        }) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            assertThat(FileLines.parse(b, b.length)).as(text).isNull();
        }
        byte[] ok = "{\"type\":\"file\",\"path\":\"a\",\"size\":0,\"hash\":\"h\",\"sensitivity\":\"公开\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(FileLines.parse(ok, ok.length))
                .isEqualTo(new FileLines.Fields("a", null, null, 0, "h", null, "公开", null, null));
    }
}
