package org.ringback.callback;

import java.time.Instant;

import org.ringback.practice.BusinessCalendar;

/**
 * When a notice to staff is shown (issue 4: alerts must not fire at midnight): at once while the practice is open,
 * else at its next opening; CLINICAL and EMERGENCY items notify at once whatever the hour.
 */
public final class NotificationTiming {

    private NotificationTiming() {
    }

    public static Instant deliverAfter(Urgency urgency, Instant now, BusinessCalendar calendar) {
        if (urgency.isClinical() || calendar.isOpenAt(now)) {
            return now;
        }
        return calendar.nextOpenAt(now);
    }
}
