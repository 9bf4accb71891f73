package org.ringback.records;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import org.ringback.shared.Refusal;

/**
 * How long after its closure a callback keeps its patient data, in whole months (from one month to a hundred
 * years): a records policy is stated in months or years, never days.
 */
public record RetentionPeriod(int months) {

    static final int MAX_MONTHS = 1200;

    public RetentionPeriod {
        if (months < 1 || months > MAX_MONTHS) {
            throw new Refusal.InvalidInput("afterClosure", "must be from one month to 100 years");
        }
    }

    /** "P7Y", "P18M": an ISO-8601 period in years and months. */
    public static RetentionPeriod parse(String text) {
        Period period;
        try {
            period = Period.parse(text);
        } catch (RuntimeException e) {
            throw new Refusal.InvalidInput("afterClosure", "must be an ISO-8601 period in years and months, e.g. P7Y or P18M");
        }
        if (period.getDays() != 0 || period.isNegative()) {
            throw new Refusal.InvalidInput("afterClosure", "must be whole years and months, e.g. P7Y or P18M");
        }
        long months = period.toTotalMonths();
        return new RetentionPeriod((int) Math.min(months, Integer.MAX_VALUE));
    }

    static RetentionPeriod of(Period period) {
        return new RetentionPeriod((int) period.toTotalMonths());
    }

    /** Items closed before this instant are due for the purge at {@code now}. */
    public Instant cutoff(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
    }

    @Override
    public String toString() {
        return Period.ofMonths(months).normalized().toString();
    }
}
