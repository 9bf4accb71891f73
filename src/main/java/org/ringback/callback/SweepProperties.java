package org.ringback.callback;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The escalation sweep.
 *
 * @param enabled       run it on a schedule (tests run it by hand)
 * @param interval      how often it runs
 * @param level2After   business time an overdue, escalated first attempt may wait before the manager is called in
 * @param batch         items escalated per run at most; the next run takes the rest
 */
@ConfigurationProperties("ringback.sweep")
public record SweepProperties(@DefaultValue("true") boolean enabled, @DefaultValue("PT1M") Duration interval,
                              @DefaultValue("PT1H") Duration level2After, @DefaultValue("500") int batch) {
}
