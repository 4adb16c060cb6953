package org.yunjian.exit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.yunjian.crypto.Pem;
import org.yunjian.exit.cli.ExitCli;

/** A small tree, a key pair and a way to run the offline CLI in-process. */
final class ExitFixture {

    final Path dir;
    final Path tree;
    final Path key;
    final Path pub;
    final KeyPair pair = Keys.generate();
    String out = "";
    String err = "";

    ExitFixture(Path dir) throws IOException {
        this.dir = dir;
        this.tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("a.txt"), "hello\n");
        Files.createDirectories(tree.resolve("docs/sub"));
        Files.writeString(tree.resolve("docs/readme.md"), "# readme\n");
        Files.writeString(tree.resolve("docs/sub/data.csv"), "id,name\n1,甲\n");
        Files.write(
                tree.resolve("a-b.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        Files.writeString(tree.resolve("secret.key"), "s3cr3t");
        key = dir.resolve("k.pem");
        pub = dir.resolve("k.pub.pem");
        Files.writeString(key, Pem.writePrivateKey(pair.getPrivate()));
        Files.writeString(pub, Pem.writePublicKey(pair.getPublic()));
    }

    /** Runs the CLI in English unless {@code args} ask for a language ({@code --lang}). */
    int cli(String... args) {
        if (java.util.Arrays.stream(args).noneMatch(a -> a.startsWith("--lang"))) {
            args = java.util.Arrays.copyOf(args, args.length + 1);
            args[args.length - 1] = "--lang=en";
        }
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int rc = ExitCli.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        out = o.toString();
        err = e.toString();
        return rc;
    }

    Path build(String... extra) {
        Path m = dir.resolve("m.jsonl");
        String[] base = {"exit", "manifest", "build", tree.toString(), "--out", m.toString(), "--key", key.toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        int rc = cli(all);
        if (rc != 0) {
            throw new AssertionError("build failed: " + rc + " " + out + err);
        }
        return m;
    }

    int verify(Path manifest, String... extra) {
        String[] base = {
            "exit", "verify", "--manifest", manifest.toString(), "--pubkey", pub.toString(), tree.toString()
        };
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return cli(all);
    }
}
