package org.ringback.generator;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.ringback.practice.BoardIdentifier;
import org.ringback.practice.CallWindow;
import org.ringback.practice.OpeningInterval;
import org.ringback.practice.Practice;

/**
 * The practices of a generated data set, derived from the seed alone: the same seed names the same practice
 * ids, which is how a second run over the same database is recognised and refused.
 */
final class GeneratedPractices {

    /** US time zones weighted roughly by population, with the odd ones (Phoenix without DST, Hawaii, Alaska). */
    private static final String[][] ZONES = {
            {"America/New_York", "US-NY", "36"}, {"America/Chicago", "US-TX", "22"}, {"America/Denver", "US-CO", "6"},
            {"America/Phoenix", "US-AZ", "4"}, {"America/Los_Angeles", "US-CA", "20"}, {"America/Detroit", "US-MI", "4"},
            {"America/Indiana/Indianapolis", "US", "3"}, {"America/Boise", "US-ID", "1"}, {"America/Anchorage", "US-AK", "1"},
            {"Pacific/Honolulu", "US-HI", "1"}, {"America/New_York", "US-FL", "2"}};
    private static final String[] TOWNS = {"Lakeside", "Riverside", "Oak Hill", "Cedar Park", "Maple Grove", "Fairview", "Brookside",
            "Pine Ridge", "Harbor", "Westfield", "Greenville", "Springdale", "Clearwater", "Highland", "Summit", "Bayview"};
    private static final String[] KINDS = {"Family Medicine", "Pediatrics", "Internal Medicine", "Primary Care", "Women's Health",
            "Family Practice", "Community Health", "Medical Group"};

    private GeneratedPractices() {
    }

    static UUID id(long seed, int index) {
        return UUID.nameUUIDFromBytes(("ringback-generator/" + seed + "/" + index).getBytes(StandardCharsets.UTF_8));
    }

    /** The random stream of one practice: independent of the others, so practices can be generated in any order. */
    static Random random(long seed, int index) {
        long mixed = seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL;
        return new Random(mixed ^ (mixed >>> 31));
    }

    static Practice practice(long seed, int index) {
        Random random = random(seed ^ 0x5DEECE66DL, index);
        String[] zone = weighted(random);
        String name = TOWNS[random.nextInt(TOWNS.length)] + " " + KINDS[random.nextInt(KINDS.length)]
                + String.format(" #%05d (generated, seed %d)", index + 1, seed);
        Optional<String> holidays = random.nextDouble() < 0.8 ? Optional.of(zone[1]) : Optional.of("US");
        Set<LocalDate> closures = random.nextDouble() < 0.4
                ? Set.of(LocalDate.of(2025, 12, 24), LocalDate.of(2026, 12, 24)) : Set.of();
        BoardIdentifier identifier = random.nextDouble() < 0.15 ? BoardIdentifier.INITIALS : BoardIdentifier.FULL_NAME;
        return new Practice(id(seed, index), name, ZoneId.of(zone[0]), holidays, "US", hours(random), closures,
                CallWindow.DEFAULTS, identifier);
    }

    /** Weekday hours in a few common shapes: straight days, a lunch closure, long days, and Saturday mornings. */
    private static Map<DayOfWeek, List<OpeningInterval>> hours(Random random) {
        double roll = random.nextDouble();
        List<OpeningInterval> weekday;
        if (roll < 0.45) {
            weekday = List.of(interval(8, 17));
        } else if (roll < 0.75) {
            weekday = List.of(interval(8, 12), interval(13, 17));
        } else if (roll < 0.9) {
            weekday = List.of(interval(7, 19));
        } else {
            weekday = List.of(interval(9, 18));
        }
        Map<DayOfWeek, List<OpeningInterval>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, weekday);
        }
        if (random.nextDouble() < 0.25) {
            hours.put(DayOfWeek.SATURDAY, List.of(interval(9, 12)));
        }
        return hours;
    }

    private static OpeningInterval interval(int from, int to) {
        return new OpeningInterval(LocalTime.of(from, 0), LocalTime.of(to, 0));
    }

    private static String[] weighted(Random random) {
        int total = 0;
        for (String[] zone : ZONES) {
            total += Integer.parseInt(zone[2]);
        }
        int roll = random.nextInt(total);
        for (String[] zone : ZONES) {
            roll -= Integer.parseInt(zone[2]);
            if (roll < 0) {
                return zone;
            }
        }
        return ZONES[0];
    }
}
