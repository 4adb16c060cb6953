package org.yunjian.monitoring.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The registrable domain of a host, for the known second-level domains under .cn and plain top-level domains. */
class RegistrableDomainTest {

    @ParameterizedTest
    @CsvSource({
        "www.example.gov.cn, example.gov.cn",
        "example.gov.cn, example.gov.cn",
        "a.b.example.com.cn, example.com.cn",
        "www.example.org.cn, example.org.cn",
        "www.example.net.cn., example.net.cn",
        "www.example.edu.cn, example.edu.cn",
        "www.example.cn, example.cn",
        "WWW.Example.COM, example.com",
        "www.示例.中国, xn--fsq092h.xn--fiqs8s"
    })
    void isTheNameARegistrantHolds(String host, String registrable) {
        assertThat(RegistrableDomain.of(host)).hasValue(new RegistrableDomain(registrable));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "gov.cn",
                "localhost",
                "203.0.113.10",
                "2001:db8::1",
                "",
                "bad_name.example.com",
                "-a.example.com"
            })
    void isNoneForSuffixesLiteralsAndMalformedNames(String host) {
        assertThat(RegistrableDomain.of(host)).isEmpty();
    }
}
