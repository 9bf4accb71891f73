package org.ringback.generator;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code generate --practices N --days D [--seed S] [--workers W] [--now INSTANT]}: what to generate.
 * The same seed, sizes and "now" give the same data.
 *
 * @param workers practices generated and loaded at the same time
 * @param now     the end of the history; empty means the clock's now
 * @param keepIndexes keep the loaded tables' secondary indexes while loading; by default, into a database without
 *                    callbacks yet, they are dropped and built again once at the end ({@code --drop-indexes} is
 *                    still accepted and names that default)
 */
public record GenerateCommand(int practices, int days, long seed, int workers, Optional<Instant> now, boolean keepIndexes) {

    static final String USAGE = "usage: generate --practices N --days D [--seed S] [--workers W] [--now 2026-11-25T12:00:00Z] "
            + "[--keep-indexes]";
    /** Workers per core: while one practice's rows are copied, another's history is simulated. */
    static final int WORKERS_PER_CORE = 2;
    static final int MAX_PRACTICES = 100_000;
    static final int MAX_DAYS = 3_650;
    static final long DEFAULT_SEED = 42;

    public GenerateCommand {
        require(practices >= 1 && practices <= MAX_PRACTICES, "--practices must be from 1 to " + MAX_PRACTICES);
        require(days >= 1 && days <= MAX_DAYS, "--days must be from 1 to " + MAX_DAYS);
        require(workers >= 1 && workers <= 16, "--workers must be from 1 to 16");
        now = now == null ? Optional.empty() : now;
    }

    /** The command line, with or without the word {@code generate} first; Spring's {@code --name=value} options are left to Spring. */
    static GenerateCommand parse(List<String> args) {
        Integer practices = null;
        Integer days = null;
        long seed = DEFAULT_SEED;
        int workers = Math.max(1, Math.min(16, WORKERS_PER_CORE * Runtime.getRuntime().availableProcessors()));
        Optional<Instant> now = Optional.empty();
        boolean keepIndexes = false;
        int start = !args.isEmpty() && args.get(0).equals("generate") ? 1 : 0;
        for (int i = start; i < args.size(); i++) {
            String name = args.get(i);
            if (name.startsWith("--") && name.contains("=")) {
                continue;
            }
            if (name.equals("--keep-indexes") || name.equals("--drop-indexes")) {
                keepIndexes = name.equals("--keep-indexes");
                continue;
            }
            require(i + 1 < args.size() && !args.get(i + 1).startsWith("--"), "'" + name + "' needs a value; " + USAGE);
            String value = args.get(++i);
            switch (name) {
                case "--practices" -> practices = number(name, value);
                case "--days" -> days = number(name, value);
                case "--workers" -> workers = number(name, value);
                case "--seed" -> seed = longNumber(name, value);
                case "--now" -> now = Optional.of(instant(value));
                default -> throw new InvalidArguments("unknown argument '" + name + "'; " + USAGE);
            }
        }
        require(practices != null && days != null, "--practices and --days are required; " + USAGE);
        return new GenerateCommand(practices, days, seed, workers, now, keepIndexes);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidArguments(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static long longNumber(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidArguments(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidArguments("--now must be an instant such as 2026-11-25T12:00:00Z, not '" + value + "'");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new InvalidArguments(message);
        }
    }

    /** Arguments the command cannot run with; the message is one line for the terminal. */
    static final class InvalidArguments extends IllegalArgumentException {
        InvalidArguments(String message) {
            super(message);
        }
    }
}
