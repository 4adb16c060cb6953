package org.yunjian.security;

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
class DemoModeGuard implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    static void check(Environment environment) {
        boolean demo = environment.getProperty("yunjian.demo", Boolean.class, false);
        if (demo && environment.acceptsProfiles(Profiles.of("postgres"))) {
            throw new IllegalStateException("Refusing to start: demo mode (yunjian.demo=true or profile 'demo') "
                    + "must not run with the 'postgres' production profile. Demo accounts have well-known "
                    + "passwords. Remove the 'demo' profile / set yunjian.demo=false, or use the default H2 database "
                    + "for demonstrations.");
        }
    }
}
