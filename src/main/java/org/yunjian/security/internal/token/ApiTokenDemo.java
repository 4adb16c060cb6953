package org.yunjian.security.internal.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yunjian.security.ApiTokenScope;
import org.yunjian.security.internal.AccountRepository;

/**
 * In demo mode, gives the demo customer two API tokens (a read-only reporting pipeline used two hours ago, and a
 * revoked deployment script), so that the account page shows the feature at first login. Their values are thrown
 * away: nobody can use them.
 */
@Component
@Order(95)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class ApiTokenDemo implements ApplicationRunner {

    private final AccountRepository accounts;
    private final ApiTokenRepository tokens;
    private final Clock clock;

    ApiTokenDemo(AccountRepository accounts, ApiTokenRepository tokens, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Demo data is in the users' language, like anything a user enters. */
    private static String demoName(String key) {
        return org.yunjian.shared.Texts.render(org.yunjian.shared.Msg.of(key), org.yunjian.shared.Texts.CHINESE);
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.findByUsername("customer")
                .filter(a -> tokens.findByUser(a.id()).isEmpty())
                .ifPresent(a -> {
                    Instant now = clock.instant();
                    ApiToken reports = ApiToken.issue(
                                    a.id(),
                                    demoName("apitoken.demo.reports"),
                                    ApiTokenScope.READ_ONLY,
                                    90,
                                    now.minus(Duration.ofDays(12)))
                            .token();
                    tokens.insert(reports);
                    tokens.noteUse(reports.id(), now.minus(Duration.ofHours(2)), now);
                    ApiToken deploy = ApiToken.issue(
                                    a.id(),
                                    demoName("apitoken.demo.deploy"),
                                    ApiTokenScope.READ_WRITE,
                                    60,
                                    now.minus(Duration.ofDays(40)))
                            .token();
                    tokens.insert(deploy.revoked(now.minus(Duration.ofDays(3)), "customer"));
                });
    }
}
