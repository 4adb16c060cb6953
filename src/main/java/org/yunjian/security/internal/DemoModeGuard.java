package org.yunjian.security.internal;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a production (PostgreSQL) installation in demo mode, whose accounts have published
 * passwords. A bean-factory post-processor, so that it fails before any other bean (the database
 * connection, Flyway) is created and its message is the first thing an operator sees.
 */
@Component
public class DemoModeGuard implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    /** Said to the operator in both languages: the process has no reader's language yet. */
    private static final org.yunjian.shared.Msg REFUSAL = org.yunjian.shared.Msg.of("security.demo.error.postgres");

    public static void check(Environment environment) {
        boolean demo = environment.getProperty("yunjian.demo", Boolean.class, false);
        if (demo && environment.acceptsProfiles(Profiles.of("postgres"))) {
            throw new IllegalStateException(org.yunjian.shared.Texts.render(REFUSAL, org.yunjian.shared.Texts.CHINESE)
                    + "\n" + org.yunjian.shared.Texts.render(REFUSAL, org.yunjian.shared.Texts.ENGLISH));
        }
    }
}
