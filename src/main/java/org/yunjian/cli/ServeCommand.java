package org.yunjian.cli;

import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

/** Listed for help only: {@code serve} is dispatched before any Spring context starts. */
@Component
@Command(name = "serve", description = "Start the web platform (http://localhost:8080 by default).")
class ServeCommand implements CliCommand, Runnable {
    @Override
    public void run() {
        System.err.println("'serve' starts the web platform: run it as the first argument of the jar.");
    }
}
