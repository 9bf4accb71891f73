package org.ringback.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test against the running app: real HTTP on a random port, the bundled PostgreSQL in a fresh directory,
 * and a clock the test sets. Every class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ringback.database.data-dir=target/it-data/${random.uuid}",
        "ringback.database.embedded-durable=false",
        "ringback.data-dir=target/it-data",
        "ringback.admin-password=" + Api.ADMIN_PASSWORD,
        "ringback.demo.enabled=false",
        "ringback.demo.data-dir=target/it-data",
        "ringback.sweep.enabled=false"
})
@Import({TestClock.Configuration.class, QueryCountingConfiguration.class})
public @interface IntegrationTest {
}
