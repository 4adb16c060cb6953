package org.yunjian.cli;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.ResourceBundle;

import org.yunjian.shared.Texts;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The help texts of every {@code yunjian} command from the application's bundles, in the CLI's language
 * ({@code --lang}, else the OS locale), given to every command of a tree by {@link #apply}: a command's
 * description is {@code cli.<module>.<name>.description} ({@code cli.<module>.root.description} for the
 * command named like its module, {@code cli.<name>.description} for the commands of this package), its options'
 * and parameters' descriptions come from their {@code descriptionKey}s ({@code cli.<module>.option.<name>}), and
 * the standard {@code --help} / {@code --version} from {@code cli.option.help} / {@code cli.option.version}.
 */
public final class CliTexts extends ResourceBundle {

    private static final Set<String> KEYS = Texts.keys("cli.");

    private final String descriptionKey;

    private CliTexts(String descriptionKey) {
        this.descriptionKey = descriptionKey;
    }

    @Override
    protected Object handleGetObject(String key) {
        if (key.equals("usage.description")) {
            return Texts.get(descriptionKey);
        }
        if (key.equals("help") || key.equals("version")) {
            return Texts.get("cli.option." + key);
        }
        return key.startsWith("cli.") ? Texts.get(key) : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        Set<String> keys = new TreeSet<>(KEYS);
        if (KEYS.contains(descriptionKey)) { // else picocli keeps the annotation's description
            keys.add("usage.description");
        }
        keys.add("help");
        keys.add("version");
        return Collections.enumeration(keys);
    }

    /** The description key of a command: from its class's module ({@code org.yunjian.<module>…}) and its name. */
    static String descriptionKey(Class<?> type, String name) {
        String[] packages = type.getPackageName().split("\\.");
        String module = packages.length > 2 ? packages[2] : "cli";
        if (module.equals("cli")) {
            return "cli." + name + ".description";
        }
        return "cli." + module + "." + (name.equals(module) ? "root" : name) + ".description";
    }

    /**
     * Gives every command of the tree its own bundle, parents first (picocli hands a parent's bundle to the
     * subcommands added after it, which would show the parent's description for theirs).
     */
    public static CommandLine apply(CommandLine commandLine) {
        CommandSpec spec = commandLine.getCommandSpec();
        Object user = spec.userObject();
        Class<?> type = user instanceof Class<?> c ? c : user.getClass();
        spec.resourceBundle(new CliTexts(descriptionKey(type, spec.name())));
        commandLine.getSubcommands().values().stream().distinct().forEach(CliTexts::apply);
        return commandLine;
    }
}
