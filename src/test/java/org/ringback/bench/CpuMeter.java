package org.ringback.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time from Linux's /proc, in clock ticks (USER_HZ, 100 a second): the whole machine, the app's JVM, its
 * PostgreSQL (the postmaster with its backends) and the bench's own JVM. What is left of the machine's busy time
 * is other work on the machine, which a benchmark on a shared box must report. Answers zeros where /proc is absent.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    record Sample(long machineBusy, long app, long postgres, long bench, long nanos) {
    }

    /** CPU used between two samples: milliseconds per request for our processes, cores for the rest of the machine. */
    record Use(double appMsPerRequest, double postgresMsPerRequest, double benchMsPerRequest, double otherCores) {

        static Use between(Sample before, Sample after, int requests) {
            double seconds = (after.nanos() - before.nanos()) / 1e9;
            long app = after.app() - before.app();
            long postgres = after.postgres() - before.postgres();
            long bench = after.bench() - before.bench();
            long others = Math.max(0, after.machineBusy() - before.machineBusy() - app - postgres - bench);
            double perRequest = 1000.0 / TICKS_PER_SECOND / Math.max(1, requests);
            return new Use(app * perRequest, postgres * perRequest, bench * perRequest, others / TICKS_PER_SECOND / seconds);
        }
    }

    private CpuMeter() {
    }

    static Sample sample(long appPid, OptionalLong postmasterPid) {
        long postgres = 0;
        if (postmasterPid.isPresent()) {
            long postmaster = postmasterPid.getAsLong();
            postgres = processTicks(postmaster, true) + children(postmaster);
        }
        return new Sample(machineBusy(), processTicks(appPid, false), postgres, processTicks(ProcessHandle.current().pid(), false),
                System.nanoTime());
    }

    /** user + nice + system + irq + softirq + steal of all CPUs, from the first line of /proc/stat. */
    private static long machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6]) + Long.parseLong(f[7])
                    + Long.parseLong(f[8]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long children(long parent) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                    .filter(pid -> parentOf(pid) == parent)
                    .map(pid -> processTicks(pid, false))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The fields after the command name in /proc/pid/stat: [0] state, [1] ppid, [11] utime, [12] stime, [13-14] children's. */
    private static String[] stat(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static long parentOf(long pid) {
        try {
            return Long.parseLong(stat(pid)[1]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    private static long processTicks(long pid, boolean withExitedChildren) {
        try {
            String[] f = stat(pid);
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withExitedChildren ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
