package org.yunjian.cli;

import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yunjian.shared.Texts;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the {@code yunjian} command tree from the contributed commands and runs it. */
@Component
public class CliRunner {

    private final ApplicationContext context;
    private final List<CliCommand> commands;

    CliRunner(ApplicationContext context, List<CliCommand> commands) {
        this.context = context;
        this.commands = commands;
    }

    public int execute(String... args) {
        List<String> rest = new java.util.ArrayList<>();
        java.util.Locale locale = Texts.supported(java.util.Locale.getDefault());
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--lang=")) {
                locale = Texts.supported(java.util.Locale.forLanguageTag(args[i].substring("--lang=".length())));
            } else if (args[i].equals("--lang") && i + 1 < args.length) {
                locale = Texts.supported(java.util.Locale.forLanguageTag(args[++i]));
            } else {
                rest.add(args[i]);
            }
        }
        // every line the command prints comes from the bundles in this language (the OS locale unless --lang)
        LocaleContextHolder.setDefaultLocale(locale);
        LocaleContextHolder.setLocale(locale);
        return commandLine().execute(rest.toArray(String[]::new));
    }

    public CommandLine commandLine() {
        CommandLine.IFactory factory = new SpringFactory(context);
        CommandLine root = new CommandLine(new Root(), factory);
        for (CliCommand command : commands) {
            root.addSubcommand(new CommandLine(command, factory));
        }
        return CliTexts.apply(root);
    }

    @Command(name = "yunjian", mixinStandardHelpOptions = true, version = "yunjian 0.1.0")
    static final class Root {
    }

    private record SpringFactory(ApplicationContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type.isAnnotationPresent(Command.class) && type.getPackageName().startsWith("org.yunjian")) {
                return context.getAutowireCapableBeanFactory().createBean(type);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
