package org.yunjian.support;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Lets a test context's in-memory database of its own ({@link TestDatabases#fresh}) go when the context closes: the
 * context cache closes the contexts it evicts, and a closed context's database served nobody but kept its heap.
 * Registered for every context the suite starts (META-INF/spring.factories).
 */
public class FreshDatabaseRelease implements ApplicationListener<ContextClosedEvent> {

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        TestDatabases.release(event.getApplicationContext().getEnvironment().getProperty("spring.datasource.url"));
    }
}
