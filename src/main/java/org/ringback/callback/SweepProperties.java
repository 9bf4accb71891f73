package org.ringback.callback;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sweeps: escalation, end of day, idle owners and passed expected dates.
 *
 * @param enabled       run them on a schedule (tests run them by hand)
 * @param interval      how often they run
 * @param level2After   business time an overdue, escalated first attempt may wait before the manager is called in
 * @param batch         items changed per run and sweep at most; the next run takes the rest
 * @param idleAfter     business time a claimed item may go without any activity before it returns to its queue
 * @param ownerActiveWithin at the end of the day, an owner who did anything in the practice this long before keeps
 *                      their items for the next business day; the items of others escalate
 */
@ConfigurationProperties("ringback.sweep")
public record SweepProperties(@DefaultValue("true") boolean enabled, @DefaultValue("PT1M") Duration interval,
                              @DefaultValue("PT1H") Duration level2After, @DefaultValue("500") int batch,
                              @DefaultValue("PT2H") Duration idleAfter, @DefaultValue("PT12H") Duration ownerActiveWithin) {
}
