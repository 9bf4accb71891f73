package org.ringback.planning;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How long one attempt keeps a person busy: exponential (what Erlang C assumes) or lognormal (what measured
 * handle times usually look like: most calls short, a few long).
 *
 * @param mean   the measured average handle time
 * @param spread the standard deviation; for EXPONENTIAL it equals the mean
 */
public record HandleTime(Shape shape, Duration mean, Duration spread) {

    public enum Shape { EXPONENTIAL, LOGNORMAL }

    public HandleTime {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(spread, "spread");
        if (mean.isNegative() || mean.isZero() || spread.isNegative()) {
            throw new IllegalArgumentException("handle time needs a positive mean and a spread of zero or more");
        }
        if (shape == Shape.EXPONENTIAL && !spread.equals(mean)) {
            throw new IllegalArgumentException("an exponential handle time has a spread equal to its mean");
        }
    }

    public static HandleTime exponential(Duration mean) {
        return new HandleTime(Shape.EXPONENTIAL, mean, mean);
    }

    public static HandleTime lognormal(Duration mean, Duration spread) {
        return new HandleTime(Shape.LOGNORMAL, mean, spread);
    }

    /** A sampler in hours, its parameters worked out once. */
    Sampler sampler() {
        double meanHours = ErlangC.hours(mean);
        if (shape == Shape.EXPONENTIAL) {
            return random -> -meanHours * Math.log(1 - random.nextDouble());
        }
        double ratio = ErlangC.hours(spread) / meanHours;
        double sigma = Math.sqrt(Math.log1p(ratio * ratio));
        double mu = Math.log(meanHours) - sigma * sigma / 2;
        return random -> Math.exp(mu + sigma * random.nextGaussian());
    }

    interface Sampler {
        double hours(SplittableRandom random);
    }
}
