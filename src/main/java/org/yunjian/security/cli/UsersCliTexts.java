package org.yunjian.security.cli;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import org.yunjian.shared.Texts;

import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The help texts of {@code yunjian users …} from the application's bundles, in the CLI's language
 * ({@code --lang}, else the OS locale): a picocli model transformer gives each command a resource bundle that
 * answers {@code usage.description} with {@code cli.users.<command>.description} and an option's or
 * parameter's description key ({@code cli.users.option.username}, …) with its bundle text.
 */
final class UsersCliTexts extends ResourceBundle {

    private final String command;

    private UsersCliTexts(String command) {
        this.command = command;
    }

    @Override
    protected Object handleGetObject(String key) {
        if (key.equals("usage.description")) {
            return Texts.get("cli.users." + command + ".description");
        }
        if (key.equals("help") || key.equals("version")) {
            return Texts.get("cli.option." + key);
        }
        return key.startsWith("cli.") ? Texts.get(key) : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        Set<String> keys = new TreeSet<>(List.of("usage.description", "help", "version"));
        keys.addAll(KEYS);
        return Collections.enumeration(keys);
    }

    static final List<String> KEYS = List.of("cli.users.option.username", "cli.users.option.displayName",
            "cli.users.option.role", "cli.users.option.organization", "cli.users.option.password",
            "cli.users.option.newPassword", "cli.users.option.request");

    /** Sets the bundle of a command named like its {@code cli.users.<name>.description} key. */
    static final class Transformer implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            String name = spec.name().equals("users") ? "root" : spec.name();
            spec.resourceBundle(new UsersCliTexts(name));
            return spec;
        }
    }
}
