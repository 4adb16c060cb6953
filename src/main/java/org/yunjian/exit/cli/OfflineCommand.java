package org.yunjian.exit.cli;

import org.yunjian.exit.ExitTexts;
import org.yunjian.exit.ManifestException;
import org.yunjian.shared.cli.YunjianCommand;

/**
 * A command of the offline toolkit ({@code yunjian exit|keys|report …}): the one base, with the toolkit's own texts
 * (no Spring) and its one refusal: whatever a command throws (an unreadable file, a manifest or key refused) is bad
 * input or an error, 2, one line naming the command ({@code exit.cli.error}).
 */
public abstract class OfflineCommand extends YunjianCommand {

    @Override
    protected final Refusal refusal(Exception e) {
        String msg = e instanceof ManifestException || e instanceof IllegalArgumentException
                ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return Refusal.badInput(ExitTexts.get(
                "exit.cli.error",
                "yunjian " + spec.qualifiedName().replace("yunjian ", "").trim(),
                ExitCli.oneLine(msg)));
    }
}
