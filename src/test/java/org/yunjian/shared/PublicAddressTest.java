package org.yunjian.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue 60 point 4: production (profile {@code postgres}) does not start without an absolute base URL for the links of
 * e-mails and robot messages, nor with one or a sender on this machine, naming the setting and its environment
 * variable; development derives one from the server's settings; every link and Message-ID comes from one place.
 */
class PublicAddressTest {

    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    static MockEnvironment production() {
        MockEnvironment e = new MockEnvironment();
        e.setActiveProfiles("postgres");
        return e;
    }

    @Test
    void productionRefusesToStartWithoutABaseUrlNamingTheSettingAndItsVariable() {
        new ApplicationContextRunner()
                .withBean(PublicAddress.class)
                .withInitializer(c -> c.getEnvironment().setActiveProfiles("postgres"))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("yunjian.notifications.base-url")
                            .hasMessageContaining("YUNJIAN_BASE_URL")
                            .hasMessageContaining("refuses to start");
                });
        new ApplicationContextRunner()
                .withBean(PublicAddress.class)
                .withInitializer(c -> c.getEnvironment().setActiveProfiles("postgres"))
                .withPropertyValues("yunjian.notifications.base-url=https://yunjian.example.gov.cn")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(PublicAddress.class));
    }

    @Test
    void productionRefusesABaseUrlOrSenderOnThisMachine() {
        for (String local : new String[] {"http://localhost:8080", "https://127.0.0.1", "http://[::1]:8080"}) {
            MockEnvironment e = production().withProperty(PublicAddress.BASE_URL, local);
            assertThatThrownBy(() -> new PublicAddress(e))
                    .hasMessageContaining(local)
                    .hasMessageContaining("names this machine");
        }
        MockEnvironment sender = production()
                .withProperty(PublicAddress.BASE_URL, "https://yunjian.example.gov.cn")
                .withProperty(PublicAddress.FROM, "yunjian@localhost");
        assertThatThrownBy(() -> new PublicAddress(sender))
                .hasMessageContaining("yunjian.mail.from")
                .hasMessageContaining("YUNJIAN_MAIL_FROM");
    }

    @Test
    void aBaseUrlThatIsNotAnAbsoluteHttpAddressIsRefusedEverywhere() {
        for (String bad :
                new String[] {"/yunjian", "yunjian.example.gov.cn", "ftp://yunjian.example.gov.cn", "https://x/?a=b"}) {
            MockEnvironment e = new MockEnvironment().withProperty(PublicAddress.BASE_URL, bad);
            assertThatThrownBy(() -> new PublicAddress(e))
                    .as(bad)
                    .hasMessageContaining("not a complete http(s) address");
        }
        MockEnvironment e = new MockEnvironment()
                .withProperty(PublicAddress.BASE_URL, "https://yunjian.example.gov.cn")
                .withProperty(PublicAddress.FROM, "not an address");
        assertThatThrownBy(() -> new PublicAddress(e)).hasMessageContaining("not a valid e-mail address");
    }

    @Test
    void linksAreAbsoluteAndTheSenderFollowsTheBaseUrlsHost() {
        PublicAddress a = new PublicAddress(
                production().withProperty(PublicAddress.BASE_URL, "https://yunjian.example.gov.cn/cloud/"));
        assertThat(a.link("/evidence-requests#r1"))
                .isEqualTo("https://yunjian.example.gov.cn/cloud/evidence-requests#r1");
        assertThat(a.from()).isEqualTo("yunjian@yunjian.example.gov.cn");
        assertThat(a.domain()).isEqualTo("yunjian.example.gov.cn");
        assertThatThrownBy(() -> a.link("evidence-requests")).isInstanceOf(IllegalArgumentException.class);

        PublicAddress configured = new PublicAddress(production()
                .withProperty(PublicAddress.BASE_URL, "https://yunjian.example.gov.cn")
                .withProperty(PublicAddress.FROM, "noreply@Mail.Example.gov.cn"));
        assertThat(configured.from()).isEqualTo("noreply@Mail.Example.gov.cn");
        assertThat(configured.domain()).isEqualTo("mail.example.gov.cn");
        // the older invitations setting still counts when it alone is set
        assertThat(new PublicAddress(
                                production().withProperty("yunjian.invitations.base-url", "https://old.example.cn"))
                        .base())
                .isEqualTo("https://old.example.cn");
    }

    @Test
    void developmentDerivesTheBaseUrlFromTheServersSettings() {
        assertThat(new PublicAddress(new MockEnvironment()).base()).isEqualTo("http://localhost:8080");
        assertThat(new PublicAddress(new MockEnvironment()
                                .withProperty("server.address", "10.1.2.3")
                                .withProperty("server.port", "8443")
                                .withProperty("server.ssl.enabled", "true")
                                .withProperty("server.servlet.context-path", "/yj"))
                        .base())
                .isEqualTo("https://10.1.2.3:8443/yj");
        // on a random port, the port the server listens on
        PublicAddress random = new PublicAddress(new MockEnvironment().withProperty("server.port", "0"));
        org.springframework.boot.web.server.WebServer server = new org.springframework.boot.web.server.WebServer() {
            @Override
            public void start() {}

            @Override
            public void stop() {}

            @Override
            public int getPort() {
                return 43210;
            }
        };
        random.listening(new org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent(
                server, new org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext()));
        assertThat(random.link("/notifications")).isEqualTo("http://localhost:43210/notifications");
        // the demo keeps its loopback address, profile postgres or not
        MockEnvironment demo = production()
                .withProperty("yunjian.demo", "true")
                .withProperty(PublicAddress.BASE_URL, "http://localhost:8080");
        assertThat(new PublicAddress(demo).from()).isEqualTo("yunjian@localhost");
    }
}
