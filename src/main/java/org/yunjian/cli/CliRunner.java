package org.yunjian.cli;

import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

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
        return commandLine().execute(args);
    }

    public CommandLine commandLine() {
        CommandLine.IFactory factory = new SpringFactory(context);
        CommandLine root = new CommandLine(new Root(), factory);
        for (CliCommand command : commands) {
            root.addSubcommand(new CommandLine(command, factory));
        }
        return root;
    }

    @Command(name = "yunjian", mixinStandardHelpOptions = true, version = "yunjian 0.1.0",
            description = "云鉴 Yunjian — cloud service security governance. 'serve' starts the web platform.")
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
