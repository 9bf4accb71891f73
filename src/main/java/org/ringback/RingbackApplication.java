package org.ringback;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RingbackApplication {

    public static void main(String[] args) {
        SpringApplication.run(RingbackApplication.class, args);
    }

    /** The one source of "now": rules take it (or an instant) as an argument, tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
