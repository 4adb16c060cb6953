package org.yunjian.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every message key the page probe builds from a name (an outcome, a reason) is in both of its bundles. */
class MonitoringPageMessagesTest {

    @Test
    void everyBuiltKeyHasItsTexts() throws IOException {
        List<String> keys = new ArrayList<>();
        for (FetchOutcome o : FetchOutcome.values()) {
            keys.add(DeadLinkCheck.outcomeKey(o));
        }
        for (Visibility.Reason r : Visibility.Reason.values()) {
            keys.add(r.key());
        }
        for (String bundle : List.of("monitoring-page.properties", "monitoring-page_en.properties")) {
            Properties p = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("messages/" + bundle)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(p.stringPropertyNames()).as(bundle).containsAll(keys);
            assertThat(p.stringPropertyNames()).as(bundle).allMatch(k -> k.startsWith("monitoring.page."));
        }
    }
}
