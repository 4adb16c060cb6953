package org.yunjian.assessment.cli;

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
 * The help texts of {@code yunjian assessment …} from the application's bundles, in the CLI's language
 * ({@code --lang}, else the OS locale): a picocli model transformer gives each command a resource bundle that
 * answers {@code usage.description} with {@code cli.assessment.<command>.description} and an option's or
 * parameter's description key ({@code cli.assessment.option.as}, …) with its bundle text.
 */
final class CliTexts extends ResourceBundle {

    private final String command;

    private CliTexts(String command) {
        this.command = command;
    }

    @Override
    protected Object handleGetObject(String key) {
        if (key.equals("usage.description")) {
            return Texts.get("cli.assessment." + command + ".description");
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

    static final List<String> KEYS = List.of("cli.assessment.option.as", "cli.assessment.option.system",
            "cli.assessment.option.id", "cli.assessment.option.out", "cli.assessment.option.in",
            "cli.assessment.option.format", "cli.assessment.option.reportOut");

    /** Sets the bundle of a command named like its {@code cli.assessment.<name>.description} key. */
    static final class Transformer implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            String name = spec.name().equals("assessment") ? "root" : spec.name();
            spec.resourceBundle(new CliTexts(name));
            return spec;
        }
    }
}
