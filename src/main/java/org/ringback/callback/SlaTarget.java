package org.ringback.callback;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.ResponseWindow;

/**
 * What a clock promises, as stored with its STARTED event: an amount of business time (the resolution target),
 * a category's response window, a wall-clock limit (an emergency) or a fixed instant (an item whose clock was
 * started before clocks were recorded as events). Its text form is the {@code target} column.
 */
public sealed interface SlaTarget {

    /** When the target falls due for a clock started at {@code start}, before any pause is added. */
    Instant dueFrom(Instant start, BusinessCalendar calendar);

    /** The stored form, e.g. {@code BUSINESS PT16H}, {@code WITHIN PT1H}, {@code SAME_DAY 15:00}, {@code WALL PT15M}. */
    String text();

    /** A business duration: counts only open time (the resolution target). */
    record BusinessTime(Duration amount) implements SlaTarget {
        public BusinessTime {
            Objects.requireNonNull(amount, "amount");
            if (amount.isNegative()) {
                throw new IllegalArgumentException("A target cannot be negative.");
            }
        }

        @Override
        public Instant dueFrom(Instant start, BusinessCalendar calendar) {
            return calendar.plusBusinessTime(start, amount);
        }

        @Override
        public String text() {
            return "BUSINESS " + amount;
        }
    }

    /** A category's response window for the first attempt. */
    record Window(ResponseWindow window) implements SlaTarget {
        public Window {
            Objects.requireNonNull(window, "window");
        }

        @Override
        public Instant dueFrom(Instant start, BusinessCalendar calendar) {
            return window.dueAt(start, calendar);
        }

        @Override
        public String text() {
            if (window instanceof ResponseWindow.Within within) {
                return "WITHIN " + within.duration();
            }
            if (window instanceof ResponseWindow.SameDay sameDay) {
                return "SAME_DAY " + sameDay.cutoff();
            }
            LocalTime by = ((ResponseWindow.NextBusinessDay) window).by();
            return by == null ? "NEXT_BUSINESS_DAY" : "NEXT_BUSINESS_DAY " + by;
        }
    }

    /** Real time, open or not: an emergency is due fifteen minutes after it arrived, at night too. */
    record WallClock(Duration amount) implements SlaTarget {
        public WallClock {
            Objects.requireNonNull(amount, "amount");
        }

        @Override
        public Instant dueFrom(Instant start, BusinessCalendar calendar) {
            return start.plus(amount);
        }

        @Override
        public String text() {
            return "WALL " + amount;
        }
    }

    /** A due time carried over as it was stored, for clocks started before they were recorded as events. */
    record Until(Instant due) implements SlaTarget {
        public Until {
            Objects.requireNonNull(due, "due");
        }

        @Override
        public Instant dueFrom(Instant start, BusinessCalendar calendar) {
            return due;
        }

        @Override
        public String text() {
            return "UNTIL " + due;
        }
    }

    /** @throws IllegalArgumentException for a text that no target writes */
    static SlaTarget parse(String text) {
        String[] parts = text.strip().split(" ", 2);
        String value = parts.length > 1 ? parts[1] : null;
        try {
            return switch (parts[0]) {
                case "BUSINESS" -> new BusinessTime(Duration.parse(value));
                case "WITHIN" -> new Window(new ResponseWindow.Within(Duration.parse(value)));
                case "SAME_DAY" -> new Window(new ResponseWindow.SameDay(LocalTime.parse(value)));
                case "NEXT_BUSINESS_DAY" -> new Window(new ResponseWindow.NextBusinessDay(value == null ? null : LocalTime.parse(value)));
                case "WALL" -> new WallClock(Duration.parse(value));
                case "UNTIL" -> new Until(Instant.parse(value));
                default -> throw new IllegalArgumentException("Unknown clock target '" + text + "'");
            };
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("Unreadable clock target '" + text + "'", e);
        }
    }
}
