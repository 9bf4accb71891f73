package org.ringback.records;

import java.time.Duration;
import java.time.Period;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The retention purge.
 *
 * @param defaultPeriod how long after its closure a callback keeps its patient data when the practice has not set
 *                      its own period (seven years: longer than HIPAA's six-year documentation rule and most US
 *                      states' adult record periods)
 * @param purgeInterval how often the purge runs
 * @param batch         items purged per transaction
 */
@Validated
@ConfigurationProperties("ringback.retention")
public record RetentionProperties(@DefaultValue("P7Y") Period defaultPeriod, @DefaultValue("PT1H") Duration purgeInterval,
                                  @DefaultValue("500") @Min(1) int batch) {
}
