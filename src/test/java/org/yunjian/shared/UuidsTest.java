package org.yunjian.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {

    private static final UUID DNS = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    private static final UUID URL = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    /** RFC 9562 Appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace. */
    @Test
    void matchesTheRfc9562TestVector() {
        UUID u = Uuids.v5(DNS, "www.example.com");
        assertThat(u).isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
        assertThat(u.version()).isEqualTo(5);
        assertThat(u.variant()).isEqualTo(2);
    }

    /** Further vectors as Python's {@code uuid.uuid5} computes them (another implementation). */
    @Test
    void agreesWithAnotherImplementationIncludingNonAsciiNames() {
        assertThat(Uuids.v5(DNS, "python.org")).hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
        assertThat(Uuids.v5(DNS, "云鉴")).hasToString("c5c6c04d-872c-5a71-bb36-ae28f4541661");
        assertThat(Uuids.v5(URL, "https://www.rfc-editor.org/rfc/rfc9562"))
                .hasToString("3349c653-56d8-5f05-8876-e348e193dc56");
    }

    /** The OSCAL catalog export keeps the UUIDs it had before the helper was shared (exports are reproducible). */
    @Test
    void keepsTheUuidsOfEarlierCatalogExports() {
        UUID catalogNamespace = UUID.fromString("5b1f9c8e-3d55-5a0f-9c3e-2f6f0e6a7d41");
        assertThat(Uuids.v5(catalogNamespace, "catalog:GBT31167")).hasToString("88d8ca8d-eb22-5b17-9b96-5aad0be339d7");
    }

    @Test
    void sameNameSameUuidOtherNameOrNamespaceOtherUuid() {
        assertThat(Uuids.v5(DNS, "a"))
                .isEqualTo(Uuids.v5(DNS, "a"))
                .isNotEqualTo(Uuids.v5(DNS, "b"))
                .isNotEqualTo(Uuids.v5(URL, "a"));
    }
}
