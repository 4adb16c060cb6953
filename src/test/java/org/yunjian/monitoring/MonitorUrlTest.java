package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Texts;

/** Issue 56: a monitor URL with port 99999 was accepted; a port is 1 to 65535, said in both languages. */
class MonitorUrlTest {

    static FieldErrors validate(String url) {
        return Monitor.Settings.page("门户", url, null).validate((errors, field, value, max, kind) -> true);
    }

    @Test
    void aPortOutsideOneTo65535IsRefusedNamingTheRange() {
        for (String url : List.of(
                "http://portal.example.gov.cn:99999/",
                "https://portal.example.gov.cn:65536/",
                "http://portal.example.gov.cn:0/",
                "http://[2001:db8::1]:70000/")) {
            FieldErrors errors = validate(url);
            assertThat(errors.messages()).as(url).containsOnlyKeys("url");
            assertThat(errors.messages().get("url").key()).as(url).isEqualTo("monitoring.error.port");
            assertThat(errors.messages().get("url").text(Texts.ENGLISH)).contains("1", "65535");
            assertThat(errors.messages().get("url").text(Texts.CHINESE)).contains("端口", "65535");
        }
    }

    @Test
    void portsOneTo65535AndTheDefaultAreAccepted() {
        for (String url : List.of(
                "http://portal.example.gov.cn/",
                "http://portal.example.gov.cn:1/",
                "https://portal.example.gov.cn:65535/a?b=c",
                "http://[2001:db8::1]:8080/")) {
            assertThat(validate(url).isEmpty()).as(url).isTrue();
        }
    }
}
