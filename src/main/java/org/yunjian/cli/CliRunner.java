package org.yunjian.cli;

import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Builds the {@code yunjian} command tree from the contributed commands ({@link CliCommand} beans, and the groups and
 * subcommands the features mount by name, {@link CliMounts}) and runs it.
 */
@Component
public class CliRunner {

    private final ApplicationContext context;
    private final List<CliCommand> commands;

    CliRunner(ApplicationContext context, List<CliCommand> commands) {
        this.context = context;
        this.commands = commands;
    }

    public int execute(String... args) {
        return commandLine().execute(CliArgs.of(args).use());
    }

    public CommandLine commandLine() {
        CommandLine.IFactory factory = new SpringFactory(context);
        CommandLine root = new CommandLine(new Root(), factory);
        for (CliCommand command : commands) {
            // a fresh instance per command tree: picocli writes the tree's spec (its out and err) into the command, so
            // two trees built at once on the shared singleton would print into each other's streams
            root.addSubcommand(new CommandLine(fresh(factory, command), factory));
        }
        CliMounts.mount(root, factory);
        return CliTexts.apply(root);
    }

    /**
     * Answers {@code yunjian --help}, {@code --version} and the {@code --help} of a command given by its names only
     * ({@code yunjian assessment report --help}) without Spring and without the database: from the commands'
     * annotations and the bundles, so that they answer at once and while a server holds the embedded database. The
     * commands are the same {@link CliCommand} components the Spring CLI finds, in the same order.
     *
     * @return the exit code, or null when {@code args} ask for anything else
     */
    public static Integer withoutDatabase(java.io.PrintWriter out, String... args) {
        String[] rest = CliArgs.of(args).use();
        if (!onlyHelp(rest)) {
            return null;
        }
        if (rest.length == 1 && (rest[0].equals("--version") || rest[0].equals("-V"))) {
            // the version needs no tree: building it scans the class path for every command (issue 61: 2 CPU-s)
            out.println(Root.class.getAnnotation(Command.class).version()[0]);
            out.flush();
            return 0;
        }
        CommandLine help = helpTree();
        help.setOut(out);
        int status = help.execute(rest);
        out.flush();
        return status;
    }

    /** The command tree for help only: every {@link CliCommand} with its texts, none of them able to run. */
    static CommandLine helpTree() {
        // a command's help needs its annotations and an object to inject its spec into, not its services: commands
        // are made without running their constructors (their fields stay empty; help reads none of them)
        var objenesis = new org.springframework.objenesis.ObjenesisStd();
        CommandLine.IFactory none = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type.isAnnotationPresent(Command.class)
                        && type.getPackageName().startsWith("org.yunjian")) {
                    return objenesis.newInstance(type);
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine root = new CommandLine(new Root(), none);
        for (Class<?> command : Commands.ALL) {
            root.addSubcommand(new CommandLine(command, none));
        }
        CliMounts.mount(root, none);
        return CliTexts.apply(root);
    }

    /** The {@link CliCommand} classes on the class path, in the order component scanning finds them (scanned once). */
    private static final class Commands {
        static final List<Class<?>> ALL = scan();

        private static List<Class<?>> scan() {
            var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new org.springframework.core.type.filter.AssignableTypeFilter(CliCommand.class));
            return scanner.findCandidateComponents("org.yunjian").stream()
                    .<Class<?>>map(c -> org.springframework.util.ClassUtils.resolveClassName(
                            c.getBeanClassName(), CliRunner.class.getClassLoader()))
                    .toList();
        }
    }

    /**
     * The way in from {@code Application.main} for help and version: they need neither Spring nor the database, so
     * they answer at once, also beside a running server.
     */
    public static final CliEntry HELP = new CliEntry() {
        @Override
        public boolean takes(String[] args, java.util.function.Function<String, String> env) {
            return onlyHelp(CliArgs.of(args).use());
        }

        @Override
        public int run(String[] args) {
            CliEntry.logs(args);
            Integer status = withoutDatabase(
                    new java.io.PrintWriter(
                            new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true),
                    args);
            return status == null ? 2 : status;
        }
    };

    /** Whether {@code args} (with their {@code --lang} anywhere) ask for help or the version only. */
    public static boolean onlyHelpOrVersion(String... args) {
        return onlyHelp(java.util.Arrays.stream(args)
                .filter(a -> !a.startsWith("--lang"))
                .toArray(String[]::new));
    }

    /** {@code --version} alone, or {@code --help} after nothing but command names. */
    static boolean onlyHelp(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return true;
        }
        if (args.length == 0 || !(args[args.length - 1].equals("--help") || args[args.length - 1].equals("-h"))) {
            return false;
        }
        return java.util.Arrays.stream(args, 0, args.length - 1).noneMatch(a -> a.startsWith("-"));
    }

    @Command(name = "yunjian", mixinStandardHelpOptions = true, version = "yunjian 0.1.0")
    static final class Root {}

    private static Object fresh(CommandLine.IFactory factory, CliCommand command) {
        try {
            return factory.create(org.springframework.aop.support.AopUtils.getTargetClass(command));
        } catch (Exception e) {
            throw new IllegalStateException("command " + command.getClass().getName(), e);
        }
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
