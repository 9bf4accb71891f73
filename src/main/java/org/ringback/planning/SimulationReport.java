package org.ringback.planning;

import java.util.List;

/**
 * The answer to a what-if: each measure's mean over the replications with a 95 % confidence interval, and the
 * replications themselves.
 */
public record SimulationReport(Estimate onTimeShare, Estimate backlogAtClose, Estimate carriedOvernight,
                               Estimate secondCalls, Estimate arrivals, List<ReplicationResult> replications) {

    public SimulationReport {
        replications = List.copyOf(replications);
    }

    static SimulationReport of(List<ReplicationResult> replications) {
        int n = replications.size();
        double[] onTime = new double[n];
        double[] backlog = new double[n];
        double[] carried = new double[n];
        double[] second = new double[n];
        double[] arrivals = new double[n];
        for (int i = 0; i < n; i++) {
            ReplicationResult result = replications.get(i);
            onTime[i] = result.onTimeShare();
            backlog[i] = result.backlogAtClose();
            carried[i] = result.carriedOvernight();
            second[i] = result.secondCalls();
            arrivals[i] = result.arrivals();
        }
        return new SimulationReport(Estimate.of(onTime), Estimate.of(backlog), Estimate.of(carried),
                Estimate.of(second), Estimate.of(arrivals), replications);
    }

    @Override
    public String toString() {
        return "SimulationReport[replications=" + replications.size() + ", onTime=" + onTimeShare
                + ", backlogAtClose=" + backlogAtClose + ", carriedOvernight=" + carriedOvernight
                + ", secondCalls=" + secondCalls + ", arrivals=" + arrivals + "]";
    }
}
