package org.ringback.planning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Coverage planning assumptions the history cannot tell yet.
 *
 * @param handleTime     mean time one callback attempt takes (calls are not timed yet, so this is an assumption)
 * @param responseTarget the first-attempt promise the staffing is sized for, in open hours
 * @param patience       mean time a patient waits to be reached before calling again
 * @param replications   simulation replications behind a what-if on the coverage page
 */
@ConfigurationProperties("ringback.planning")
public record PlanningProperties(@DefaultValue("PT6M") Duration handleTime, @DefaultValue("PT1H") Duration responseTarget,
                                 @DefaultValue("PT24H") Duration patience, @DefaultValue("200") int replications) {
}
