package org.ringback.planning;

import java.util.OptionalDouble;

/**
 * How a demand forecast compared with the week that really happened, hour by hour: the simple check that tells
 * a manager whether to trust the staffing numbers built on it.
 *
 * @param forecastTotal              arrivals the forecast expected over the week
 * @param actualTotal                arrivals that came
 * @param meanAbsoluteError          mean over the compared hours of |expected − actual| arrivals
 * @param meanAbsolutePercentageError mean of |expected − actual| / actual over the hours that had arrivals (0.1 = 10 %);
 *                                   empty when no compared hour had any
 * @param hoursCompared              the hours compared: every local hour of the week's days that are not excluded
 */
public record ForecastAccuracy(double forecastTotal, long actualTotal, double meanAbsoluteError,
                               OptionalDouble meanAbsolutePercentageError, int hoursCompared) {
}
