package org.yunjian.exitproject.internal;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.demo.DemoData;
import org.yunjian.exitproject.ChecklistStatus;
import org.yunjian.exitproject.ExitStatus;
import org.yunjian.exitproject.internal.Records.Item;
import org.yunjian.exitproject.internal.Records.ProjectInfo;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DemoSystems;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * In demo mode, seeds one exit project: the demo online service hall leaving its cloud, in phase 移交 with part of
 * the GB/T 31167-2014 9.1 checklist settled and a hand-over inventory the provider and the customer filled and the
 * customer approved. Runs after the parties and the demo accounts, as the demo customer and provider users, so
 * every write is authorised and audited like theirs.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class DemoExitProject implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoExitProject.class);

    private final ExitProjectService service;
    private final Parties parties;
    private final UserAdministration users;

    private final InventoryService inventory;

    DemoExitProject(ExitProjectService service, InventoryService inventory, Parties parties, UserAdministration users) {
        this.service = service;
        this.inventory = inventory;
        this.parties = parties;
        this.users = users;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<CloudSystem> system = DemoSystems.find(
                parties,
                DemoData.SERVICE_SYSTEM,
                s -> s.providerId() != null && service.list(s.id()).isEmpty());
        Optional<CurrentUser> customer = account(DemoData.CUSTOMER_USER);
        Optional<CurrentUser> provider = account(DemoData.PROVIDER_USER);
        if (system.isEmpty() || customer.isEmpty() || provider.isEmpty()) {
            return;
        }
        CloudSystem s = system.get();
        ProjectInfo[] p = new ProjectInfo[1];
        SeedActor.run(customer.get(), () -> {
            p[0] = service.create(new ExitProjectService.CreateInput(demo("demo.exit.name", s.name()), s.id()));
            service.updateChecklist(
                    p[0].id(), "a", ChecklistStatus.DONE, demo("demo.exit.checklist.a"), ExpectedVersion.exactly(0));
            service.updateChecklist(
                    p[0].id(), "b", ChecklistStatus.DONE, demo("demo.exit.checklist.b"), ExpectedVersion.exactly(0));
            inventory.addItem(
                    p[0].id(),
                    new Item(
                            "conversion-tool",
                            demo("demo.exit.item.tool"),
                            demo("demo.exit.item.tool.note"),
                            "PUBLIC",
                            null));
        });
        SeedActor.run(provider.get(), () -> {
            inventory.addItem(
                    p[0].id(),
                    new Item(
                            "document", demo("demo.exit.item.docs"), demo("demo.exit.item.docs.note"), "PUBLIC", null));
            inventory.addItem(
                    p[0].id(),
                    new Item(
                            "key-custody",
                            demo("demo.exit.item.keys"),
                            demo("demo.exit.item.keys.note"),
                            "SENSITIVE",
                            demo("demo.exit.item.keys.covers")));
        });
        SeedActor.run(customer.get(), () -> {
            ProjectInfo approved = inventory.approveInventory(p[0].id(), ExpectedVersion.exactly(p[0].version()));
            service.transition(p[0].id(), ExitStatus.HANDOVER, ExpectedVersion.exactly(approved.version()));
        });
        log.info("Demo exit project seeded: {}", p[0].name());
    }

    private Optional<CurrentUser> account(String username) {
        return SeedActor.account(users, username);
    }

    /** Demo content is stored once, in Chinese (the demo installation's language). */
    private static String demo(String key, Object... args) {
        return Msg.of(key, args).text(Texts.CHINESE);
    }
}
