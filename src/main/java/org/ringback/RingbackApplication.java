package org.ringback;

import java.time.Clock;

import org.ringback.backup.BackupCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RingbackApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "import".equals(args[0])) {
            System.exit(runImport(args));
        }
        if (args.length > 0 && "generate".equals(args[0])) {
            System.exit(runGenerate(args));
        }
        if (args.length > 0 && ("backup".equals(args[0]) || "restore".equals(args[0]))) {
            System.exit(BackupCommand.run(args));
        }
        SpringApplication.run(RingbackApplication.class, args);
    }

    /**
     * {@code import ...}: the importer's command (org.ringback.importer) against the configured database, without
     * the web server, the demo loader or the sweeps. System properties outrank application.yml and the environment.
     */
    static int runImport(String[] args) {
        System.setProperty("ringback.import.command", "true");
        System.setProperty("ringback.demo.enabled", "false");
        System.setProperty("ringback.sweep.enabled", "false");
        System.setProperty("logging.level.root", "warn");
        System.setProperty("logging.level.org.ringback", "warn");
        var application = new SpringApplication(RingbackApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAddCommandLineProperties(false);
        try {
            return SpringApplication.exit(application.run(args));
        } catch (RuntimeException e) {
            return 1;
        }
    }

    /**
     * {@code generate ...}: the scale data generator (org.ringback.generator), without the web server, demo or sweeps,
     * and with the bundled PostgreSQL of this run set up for one bulk load (org.ringback.database.BulkLoadSettings).
     */
    static int runGenerate(String[] args) {
        System.setProperty("ringback.database.embedded-bulk-load", "true");
        System.setProperty("ringback.demo.enabled", "false");
        System.setProperty("ringback.sweep.enabled", "false");
        var application = new SpringApplication(RingbackApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return SpringApplication.exit(application.run(args));
    }

    /** The one source of "now": rules take it (or an instant) as an argument, tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
