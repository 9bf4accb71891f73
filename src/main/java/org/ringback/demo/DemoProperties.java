package org.ringback.demo;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo practice made on first start ({@code RINGBACK_DEMO=false} turns it off).
 *
 * @param days               days of history before today
 * @param requestsPerWeekday average requests on a Tuesday (Mondays peak higher)
 */
@ConfigurationProperties("ringback.demo")
record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("28") int days,
                      @DefaultValue("55") double requestsPerWeekday, @DefaultValue("350") int patients,
                      @DefaultValue("20261123") long seed, @DefaultValue("data") Path dataDir) {
}
