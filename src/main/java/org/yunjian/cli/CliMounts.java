package org.yunjian.cli;

import java.util.Comparator;
import java.util.List;
import org.yunjian.shared.cli.CliMount;
import picocli.CommandLine;

/**
 * The registry of the command groups the features mount by name ({@link CliMount}, ADR 012): the groups a feature
 * owns at the top of {@code yunjian}, then each feature's subcommands in the group they name. Found on the class path
 * once (no Spring context needed, so help without the database shows the same tree as the Spring CLI).
 */
public final class CliMounts {

    private static final List<Class<?>> ALL = scan();

    private CliMounts() {}

    /** Every class with {@link CliMount}, groups before their subcommands, each in its order, then by name. */
    public static List<Class<?>> all() {
        return ALL;
    }

    /**
     * Adds the mounted commands to {@code root}, each made by {@code factory}; a command that names a group nobody
     * mounts is a programming error and fails the tree's build (a test builds it).
     */
    public static void mount(CommandLine root, CommandLine.IFactory factory) {
        for (Class<?> type : ALL) {
            String group = type.getAnnotation(CliMount.class).value();
            CommandLine parent =
                    group.equals(CliMount.TOP) ? root : root.getSubcommands().get(group);
            if (parent == null) {
                // a programming error, for the developer: no feature mounts the group named (@CliMount(CliMount.TOP))
                throw new IllegalStateException("@CliMount(" + group + ")@" + type.getName());
            }
            parent.addSubcommand(new CommandLine(type, factory));
        }
    }

    private static List<Class<?>> scan() {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(CliMount.class));
        return scanner.findCandidateComponents("org.yunjian").stream()
                .<Class<?>>map(c -> org.springframework.util.ClassUtils.resolveClassName(
                        c.getBeanClassName(), CliMounts.class.getClassLoader()))
                .sorted(Comparator.<Class<?>>comparingInt(
                                t -> t.getAnnotation(CliMount.class).value().equals(CliMount.TOP) ? 0 : 1)
                        .thenComparingInt(t -> t.getAnnotation(CliMount.class).order())
                        .thenComparing(Class::getName))
                .toList();
    }
}
