package org.yunjian.cli;

import java.util.Collections;
import java.util.Enumeration;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.yunjian.shared.Texts;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The help texts of every {@code yunjian} command from the application's bundles, in the CLI's language
 * ({@code --lang}, else the OS locale), given to every command of a tree by {@link #apply}: a command's
 * description is {@code cli.<module>.<name>.description} ({@code cli.<module>.root.description} for the
 * command named like its module, {@code cli.<name>.description} for the commands of this package), its options'
 * and parameters' descriptions come from their {@code descriptionKey}s ({@code cli.<module>.option.<name>}), and
 * the standard {@code --help} / {@code --version} from {@code cli.option.help} / {@code cli.option.version}, and the
 * headings "Usage:" and "Commands:" from {@code cli.heading.usage} / {@code cli.heading.commands}.
 *
 * <p>The texts come from {@link Texts} (Spring's message source) unless a tree brings its own look-up: the offline
 * commands ({@code yunjian exit …}), which must not load Spring, pass theirs to {@link #apply(CommandLine, Set,
 * UnaryOperator)} — the same keys, the same rules.
 */
public final class CliTexts extends ResourceBundle {

    private final String descriptionKey;
    private final Set<String> keys;
    private final UnaryOperator<String> texts;

    private CliTexts(String descriptionKey, Set<String> keys, UnaryOperator<String> texts) {
        this.descriptionKey = descriptionKey;
        this.keys = keys;
        this.texts = texts;
    }

    @Override
    protected Object handleGetObject(String key) {
        if (key.equals("usage.description")) {
            return texts.apply(descriptionKey);
        }
        if (key.equals("help") || key.equals("version")) {
            return texts.apply("cli.option." + key);
        }
        if (key.equals("usage.synopsisHeading")) {
            return texts.apply("cli.heading.usage");
        }
        if (key.equals("usage.commandListHeading")) {
            return texts.apply("cli.heading.commands");
        }
        return key.startsWith("cli.") ? texts.apply(key) : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        Set<String> all = new TreeSet<>(keys);
        if (keys.contains(descriptionKey)) { // else picocli keeps the annotation's description
            all.add("usage.description");
        }
        all.add("help");
        all.add("version");
        all.add("usage.synopsisHeading");
        all.add("usage.commandListHeading");
        return Collections.enumeration(all);
    }

    /** The description key of a command: from its class's module ({@code org.yunjian.<module>…}) and its name. */
    static String descriptionKey(Class<?> type, String name) {
        String[] packages = type.getPackageName().split("\\.");
        // a command in org.yunjian.<module>.cli.<group> (yunjian report … in the offline toolkit) is named by its group
        String module = packages.length > 4 && packages[3].equals("cli")
                ? packages[4]
                : packages.length > 2 ? packages[2] : "cli";
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
        return apply(commandLine, Texts.keys("cli."), key -> Texts.get(key));
    }

    /**
     * As {@link #apply(CommandLine)}, with the texts from {@code texts} in the language of the run; {@code keys} are
     * the {@code cli.*} keys it knows. The tree also keeps the writers it is given ({@link #keepWriters}).
     */
    public static CommandLine apply(CommandLine commandLine, Set<String> keys, UnaryOperator<String> texts) {
        applyTexts(commandLine, keys, texts);
        return keepWriters(commandLine);
    }

    private static void applyTexts(CommandLine commandLine, Set<String> keys, UnaryOperator<String> texts) {
        CommandSpec spec = commandLine.getCommandSpec();
        Object user = spec.userObject();
        Class<?> type = user instanceof Class<?> c ? c : user.getClass();
        spec.resourceBundle(new CliTexts(descriptionKey(type, spec.name()), keys, texts));
        commandLine.getSubcommands().values().stream().distinct().forEach(c -> applyTexts(c, keys, texts));
    }

    /**
     * A tree that prints to the writer set on it, whatever happened to {@code System.out} since it was built. picocli's
     * default execution strategy (an {@code AbstractHandler}) remembers the {@code System.out} it saw when the tree
     * was built, and at {@code execute()} sets the tree's writer back to it when {@code System.out} changed meanwhile
     * (embedded Tomcat swaps {@code System.out} when a server starts): a strategy that is not an
     * {@code AbstractHandler} keeps the writer. Every tree gets it here, the one step every tree goes through.
     */
    public static CommandLine keepWriters(CommandLine root) {
        root.setExecutionStrategy(new CommandLine.RunLast()::execute);
        return root;
    }
}
