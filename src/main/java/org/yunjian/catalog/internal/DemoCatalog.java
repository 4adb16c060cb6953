package org.yunjian.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.demo.DemoData;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * Demo: the customer's own supplementary requirements (示例市政务云安全补充要求, not a real document) imported as an
 * OSCAL catalog by the demo system administrator, first the 2025 edition and then the 2026 edition replacing it,
 * so the catalog page lists an imported catalog and its versions page shows one replaced version.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class DemoCatalog implements ApplicationRunner {

    static final String CODE = "SZF-ZWY-BC";

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final CatalogExchange exchange;
    private final UserAdministration users;

    DemoCatalog(CatalogExchange exchange, UserAdministration users) {
        this.exchange = exchange;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (exchange.imported().stream().anyMatch(s -> s.code().equals(CODE))) {
            return;
        }
        SeedActor.account(users, DemoData.SYSTEM_ADMIN)
                .ifPresent(admin -> SeedActor.run(admin, () -> {
                    try {
                        CatalogExchange.ImportedStandard first = exchange.importOscal(
                                "supplementary-catalog-2025.json", read("supplementary-catalog-2025.json"), CODE, null);
                        exchange.importOscal(
                                "supplementary-catalog-2026.json",
                                read("supplementary-catalog-2026.json"),
                                CODE,
                                ExpectedVersion.exactly(first.version()));
                    } catch (ConflictException | DuplicateKeyException e) {
                        // another node starting at the same moment imported it first ("exists" or a stale version)
                        log.info("Demo catalog {} already imported by another node", CODE);
                    }
                }));
    }

    private static byte[] read(String name) {
        try (InputStream in = DemoCatalog.class.getResourceAsStream("/demo/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
