package org.yunjian.security.cli;

import java.io.PrintWriter;
import java.util.UUID;
import org.yunjian.security.internal.token.ApiTokenView;
import org.yunjian.security.internal.token.ApiTokens;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.YunjianCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code yunjian users tokens USER} and {@code yunjian users revoke-token USER TOKEN}: the operator lists and
 * revokes an account's API tokens (a leaked token while no administrator is at hand). Tokens are not created here:
 * a token acts as its owner, so only the owner makes one, logged in with password (and second factor).
 */
final class ApiTokenCommands {

    private ApiTokenCommands() {}

    @Command(name = "tokens", mixinStandardHelpOptions = true)
    static class ListTokens extends YunjianCommand {
        @Parameters(index = "0", descriptionKey = "cli.users.option.username")
        String username;

        private final ApiTokens tokens;

        ListTokens(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            try {
                var list = tokens.ofAccount(username);
                if (list.isEmpty()) {
                    out.println(Texts.get("apitoken.admin.none"));
                }
                for (ApiTokenView t : list) {
                    out.println(String.join(
                            "  ",
                            t.id().toString(),
                            Msg.of(t.scope()).text(),
                            Texts.get("apitoken.status." + t.status().name()),
                            Texts.get(
                                    "cli.security.tokens.line",
                                    Formats.minute(t.createdAt()),
                                    Formats.minute(t.expiresAt()),
                                    t.lastUsedAt() == null
                                            ? Texts.get("apitoken.neverUsed")
                                            : Formats.minute(t.lastUsedAt())),
                            t.name()));
                }
                return 0;
            } catch (NotFoundException e) {
                err.println(Texts.get("cli.security.tokens.noAccount", username));
                return 2;
            }
        }
    }

    @Command(name = "revoke-token", mixinStandardHelpOptions = true)
    static class RevokeToken extends YunjianCommand {
        @Parameters(index = "0", descriptionKey = "cli.users.option.username")
        String username;

        @Parameters(index = "1", descriptionKey = "cli.security.option.tokenId")
        UUID tokenId;

        private final ApiTokens tokens;

        RevokeToken(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            try {
                ApiTokenView t = tokens.revokeOfAccount(username, tokenId);
                out.println(Texts.get("cli.security.revoke-token.done", t.name()));
                return 0;
            } catch (NotFoundException e) {
                err.println(Texts.get("cli.security.tokens.noToken", username, tokenId));
                return 2;
            }
        }
    }
}
