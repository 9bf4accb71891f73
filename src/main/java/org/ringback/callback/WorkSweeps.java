package org.ringback.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.ringback.identity.Identity;
import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.Practice;
import org.ringback.practice.PracticeDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sweeps of issue 4 besides the first-attempt escalation ({@link EscalationSweep}): the end of the day, idle
 * owners and passed expected dates. Each reads only the items it may act on (partial indexes), changes them through
 * the aggregate so every change is a timeline event with its reason, notifies staff, and is idempotent: the end of
 * the day is marked per practice and date, and the others only find items whose condition still holds. Rows are
 * locked with SKIP LOCKED, so two sweepers never change the same item.
 */
@Service
public class WorkSweeps {

    private static final Logger log = LoggerFactory.getLogger(WorkSweeps.class);
    /** The end-of-day sweep for a date runs after the practice closes, and not later than this after it (no stale days). */
    private static final Duration END_OF_DAY_WINDOW = Duration.ofHours(12);
    private static final int MAX_ESCALATION_LEVEL = 2;

    private record Due(UUID id, Optional<String> owner) {
    }

    private final JdbcClient jdbc;
    private final Callbacks callbacks;
    private final CallbackDesk desk;
    private final PracticeDirectory practices;
    private final Identity identity;
    private final StaffNotifications notifications;
    private final SweepProperties properties;
    private final Clock clock;

    WorkSweeps(JdbcClient jdbc, Callbacks callbacks, CallbackDesk desk, PracticeDirectory practices, Identity identity,
               StaffNotifications notifications, SweepProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.callbacks = callbacks;
        this.desk = desk;
        this.practices = practices;
        this.identity = identity;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * End of day (DESIGN.md): once a practice has closed, every workable item due by the end of its day gets a
     * next-day owner or escalates. The rule: an owner who still works the practice and was active in it within
     * {@code ownerActiveWithin} keeps the item, with a next touch time; any other item (no owner, or one who is
     * gone or idle) goes back to its queue and escalates one level (the queue's supervisor, then the manager), with
     * a notice. Runs once per practice and date: a row in end_of_day_sweep says it ran.
     */
    @Transactional
    public int endOfDay() {
        Instant now = clock.instant();
        int changed = 0;
        for (Practice practice : practices.all()) {
            BusinessCalendar calendar = practice.calendar();
            LocalDate today = calendar.localDate(now);
            for (LocalDate day : List.of(today.minusDays(1), today)) {
                Optional<Instant> close = calendar.endOfBusinessDay(day);
                if (close.isEmpty() || now.isBefore(close.get()) || !now.isBefore(close.get().plus(END_OF_DAY_WINDOW))) {
                    continue;
                }
                int claimed = jdbc.sql("""
                                insert into end_of_day_sweep (practice_id, day, swept_at, items) values (:practiceId, :day, :now, 0)
                                on conflict (practice_id, day) do nothing""")
                        .param("practiceId", practice.id()).param("day", day).param("now", Callbacks.utc(now))
                        .update();
                if (claimed == 1) {
                    int items = endOfDay(practice, calendar, day, now);
                    jdbc.sql("update end_of_day_sweep set items = :items where practice_id = :practiceId and day = :day")
                            .param("items", items).param("practiceId", practice.id()).param("day", day).update();
                    changed += items;
                }
            }
        }
        if (changed > 0) {
            log.info("End-of-day sweep handed over {} callbacks", changed);
        }
        return changed;
    }

    private int endOfDay(Practice practice, BusinessCalendar calendar, LocalDate day, Instant now) {
        Instant endOfDay = calendar.at(day.plusDays(1), LocalTime.MIDNIGHT);
        List<Due> due = jdbc.sql("""
                        select id, owner from callback
                        where practice_id = :practiceId and status in ('NEW', 'IN_PROGRESS') and board_due_at < :endOfDay
                        order by board_due_at, id
                        for update""")
                .param("practiceId", practice.id())
                .param("endOfDay", Callbacks.utc(endOfDay))
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), Optional.ofNullable(rs.getString("owner"))))
                .list();
        Set<String> active = activeOwners(practice.id(), due, now);
        Instant nextTouch = calendar.nextOpenAt(calendar.endOfBusinessDay(day).orElse(now));
        var notices = new ArrayList<StaffNotifications.Pending>();
        List<Callback> loaded = callbacks.findAllForSweep(practice.id(), due.stream().map(Due::id).toList(), false);
        for (Callback callback : loaded) {
            Optional<String> owner = callback.state().owner();
            if (owner.filter(active::contains).isPresent()) {
                callback.carryOver(day, nextTouch, now, Actor.SYSTEM);
            } else {
                if (owner.isPresent()) {
                    callback.returnToQueue("End of day: the owner was not active; the item needs a next-day owner", now, Actor.SYSTEM);
                }
                notices.add(escalate(callback, "End of day: due today and nobody owns it for tomorrow", "end-of-day:" + day, now, calendar));
            }
        }
        callbacks.saveAll(loaded);
        notifications.notifyAll(notices);
        return loaded.size();
    }

    /** Owners who still work the practice and did anything in it lately (any timeline event of theirs). */
    private Set<String> activeOwners(UUID practiceId, List<Due> due, Instant now) {
        Set<String> owners = new HashSet<>();
        due.forEach(item -> item.owner().ifPresent(owners::add));
        if (owners.isEmpty()) {
            return Set.of();
        }
        List<String> recent = jdbc.sql("""
                        select distinct actor from callback_event
                        where practice_id = :practiceId and actor = any(:owners) and at >= :since""")
                .param("practiceId", practiceId)
                .param("owners", owners.toArray(String[]::new))
                .param("since", Callbacks.utc(now.minus(properties.ownerActiveWithin())))
                .query(String.class).list();
        Set<String> active = new HashSet<>();
        for (String owner : recent) {
            if (identity.worksAt(owner, practiceId)) {
                active.add(owner);
            }
        }
        return active;
    }

    /**
     * Claimed items whose owner has done nothing on them (no event of any kind) for {@code idleAfter} of business
     * time go back to their queue without an owner, and the queue is told.
     *
     * <p>Each save keeps the item's newest event time in {@code last_activity_at}. Per practice, every item last
     * active at or before {@code idleAfter} of business time before now is idle, and no later one is: the candidates
     * are an index range per practice (cost grows with the idle items), oldest first. An item idle by the wall clock
     * but not by business time (claimed on Friday evening, read on Monday morning) is never a candidate, so it cannot
     * fill the batch and keep idle items of other practices waiting.
     */
    @Transactional
    public int idleOwners() {
        Instant now = clock.instant();
        record Claimed(UUID practiceId, UUID id, Instant lastActivity) {
        }
        Map<UUID, BusinessCalendar> calendars = new HashMap<>();
        var practiceIds = new ArrayList<UUID>();
        var idleBefore = new ArrayList<String>();
        for (Practice practice : practices.all()) {
            calendars.put(practice.id(), practice.calendar());
            practiceIds.add(practice.id());
            idleBefore.add(practice.calendar().minusBusinessTime(now, properties.idleAfter()).toString());
        }
        if (practiceIds.isEmpty()) {
            return 0;
        }
        List<Claimed> candidates = jdbc.sql("""
                        select c.practice_id, c.id, c.last_activity_at from unnest(:practiceIds, cast(:idleBefore as timestamptz[])) as p (id, idle_before)
                        cross join lateral (
                            select c.practice_id, c.id, c.last_activity_at from callback c
                            where c.practice_id = p.id and c.owner is not null and c.status in ('NEW', 'IN_PROGRESS')
                              and c.last_activity_at <= p.idle_before
                            order by c.last_activity_at, c.id
                            limit :batch
                            for update of c skip locked) c
                        order by c.last_activity_at, c.id
                        limit :batch""")
                .param("practiceIds", practiceIds.toArray(UUID[]::new))
                .param("idleBefore", idleBefore.toArray(String[]::new))
                .param("batch", properties.batch())
                .query((rs, n) -> new Claimed(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                        Callbacks.instant(rs, "last_activity_at")))
                .list();
        // The newest event's time, as every save keeps it: the timeline itself is not loaded.
        Map<UUID, Instant> lastActivities = new HashMap<>();
        candidates.forEach(candidate -> lastActivities.put(candidate.id(), candidate.lastActivity()));
        int returned = 0;
        for (var practice : byPractice(candidates, Claimed::practiceId, Claimed::id).entrySet()) {
            BusinessCalendar calendar = calendars.get(practice.getKey());
            var changed = new ArrayList<Callback>();
            var notices = new ArrayList<StaffNotifications.Pending>();
            for (Callback callback : callbacks.findAllForSweep(practice.getKey(), practice.getValue(), false)) {
                Instant lastActivity = lastActivities.get(callback.id());
                Duration idle = calendar.businessTimeBetween(lastActivity, now);
                if (idle.compareTo(properties.idleAfter()) < 0) {
                    continue;
                }
                callback.returnToQueue("The owner has been idle for " + idle.toMinutes() + " business minutes", now, Actor.SYSTEM);
                changed.add(callback);
                notices.add(new StaffNotifications.Pending(callback, StaffNotifications.Recipient.queue(callback.state().queue()),
                        "Back in the queue: its owner was idle", "idle:" + lastActivity, now, calendar));
            }
            callbacks.saveAll(changed);
            notifications.notifyAll(notices);
            returned += changed.size();
        }
        return returned;
    }

    /**
     * Items waiting on an internal dependency (documents, verification, review, a form) whose expected date has
     * passed in the practice's time zone stop waiting and come back to be worked, with a notice to the owner (or the
     * queue when there is none).
     */
    @Transactional
    public int expectedDates() {
        Instant now = clock.instant();
        record Waiting(UUID practiceId, UUID id, LocalDate expectedBy) {
        }
        // No time zone is more than a day ahead of UTC: the practice's own "today" is checked below.
        List<Waiting> candidates = jdbc.sql("""
                        select practice_id, id, waiting_expected_by from callback
                        where status = 'WAITING_ON_INTERNAL' and waiting_expected_by < :latest
                        order by waiting_expected_by
                        limit :batch
                        for update skip locked""")
                .param("latest", LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1))
                .param("batch", properties.batch())
                .query((rs, n) -> new Waiting(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getObject("waiting_expected_by", LocalDate.class)))
                .list();
        Map<UUID, BusinessCalendar> calendars = new HashMap<>();
        List<Waiting> passed = candidates.stream()
                .filter(c -> c.expectedBy().isBefore(calendars.computeIfAbsent(c.practiceId(), id -> practices.find(id).calendar()).localDate(now)))
                .toList();
        int returned = 0;
        for (var practice : byPractice(passed, Waiting::practiceId, Waiting::id).entrySet()) {
            BusinessCalendar calendar = calendars.get(practice.getKey());
            var contexts = new HashMap<String, CallbackContext>();
            var notices = new ArrayList<StaffNotifications.Pending>();
            List<Callback> loaded = callbacks.findAllForSweep(practice.getKey(), practice.getValue(), true);
            for (Callback callback : loaded) {
                LocalDate expected = callback.state().waitingExpectedBy().orElseThrow();
                CallbackContext context = callback.patientId().isPresent()
                        ? desk.context(callback.practiceId(), callback.category(), callback.patientId())
                        : contexts.computeIfAbsent(callback.category(), code -> desk.context(callback.practiceId(), code, Optional.empty()));
                callback.expectedDatePassed(now, context, Actor.SYSTEM);
                var state = callback.state();
                var to = state.owner().map(StaffNotifications.Recipient::user).orElse(StaffNotifications.Recipient.queue(state.queue()));
                notices.add(new StaffNotifications.Pending(callback, to, "Back from waiting: the expected date passed",
                        "expected:" + expected, now, calendar));
            }
            callbacks.saveAll(loaded);
            notifications.notifyAll(notices);
            returned += loaded.size();
        }
        return returned;
    }

    /** One level up (at level 2 already: the notice alone), and the notice of it. */
    private static StaffNotifications.Pending escalate(Callback callback, String why, String key, Instant now, BusinessCalendar calendar) {
        if (callback.state().escalationLevel() < MAX_ESCALATION_LEVEL) {
            callback.escalate(why, now, Actor.SYSTEM);
        }
        return escalationNotice(callback, why, key, now, calendar);
    }

    /** The notice of an escalation: the item's queue at level 1 (its supervisor reads it there), the managers at level 2. */
    static StaffNotifications.Pending escalationNotice(Callback callback, String why, String key, Instant now, BusinessCalendar calendar) {
        var state = callback.state();
        var to = state.escalationLevel() >= MAX_ESCALATION_LEVEL ? StaffNotifications.Recipient.managers()
                : StaffNotifications.Recipient.queue(state.queue());
        return new StaffNotifications.Pending(callback, to, "Escalated to level " + state.escalationLevel() + ": " + why, key, now, calendar);
    }

    /** Ids grouped by practice, in the order the items came (the sweeps' candidates come oldest due first). */
    static <T> Map<UUID, List<UUID>> byPractice(List<T> items, Function<T, UUID> practice, Function<T, UUID> id) {
        Map<UUID, List<UUID>> grouped = new LinkedHashMap<>();
        items.forEach(item -> grouped.computeIfAbsent(practice.apply(item), key -> new ArrayList<>()).add(id.apply(item)));
        return grouped;
    }
}
