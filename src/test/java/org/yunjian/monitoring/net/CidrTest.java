package org.yunjian.monitoring.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Networks of the approved list and region table. */
class CidrTest {

    @ParameterizedTest
    @CsvSource({
        "203.0.113.0/24, 203.0.113.255, true",
        "203.0.113.0/24, 203.0.114.0, false",
        "203.0.113.77/24, 203.0.113.1, true",
        "203.0.113.10, 203.0.113.10, true",
        "203.0.113.10, 203.0.113.11, false",
        "0.0.0.0/0, 198.51.100.1, true",
        "10.0.0.0/9, 10.127.255.255, true",
        "10.0.0.0/9, 10.128.0.0, false",
        "2001:db8::/32, 2001:db8:ffff::1, true",
        "2001:db8::/32, 2001:db9::1, false",
        "2001:db8::/32, 203.0.113.1, false",
        "203.0.113.0/24, ::ffff:203.0.113.5, true"
    })
    void holdsTheAddressesOfItsPrefix(String cidr, String address, boolean held) {
        assertThat(Cidr.of(cidr).contains(DnsCheckTest.literal(address))).isEqualTo(held);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"example.gov.cn", "999.1.1.1", "203.0.113.0/33", "2001:db8::/129", "203.0.113.0/x", "", "1.2.3"})
    void readsOnlyAddressLiterals(String text) {
        assertThatThrownBy(() -> Cidr.of(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"203.0.113.77/24, 203.0.113.0/24", "203.0.113.7, 203.0.113.7/32"})
    void clearsHostBits(String text, String shown) {
        assertThat(Cidr.of(text)).hasToString(shown).isEqualTo(Cidr.of(shown));
    }
}
