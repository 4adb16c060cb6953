package org.yunjian.cli;

import org.springframework.stereotype.Component;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;

/** Listed for help only: {@code serve} is dispatched before any Spring context starts. */
@Component
@Command(name = "serve", mixinStandardHelpOptions = true)
class ServeCommand implements CliCommand, Runnable {
    @Override
    public void run() {
        System.err.println(Texts.get("cli.serve.first"));
    }
}
