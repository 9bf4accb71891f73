package org.ringback.planning;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.ringback.practice.CallWindow;

/**
 * A discrete-event simulation of the callback desk for what-if questions Erlang C cannot answer: a roster that
 * changes by the hour, a practice that closes at night, the response ladder with its reach rates per call
 * window, and patients who call again when nobody reached them in time ("a dedicated Monday 9–11 block with 2
 * staff: what happens to on-time %?").
 *
 * <p>The model, hour by hour in the practice's local time (DST is ignored: it moves one hour twice a year):
 * <ul>
 * <li>Items arrive as a Poisson process whose rate changes each hour ({@link DeskScenario#demand()}).</li>
 * <li>The people on the roster take the next item as soon as they are free: first attempts in arrival order
 *     before retries, because only first attempts have a response target. Someone rostered off finishes the
 *     call in hand.</li>
 * <li>An attempt takes a handle time and reaches the patient with the reach probability of the call window it
 *     starts in. Not reached: the next attempt waits at least the ladder's minimum gap and until an open hour in
 *     a window not yet tried (any window when none is left or none opens), as the response ladder does. After
 *     the last attempt the item closes unreached.</li>
 * <li>A patient not reached within their patience (exponential) calls again: a second call. It is counted, and
 *     the item stays where it is in the queue, as repeat detection attaches the call to it.</li>
 * </ul>
 *
 * <p>Every replication draws from its own seed, derived in order from the master seed, so results are the same
 * however the replications are spread over threads. Each item's handle times, reach draws and patience come
 * from a stream of their own in arrival order, and arrivals from another: two scenarios with the same demand
 * and seed see the same patients, which makes their difference sharper (common random numbers). With one
 * attempt per item an extra person can only bring first attempts forward, draw by draw; with retries that holds
 * on average only, because a retry falling due earlier can keep someone busy just before a new item arrives.
 */
public final class CallbackDeskSimulation {

    private static final int HOURS_PER_WEEK = WeeklyDemand.HOURS_PER_WEEK;
    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
    private static final int ATTEMPT_ENDS = 0;
    private static final int RETRY_DUE = 1;

    private final double[] arrivalsPerHour = new double[HOURS_PER_WEEK];
    private final int[] staff = new int[HOURS_PER_WEEK];
    private final boolean[] open = new boolean[HOURS_PER_WEEK];
    /** Open hours in the week before each hour of the week; the last entry is the week's total. */
    private final double[] openBefore = new double[HOURS_PER_WEEK + 1];
    /** Per weekday, the hour (1–24) the day's last open hour ends, or −1 on a closed day. */
    private final int[] closeHour = new int[7];
    private final byte[] windowAtMinute = new byte[MINUTES_PER_DAY];
    private final double[] reach;
    private final double reachOutsideWindows;
    /** Per set of tried windows, minutes from each minute of the week to the next one a retry may start in. */
    private final int[][] minutesToRetry;
    private final HandleTime.Sampler handleTime;
    private final int maxAttempts;
    private final double minGapHours;
    private final double targetHours;
    private final double patienceHours;
    private final double arrivalsPerWeek;

    public CallbackDeskSimulation(DeskScenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        for (int hour = 0; hour < HOURS_PER_WEEK; hour++) {
            arrivalsPerHour[hour] = scenario.demand().atHourOfWeek(hour);
            staff[hour] = scenario.roster().atHourOfWeek(hour);
            open[hour] = scenario.openHours().atHourOfWeek(hour);
            openBefore[hour + 1] = openBefore[hour] + (open[hour] ? 1 : 0);
        }
        for (int day = 0; day < 7; day++) {
            closeHour[day] = -1;
            for (int hour = 0; hour < 24; hour++) {
                if (open[day * 24 + hour]) {
                    closeHour[day] = hour + 1;
                }
            }
        }
        List<WindowReach> windows = scenario.reach();
        reach = new double[windows.size()];
        Arrays.fill(windowAtMinute, (byte) -1);
        for (int w = windows.size() - 1; w >= 0; w--) {
            CallWindow window = windows.get(w).window();
            reach[w] = windows.get(w).probability();
            for (int minute = 0; minute < MINUTES_PER_DAY; minute++) {
                if (window.contains(LocalTime.of(minute / 60, minute % 60))) {
                    windowAtMinute[minute] = (byte) w;
                }
            }
        }
        reachOutsideWindows = scenario.reachOutsideWindows();
        minutesToRetry = new int[1 << windows.size()][];
        boolean differentWindow = scenario.ladder().differentWindow();
        for (int tried = 0; tried < minutesToRetry.length; tried++) {
            minutesToRetry[tried] = differentWindow ? minutesToRetry(tried, 0) : tried == 0 ? minutesToRetry(0, 2) : minutesToRetry[0];
        }
        handleTime = scenario.handleTime().sampler();
        maxAttempts = scenario.ladder().maxAttempts();
        minGapHours = ErlangC.hours(scenario.ladder().minGap());
        targetHours = ErlangC.hours(scenario.firstAttemptTarget());
        patienceHours = ErlangC.hours(scenario.patience());
        arrivalsPerWeek = scenario.demand().weekTotal();
    }

    /** {@code replications} independent runs over {@code horizon}, spread over the available cores. */
    public SimulationReport run(Horizon horizon, int replications, long seed) {
        Objects.requireNonNull(horizon, "horizon");
        if (replications < 2) {
            throw new IllegalArgumentException("a confidence interval needs at least two replications");
        }
        long[] seeds = new SplittableRandom(seed).longs(replications).toArray();
        List<ReplicationResult> results = IntStream.range(0, replications).parallel()
                .mapToObj(i -> replicate(horizon, seeds[i]))
                .toList();
        return SimulationReport.of(results);
    }

    /** One run over {@code horizon} from an empty desk on a Monday at 00:00. */
    public ReplicationResult replicate(Horizon horizon, long seed) {
        Objects.requireNonNull(horizon, "horizon");
        return new Replication(horizon, seed).run();
    }

    /**
     * For one set of tried windows: minutes from each minute of the week to the next minute a retry may start
     * in, wrapping around the week. Rule 0 wants an open hour in an untried window, rule 1 any window when open,
     * rule 2 any open minute; each gives way to the next when it never applies. A ladder that does not move
     * windows starts at rule 2, as ResponseLadder then takes the next open moment.
     */
    private int[] minutesToRetry(int tried, int firstRule) {
        boolean[] allowed = new boolean[MINUTES_PER_WEEK];
        for (int rule = firstRule; rule < 3; rule++) {
            boolean any = false;
            for (int minute = 0; minute < MINUTES_PER_WEEK; minute++) {
                int window = windowAtMinute[minute % MINUTES_PER_DAY];
                boolean inWindow = rule == 0 ? window >= 0 && (tried & (1 << window)) == 0 : rule == 2 || window >= 0;
                boolean ok = open[minute / 60] && inWindow;
                allowed[minute] = ok;
                any |= ok;
            }
            if (any) {
                break;
            }
        }
        int[] distance = new int[MINUTES_PER_WEEK];
        int next = Integer.MAX_VALUE / 2;
        for (int step = 2 * MINUTES_PER_WEEK - 1; step >= 0; step--) {
            int minute = step % MINUTES_PER_WEEK;
            next = allowed[minute] ? 0 : next + 1;
            distance[minute] = next;
        }
        return distance;
    }

    /** Open hours from the start of the run to {@code hours}: the clock the response target runs on. */
    private double openHoursUntil(double hours) {
        long week = (long) Math.floor(hours / HOURS_PER_WEEK);
        double inWeek = hours - week * (double) HOURS_PER_WEEK;
        int hour = Math.min((int) inWeek, HOURS_PER_WEEK - 1);
        return week * openBefore[HOURS_PER_WEEK] + openBefore[hour] + (open[hour] ? inWeek - hour : 0);
    }

    /** The state of one replication; times are hours since the start, Monday 00:00. */
    private final class Replication {

        private final SplittableRandom arrivalRandom;
        private final SplittableRandom itemRandom;
        private final double end;
        private final double measuredFrom;
        private final int warmUpDays;
        private final EventQueue events = new EventQueue();
        private final IntQueue firstAttempts = new IntQueue();
        private final IntQueue retries = new IntQueue();

        private double[] arrivedAt;
        private double[] firstAttemptAt;
        private double[] reachedAt;
        private double[] callsAgainAt;
        private double[] handleHours;
        private double[] reachDraws;
        private int[] attempts;
        private int[] triedWindows;
        private int[] attemptWindow;
        private boolean[] closed;
        private boolean[] carried;
        private int items;
        private int closedItems;
        private int oldestOpen;
        private int busy;
        private int capacity;
        private int closesMeasured;
        private long backlogAtCloses;

        Replication(Horizon horizon, long seed) {
            SplittableRandom root = new SplittableRandom(seed);
            arrivalRandom = root.split();
            itemRandom = root.split();
            end = horizon.totalDays() * 24.0;
            warmUpDays = horizon.warmUpDays();
            measuredFrom = warmUpDays * 24.0;
            allocate((int) (arrivalsPerWeek * horizon.totalDays() / 7 * 1.2) + 64);
        }

        ReplicationResult run() {
            double nextArrival = nextArrivalAfter(0);
            int nextHour = 0;
            int closeDay = nextCloseDay(0);
            double nextClose = closeTime(closeDay);
            while (true) {
                double nextEvent = events.isEmpty() ? Double.POSITIVE_INFINITY : events.peekTime();
                double now = Math.min(Math.min(nextHour, nextClose), Math.min(nextEvent, nextArrival));
                if (now >= end) {
                    break;
                }
                if (now == nextHour) {
                    capacity = staff[nextHour % HOURS_PER_WEEK];
                    nextHour++;
                    dispatch(now);
                } else if (now == nextClose) {
                    closeOfDay(closeDay);
                    closeDay = nextCloseDay(closeDay + 1);
                    nextClose = closeTime(closeDay);
                } else if (now == nextEvent) {
                    int event = events.poll();
                    if ((event & 1) == ATTEMPT_ENDS) {
                        attemptEnds(event >>> 1, now);
                    } else {
                        retries.add(event >>> 1);
                        dispatch(now);
                    }
                } else {
                    arrive(now);
                    nextArrival = nextArrivalAfter(now);
                }
            }
            return result();
        }

        private double nextArrivalAfter(double from) {
            double time = from;
            while (time < end) {
                int hour = (int) Math.floor(time);
                double rate = arrivalsPerHour[hour % HOURS_PER_WEEK];
                if (rate > 0) {
                    double candidate = time - Math.log(1 - arrivalRandom.nextDouble()) / rate;
                    if (candidate < hour + 1) {
                        return candidate;
                    }
                }
                time = hour + 1;
            }
            return Double.POSITIVE_INFINITY;
        }

        private int nextCloseDay(int fromDay) {
            int day = fromDay;
            while (closeHour[day % 7] < 0) {
                day++;
            }
            return day;
        }

        private double closeTime(int day) {
            return day * 24.0 + closeHour[day % 7];
        }

        private void arrive(double now) {
            if (items == arrivedAt.length) {
                allocate(items * 2);
            }
            int item = items++;
            arrivedAt[item] = now;
            firstAttemptAt[item] = Double.NaN;
            reachedAt[item] = Double.POSITIVE_INFINITY;
            for (int k = 0; k < maxAttempts; k++) {
                handleHours[item * maxAttempts + k] = handleTime.hours(itemRandom);
                reachDraws[item * maxAttempts + k] = itemRandom.nextDouble();
            }
            callsAgainAt[item] = now - patienceHours * Math.log(1 - itemRandom.nextDouble());
            firstAttempts.add(item);
            dispatch(now);
        }

        private void dispatch(double now) {
            while (busy < capacity) {
                int item;
                if (!firstAttempts.isEmpty()) {
                    item = firstAttempts.poll();
                } else if (!retries.isEmpty()) {
                    item = retries.poll();
                } else {
                    return;
                }
                int attempt = attempts[item];
                if (attempt == 0) {
                    firstAttemptAt[item] = now;
                }
                attemptWindow[item] = windowAtMinute[(int) ((now * 60) % MINUTES_PER_DAY)];
                busy++;
                events.add(now + handleHours[item * maxAttempts + attempt], item << 1 | ATTEMPT_ENDS);
            }
        }

        private void attemptEnds(int item, double now) {
            busy--;
            int attempt = attempts[item]++;
            int window = attemptWindow[item];
            double chance = window >= 0 ? reach[window] : reachOutsideWindows;
            if (reachDraws[item * maxAttempts + attempt] < chance) {
                reachedAt[item] = now;
                close(item);
            } else {
                if (window >= 0) {
                    triedWindows[item] |= 1 << window;
                }
                if (attempt + 1 >= maxAttempts) {
                    close(item);
                } else {
                    events.add(retryAt(now + minGapHours, triedWindows[item]), item << 1 | RETRY_DUE);
                }
            }
            dispatch(now);
        }

        private double retryAt(double earliest, int tried) {
            long minute = (long) Math.floor(earliest * 60);
            int wait = minutesToRetry[tried][(int) (minute % MINUTES_PER_WEEK)];
            return wait == 0 ? earliest : (minute + wait) / 60.0;
        }

        private void close(int item) {
            closed[item] = true;
            closedItems++;
        }

        private void closeOfDay(int day) {
            if (day < warmUpDays) {
                return;
            }
            closesMeasured++;
            backlogAtCloses += items - closedItems;
            while (oldestOpen < items && closed[oldestOpen]) {
                oldestOpen++;
            }
            for (int item = oldestOpen; item < items; item++) {
                if (!closed[item] && arrivedAt[item] >= measuredFrom) {
                    carried[item] = true;
                }
            }
        }

        private ReplicationResult result() {
            double endOpenHours = openHoursUntil(end);
            int arrivals = 0;
            int due = 0;
            int onTime = 0;
            int carriedOvernight = 0;
            int secondCalls = 0;
            int reached = 0;
            for (int item = 0; item < items; item++) {
                if (arrivedAt[item] < measuredFrom) {
                    continue;
                }
                arrivals++;
                double arrivedOpenHours = openHoursUntil(arrivedAt[item]);
                if (!Double.isNaN(firstAttemptAt[item])) {
                    due++;
                    if (openHoursUntil(firstAttemptAt[item]) - arrivedOpenHours <= targetHours + 1e-9) {
                        onTime++;
                    }
                } else if (endOpenHours - arrivedOpenHours > targetHours) {
                    due++;
                }
                if (carried[item]) {
                    carriedOvernight++;
                }
                if (callsAgainAt[item] < Math.min(reachedAt[item], end)) {
                    secondCalls++;
                }
                if (reachedAt[item] < Double.POSITIVE_INFINITY) {
                    reached++;
                }
            }
            return new ReplicationResult(arrivals, due == 0 ? 1 : (double) onTime / due,
                    closesMeasured == 0 ? 0 : (double) backlogAtCloses / closesMeasured, carriedOvernight,
                    secondCalls, arrivals == 0 ? 0 : (double) reached / arrivals);
        }

        private void allocate(int size) {
            arrivedAt = grow(arrivedAt, size);
            firstAttemptAt = grow(firstAttemptAt, size);
            reachedAt = grow(reachedAt, size);
            callsAgainAt = grow(callsAgainAt, size);
            handleHours = grow(handleHours, size * maxAttempts);
            reachDraws = grow(reachDraws, size * maxAttempts);
            attempts = attempts == null ? new int[size] : Arrays.copyOf(attempts, size);
            triedWindows = triedWindows == null ? new int[size] : Arrays.copyOf(triedWindows, size);
            attemptWindow = attemptWindow == null ? new int[size] : Arrays.copyOf(attemptWindow, size);
            closed = closed == null ? new boolean[size] : Arrays.copyOf(closed, size);
            carried = carried == null ? new boolean[size] : Arrays.copyOf(carried, size);
        }

        private double[] grow(double[] array, int size) {
            return array == null ? new double[size] : Arrays.copyOf(array, size);
        }
    }

    /** A binary min-heap of (time, event) pairs on primitive arrays: no allocation per event. */
    static final class EventQueue {

        private double[] times = new double[64];
        private int[] events = new int[64];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        double peekTime() {
            return times[0];
        }

        void add(double time, int event) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                events = Arrays.copyOf(events, size * 2);
            }
            int child = size++;
            while (child > 0) {
                int parent = (child - 1) >>> 1;
                if (times[parent] <= time) {
                    break;
                }
                times[child] = times[parent];
                events[child] = events[parent];
                child = parent;
            }
            times[child] = time;
            events[child] = event;
        }

        /** Removes the earliest event and returns it. */
        int poll() {
            int first = events[0];
            size--;
            double time = times[size];
            int event = events[size];
            int parent = 0;
            while (true) {
                int child = 2 * parent + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && times[child + 1] < times[child]) {
                    child++;
                }
                if (times[child] >= time) {
                    break;
                }
                times[parent] = times[child];
                events[parent] = events[child];
                parent = child;
            }
            times[parent] = time;
            events[parent] = event;
            return first;
        }
    }

    /** A first-in, first-out queue of item numbers on a growable ring. */
    static final class IntQueue {

        private int[] items = new int[64];
        private int head;
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        void add(int item) {
            if (size == items.length) {
                int[] bigger = new int[size * 2];
                for (int i = 0; i < size; i++) {
                    bigger[i] = items[(head + i) % items.length];
                }
                items = bigger;
                head = 0;
            }
            items[(head + size) % items.length] = item;
            size++;
        }

        int poll() {
            int item = items[head];
            head = (head + 1) % items.length;
            size--;
            return item;
        }
    }
}
