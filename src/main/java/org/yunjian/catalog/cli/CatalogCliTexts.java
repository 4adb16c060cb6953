package org.yunjian.catalog.cli;

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
 * The help texts of {@code yunjian catalog …} from the application's bundles, in the CLI's language ({@code --lang},
 * else the OS locale): each command's bundle answers {@code usage.description} with
 * {@code cli.catalog.<command>.description} and an option's description key with its bundle text.
 */
final class CatalogCliTexts extends ResourceBundle {

    private final String command;

    private CatalogCliTexts(String command) {
        this.command = command;
    }

    @Override
    protected Object handleGetObject(String key) {
        if (key.equals("usage.description")) {
            return Texts.get("cli.catalog." + command + ".description");
        }
        if (key.equals("help") || key.equals("version")) {
            return Texts.get("cli.catalog.option." + key);
        }
        return key.startsWith("cli.") ? Texts.get(key) : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        Set<String> keys = new TreeSet<>(List.of("usage.description", "help", "version"));
        keys.addAll(KEYS);
        return Collections.enumeration(keys);
    }

    static final List<String> KEYS = List.of("cli.catalog.option.id", "cli.catalog.option.words",
            "cli.catalog.option.standard", "cli.catalog.option.limit", "cli.catalog.option.format",
            "cli.catalog.option.exportStandard", "cli.catalog.option.out", "cli.catalog.option.file",
            "cli.catalog.option.code", "cli.catalog.option.replace", "cli.catalog.option.versionsStandard");

    /** Sets the bundle of a command named like its {@code cli.catalog.<name>.description} key. */
    static final class Transformer implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            String name = spec.name().equals("catalog") ? "root" : spec.name();
            spec.resourceBundle(new CatalogCliTexts(name));
            return spec;
        }
    }
}
