package org.ringback.planning;

import java.util.Arrays;

/**
 * Times the what-if a manager asks for: 1,000 replications of four weeks of the demo-like desk. Not a test (the
 * name ends in neither Test nor Properties, so {@code ./mvnw verify} skips it); run it by hand:
 * {@code java -cp target/test-classes:target/classes org.ringback.planning.SimulationBenchmark [runs]}.
 */
public final class SimulationBenchmark {

    private SimulationBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        CallbackDeskSimulation simulation = new CallbackDeskSimulation(DemoDesk.scenario());
        Horizon fourWeeks = Horizon.weeks(4);
        SimulationReport warmUp = simulation.run(fourWeeks, 1_000, 7);
        System.out.println("first run (JIT warm-up): " + warmUp);
        double[] seconds = new double[runs];
        SimulationReport report = warmUp;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            report = simulation.run(fourWeeks, 1_000, 20261125L + run);
            seconds[run] = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %.3f s%n", run + 1, seconds[run]);
        }
        Arrays.sort(seconds);
        System.out.printf("1,000 replications x 4 weeks, %d runs on %d cores: min %.3f s, median %.3f s%n", runs,
                Runtime.getRuntime().availableProcessors(), seconds[0], seconds[runs / 2]);
        System.out.println("last report: " + report);
    }
}
