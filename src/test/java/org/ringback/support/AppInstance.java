package org.ringback.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ringback.RingbackApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * One more app instance in the test's JVM, on a random port, for the few tests that need their own app (several
 * instances on one database, single sign-on): not the shared test context, and closed by the test. Demo data,
 * the sweep and the other schedulers are off, and the clock is a {@link TestClock}, unless the test says otherwise.
 */
public final class AppInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AppInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance; {@code properties} win over application.yml, the environment and these defaults. */
    public static AppInstance start(Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("ringback.admin-password", Api.ADMIN_PASSWORD);
        all.put("ringback.demo.enabled", "false");
        all.put("ringback.sweep.enabled", "false");
        all.put("ringback.database.embedded-durable", "false");
        all.put("ringback.database.max-pool-size", "5");
        all.put("spring.main.banner-mode", "off");
        all.putAll(properties);
        List<String> args = new ArrayList<>();
        all.forEach((name, value) -> args.add("--" + name + "=" + value));
        var builder = new SpringApplicationBuilder(RingbackApplication.class, TestClock.Configuration.class);
        SpringApplication application = builder.application();
        List<ApplicationListener<?>> listeners = new ArrayList<>();
        for (ApplicationListener<?> listener : application.getListeners()) {
            listeners.add(listener instanceof LoggingApplicationListener ? new LoggingOneAtATime() : listener);
        }
        application.setListeners(listeners);
        return new AppInstance(builder.run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public TestClock clock() {
        return context.getBean(TestClock.class);
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * Boot's logging set-up, one application at a time: it resets and configures the JVM's one Logback, and two
     * instances starting together would do that at once (and fail, or log every line twice).
     */
    private static final class LoggingOneAtATime implements GenericApplicationListener {

        private static final Object LOGBACK = new Object();
        private final LoggingApplicationListener logging = new LoggingApplicationListener();

        @Override
        public boolean supportsEventType(ResolvableType eventType) {
            return logging.supportsEventType(eventType);
        }

        @Override
        public boolean supportsSourceType(Class<?> sourceType) {
            return logging.supportsSourceType(sourceType);
        }

        @Override
        public int getOrder() {
            return logging.getOrder();
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            synchronized (LOGBACK) {
                logging.onApplicationEvent(event);
            }
        }
    }
}
