package org.ringback.planning;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Erlang A (M/M/N+M): Erlang C with patients who give up. Each patient waits an exponentially distributed time
 * (mean {@code meanPatience}) for the first attempt and then calls another office; where patience is short this
 * staffs more honestly than Erlang C, which assumes everyone waits forever.
 *
 * <p>The number of items in the system is a birth–death chain: arrivals at λ, and from state k departures at
 * k·μ (k ≤ N) or N·μ + (k − N)·γ (k &gt; N), with μ = 1/handle time and γ = 1/mean patience. Its stationary
 * distribution is summed in log space, so no term overflows, and truncated at the first state k &gt; N past which
 * the chain only falls (λ &lt; departure rate) and the remaining tail is below e^−45 of the largest state: a
 * relative error far below double precision of any result. The waiting-time measures use the exact density of
 * the offered wait V of M/M/N+G (Baccelli &amp; Hébuterne 1981; Zeltyn &amp; Mandelbaum 2005):
 * f_V(x) = λ·π_{N−1}·exp(−Nμx + λ∫₀ˣ e^{−γu} du) for x &gt; 0, integrated numerically in log space. A desk
 * so overloaded and so patient that the queue would pass 20 million items is refused rather than summed.
 *
 * @param arrivalsPerHour λ, items per hour
 * @param handleTime      mean time one attempt keeps a person busy
 * @param meanPatience    mean time a patient waits for the first attempt before going elsewhere
 */
public record ErlangA(double arrivalsPerHour, Duration handleTime, Duration meanPatience) {

    private static final double TAIL = 45;
    private static final int MAX_STATES = 20_000_000;

    public ErlangA {
        Objects.requireNonNull(handleTime, "handleTime");
        Objects.requireNonNull(meanPatience, "meanPatience");
        if (!(arrivalsPerHour >= 0) || Double.isInfinite(arrivalsPerHour)) {
            throw new IllegalArgumentException("arrivals per hour must be zero or positive, was " + arrivalsPerHour);
        }
        if (handleTime.isNegative() || handleTime.isZero() || meanPatience.isNegative() || meanPatience.isZero()) {
            throw new IllegalArgumentException("handle time and patience must be positive");
        }
    }

    /** Offered load A = λ·AHT in Erlangs. */
    public double load() {
        return arrivalsPerHour * ErlangC.hours(handleTime);
    }

    /** P(W &gt; 0): the share of items that find every person busy. */
    public double probabilityOfWaiting(int agents) {
        return chain(agents).waiting;
    }

    /** The share of patients who give up before their first attempt. */
    public double probabilityOfAbandoning(int agents) {
        return chain(agents).abandoning;
    }

    /**
     * The share of items whose first attempt starts within {@code target} while the patient still waits: the
     * on-time share. Patients who give up count as not on time.
     */
    public double serviceLevel(int agents, Duration target) {
        Objects.requireNonNull(target, "target");
        if (target.isNegative()) {
            throw new IllegalArgumentException("target cannot be negative");
        }
        Chain chain = chain(agents);
        if (arrivalsPerHour == 0) {
            return 1;
        }
        double servedLater = agents == 0 ? 0 : Math.exp(Math.log(arrivalsPerHour) + chain.logLastFree
                + logIntegral(agents, ErlangC.hours(target)));
        return Math.min(1, Math.max(0, 1 - chain.waiting + servedLater));
    }

    /** The fewest people for which at least {@code targetServiceLevel} of items are attempted within {@code target}. */
    public int agentsNeeded(Duration target, double targetServiceLevel) {
        if (!(targetServiceLevel >= 0 && targetServiceLevel < 1)) {
            throw new IllegalArgumentException("target service level must be in [0, 1), was " + targetServiceLevel);
        }
        if (arrivalsPerHour == 0) {
            return 0;
        }
        double load = load();
        int limit = 100 + (int) (2 * load + 50 * Math.sqrt(load));
        for (int agents = 1; agents <= limit; agents++) {
            if (serviceLevel(agents, target) >= targetServiceLevel) {
                return agents;
            }
        }
        throw new IllegalStateException("no staffing up to " + limit + " people reaches " + targetServiceLevel);
    }

    /** Stationary results of the truncated chain. */
    private record Chain(double waiting, double abandoning, double logLastFree) {
    }

    private Chain chain(int agents) {
        if (agents < 0) {
            throw new IllegalArgumentException("agents cannot be negative, was " + agents);
        }
        if (arrivalsPerHour == 0) {
            return new Chain(0, 0, agents == 0 ? Double.NEGATIVE_INFINITY : 0);
        }
        double lambda = arrivalsPerHour;
        double mu = 1 / ErlangC.hours(handleTime);
        double gamma = 1 / ErlangC.hours(meanPatience);
        double logLambda = Math.log(lambda);
        // log weights relative to state 0; running log-sums of the normaliser, of the waiting states (k ≥ N)
        // and of the abandonment flow (k − N)·γ·π_k
        double logWeight = 0;
        double maxLogWeight = 0;
        double logTotal = 0;
        double logWaiting = agents == 0 ? 0 : Double.NEGATIVE_INFINITY;
        double logAbandonFlow = Double.NEGATIVE_INFINITY;
        double logLastFree = agents == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
        for (int k = 1; ; k++) {
            if (k > MAX_STATES) {
                throw new IllegalArgumentException("patience too long for an overloaded desk: the queue would exceed "
                        + MAX_STATES + " items");
            }
            if (k == agents) {
                logLastFree = logWeight;
            }
            double departures = k <= agents ? k * mu : agents * mu + (k - agents) * gamma;
            logWeight += logLambda - Math.log(departures);
            maxLogWeight = Math.max(maxLogWeight, logWeight);
            logTotal = logAddExp(logTotal, logWeight);
            if (k >= agents) {
                logWaiting = logAddExp(logWaiting, logWeight);
            }
            if (k > agents) {
                logAbandonFlow = logAddExp(logAbandonFlow, Math.log((k - agents) * gamma) + logWeight);
                double next = agents * mu + (k + 1 - agents) * gamma;
                double ratio = lambda / next;
                if (ratio < 1 && logWeight + Math.log(k + 2.0) - Math.log1p(-ratio) < maxLogWeight - TAIL) {
                    break;
                }
            }
        }
        double waiting = Math.exp(logWaiting - logTotal);
        double abandoning = Math.exp(logAbandonFlow - logTotal - logLambda);
        return new Chain(Math.min(1, waiting), Math.min(1, abandoning), logLastFree - logTotal);
    }

    /**
     * log ∫₀^t exp(φ(x)) dx with φ(x) = −(Nμ + γ)x + λ(1 − e^{−γx})/γ: the offered-wait density times the chance
     * the patient is still there. φ is concave, so its largest value on [0, t] is at the clamped peak and the
     * integrand is only worth integrating where φ is within e^−50 of it.
     */
    private double logIntegral(int agents, double target) {
        if (target <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double lambda = arrivalsPerHour;
        double mu = 1 / ErlangC.hours(handleTime);
        double gamma = 1 / ErlangC.hours(meanPatience);
        double decay = agents * mu + gamma;
        DoubleUnaryOperator phi = x -> -decay * x + lambda * -Math.expm1(-gamma * x) / gamma;
        double peak = lambda > decay ? Math.log(lambda / decay) / gamma : 0;
        peak = Math.min(peak, target);
        double top = phi.applyAsDouble(peak);
        double from = edge(phi, top, peak, 0);
        double to = edge(phi, top, peak, target);
        double sum = 0;
        int pieces = 64;
        double[] cuts = {from, peak, to};
        for (int part = 0; part < 2; part++) {
            double a = cuts[part];
            double b = cuts[part + 1];
            if (b <= a) {
                continue;
            }
            double width = (b - a) / pieces;
            for (int i = 0; i < pieces; i++) {
                double left = a + i * width;
                double right = i == pieces - 1 ? b : left + width;
                sum += simpson(phi, top, left, right);
            }
        }
        return top + Math.log(sum);
    }

    /** The point between {@code peak} and {@code bound} where φ first drops 50 below the peak, or the bound. */
    private static double edge(DoubleUnaryOperator phi, double top, double peak, double bound) {
        if (phi.applyAsDouble(bound) >= top - 50) {
            return bound;
        }
        double inside = peak;
        double outside = bound;
        for (int i = 0; i < 200; i++) {
            double middle = (inside + outside) / 2;
            if (phi.applyAsDouble(middle) >= top - 50) {
                inside = middle;
            } else {
                outside = middle;
            }
        }
        return outside;
    }

    /** Adaptive Simpson of exp(φ − top) ≤ 1 on [a, b], to an absolute error of about 1e−12 per unit length. */
    private static double simpson(DoubleUnaryOperator phi, double top, double a, double b) {
        double fa = Math.exp(phi.applyAsDouble(a) - top);
        double fb = Math.exp(phi.applyAsDouble(b) - top);
        double m = (a + b) / 2;
        double fm = Math.exp(phi.applyAsDouble(m) - top);
        double whole = (b - a) / 6 * (fa + 4 * fm + fb);
        return adaptive(phi, top, a, b, fa, fm, fb, whole, 24);
    }

    private static double adaptive(DoubleUnaryOperator phi, double top, double a, double b,
                                   double fa, double fm, double fb, double whole, int depth) {
        double m = (a + b) / 2;
        double lm = (a + m) / 2;
        double rm = (m + b) / 2;
        double flm = Math.exp(phi.applyAsDouble(lm) - top);
        double frm = Math.exp(phi.applyAsDouble(rm) - top);
        double left = (m - a) / 6 * (fa + 4 * flm + fm);
        double right = (b - m) / 6 * (fm + 4 * frm + fb);
        double error = left + right - whole;
        if (depth <= 0 || Math.abs(error) <= 15e-12 * (b - a)) {
            return left + right + error / 15;
        }
        return adaptive(phi, top, a, m, fa, flm, fm, left, depth - 1)
                + adaptive(phi, top, m, b, fm, frm, fb, right, depth - 1);
    }

    private static double logAddExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
    }
}
