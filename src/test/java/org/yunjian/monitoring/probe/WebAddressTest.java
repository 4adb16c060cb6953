package org.yunjian.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebAddressTest {

    /** Issue 56: {@link URI} takes any digits as a port; a link or redirect to one no socket has is not fetched. */
    @Test
    void anAddressWithAPortOutsideOneTo65535IsNoWebAddress() {
        assertThat(WebAddress.isWeb(URI.create("http://portal.example.gov.cn:99999/")))
                .isFalse();
        assertThat(WebAddress.isWeb(URI.create("https://portal.example.gov.cn:0/")))
                .isFalse();
        assertThat(WebAddress.isWeb(URI.create("http://[2001:db8::1]:65536/"))).isFalse();
        assertThat(WebAddress.isWeb(URI.create("http://portal.example.gov.cn:65535/")))
                .isTrue();
        assertThat(WebAddress.isWeb(URI.create("http://portal.example.gov.cn:1/")))
                .isTrue();
        assertThat(WebAddress.isWeb(URI.create("https://portal.example.gov.cn/")))
                .isTrue();
    }
}
