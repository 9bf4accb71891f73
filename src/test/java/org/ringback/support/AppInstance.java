package org.ringback.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ringback.RingbackApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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
        var context = new SpringApplicationBuilder(RingbackApplication.class, TestClock.Configuration.class)
                .run(args.toArray(String[]::new));
        return new AppInstance(context);
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
}
