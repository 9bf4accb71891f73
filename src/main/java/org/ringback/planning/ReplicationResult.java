package org.ringback.planning;

/**
 * What one simulated run of the desk measured, over the measured days.
 *
 * @param arrivals         items that arrived
 * @param onTimeShare      share of items whose first attempt started within the target (open hours); items whose
 *                         target had not passed by the end of the run without an attempt are left out; 1 when
 *                         nothing was due
 * @param backlogAtClose   mean number of open items at the close of each open day
 * @param carriedOvernight items still open at the close of at least one day
 * @param secondCalls      patients who called again because they were not reached within their patience
 * @param reachedShare     share of items whose patient was reached by the end of the run
 */
public record ReplicationResult(int arrivals, double onTimeShare, double backlogAtClose, int carriedOvernight,
                                int secondCalls, double reachedShare) {
}
