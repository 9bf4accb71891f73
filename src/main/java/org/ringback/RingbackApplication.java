package org.ringback;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RingbackApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "generate".equals(args[0])) {
            // A one-off command: no web server, no demo practice, no sweeps; its runner sets the exit status.
            System.setProperty("ringback.demo.enabled", "false");
            System.setProperty("ringback.sweep.enabled", "false");
            var generate = new SpringApplication(RingbackApplication.class);
            generate.setWebApplicationType(WebApplicationType.NONE);
            System.exit(SpringApplication.exit(generate.run(args)));
        }
        SpringApplication.run(RingbackApplication.class, args);
    }

    /** The one source of "now": rules take it (or an instant) as an argument, tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
