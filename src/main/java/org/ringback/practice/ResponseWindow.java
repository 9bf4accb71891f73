package org.ringback.practice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/** When a category promises the first attempt, counted in the practice's business time. */
public sealed interface ResponseWindow {

    Instant dueAt(Instant receivedAt, BusinessCalendar calendar);

    /** Within a business duration of receipt (the clock starts at the next opening when received while closed). */
    record Within(Duration duration) implements ResponseWindow {

        public Within {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("A response window cannot be negative.");
            }
        }

        @Override
        public Instant dueAt(Instant receivedAt, BusinessCalendar calendar) {
            return calendar.plusBusinessTime(receivedAt, duration);
        }
    }

    /** Received on a business day before the cutoff and before close: by that day's close; otherwise by the next business day's close. */
    record SameDay(LocalTime cutoff) implements ResponseWindow {

        public SameDay {
            Objects.requireNonNull(cutoff, "cutoff");
        }

        @Override
        public Instant dueAt(Instant receivedAt, BusinessCalendar calendar) {
            LocalDate day = calendar.localDate(receivedAt);
            LocalTime time = LocalTime.ofInstant(receivedAt, calendar.zone());
            if (time.isBefore(cutoff)) {
                var close = calendar.endOfBusinessDay(day);
                if (close.isPresent() && receivedAt.isBefore(close.get())) {
                    return close.get();
                }
            }
            return closeOf(calendar, calendar.nextBusinessDay(day));
        }
    }

    /** By a local time on the next business day after the day of receipt; by that day's close when no time is given. */
    record NextBusinessDay(LocalTime by) implements ResponseWindow {

        @Override
        public Instant dueAt(Instant receivedAt, BusinessCalendar calendar) {
            LocalDate due = calendar.nextBusinessDay(calendar.localDate(receivedAt));
            return by == null ? closeOf(calendar, due) : calendar.at(due, by);
        }
    }

    /** A business day always has a close; the calendar guarantees it, so absence here is a bug, not a rule. */
    private static Instant closeOf(BusinessCalendar calendar, LocalDate businessDay) {
        return calendar.endOfBusinessDay(businessDay)
                .orElseThrow(() -> new IllegalStateException(businessDay + " is not a business day"));
    }
}
