package org.yunjian.support;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Lets a test context's database of its own ({@link TestDatabases#fresh}) go when the context closes: the context
 * cache closes the contexts it evicts, and a closed context's database served nobody but kept its heap (H2) or its
 * disk (PostgreSQL, and the data directory).
 * Registered for every context the suite starts (META-INF/spring.factories).
 */
public class FreshDatabaseRelease implements ApplicationListener<ContextClosedEvent> {

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        org.springframework.core.env.Environment env =
                event.getApplicationContext().getEnvironment();
        TestDatabases.release(env.getProperty("spring.datasource.url"), env.getProperty("yunjian.data-dir"));
    }
}
