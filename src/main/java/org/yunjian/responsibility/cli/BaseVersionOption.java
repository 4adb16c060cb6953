package org.yunjian.responsibility.cli;

import java.util.function.IntSupplier;
import org.yunjian.shared.version.ExpectedVersion;
import picocli.CommandLine.Option;

/**
 * {@code --base-version N}: the matrix version a change command replaces (optimistic locking). A command given an
 * older version than the current one is refused, naming when the matrix changed; without the option it changes the
 * version that is current when the command starts, and a change made meanwhile still refuses it.
 */
final class BaseVersionOption {

    @Option(names = "--base-version", paramLabel = "N", descriptionKey = "cli.responsibility.option.baseVersion")
    Integer value;

    ExpectedVersion of(IntSupplier current) {
        return ExpectedVersion.exactly(value != null ? value : current.getAsInt());
    }
}
