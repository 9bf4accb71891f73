package org.ringback.callback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ringback.patient.ContactMethod;
import org.ringback.practice.ClosureOutcome;
import org.ringback.shared.Refusal;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stored callbacks with their attempts and timelines. Saving checks the version it was loaded with. */
@Repository
class Callbacks {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<RedFlag>> RED_FLAGS = new TypeReference<>() {
    };

    private static final String INSERT_CALLBACK = """
            insert into callback (practice_id, id, patient_id, caller_name, contact_phone, channel, category, urgency,
                urgency_rank, queue, owner, status, waiting_on, waiting_note, waiting_expected_by, reason, details, red_flags,
                received_at, first_attempt_due_at, resolution_due_at, resolution_paused_since, resolution_paused_seconds,
                next_action, next_action_at, board_due_at, attempt_count, first_attempt_at, reached_at, next_step_done_at,
                resolved_at, closure_outcome, closure_note, closed_at, closed_by, repeat_of, repeat_count, escalation_level, version,
                last_activity_at)
            values (:practiceId, :id, :patientId, :callerName, :contactPhone, :channel, :category, :urgency,
                :urgencyRank, :queue, :owner, :status, :waitingOn, :waitingNote, :waitingExpectedBy, :reason,
                cast(:details as jsonb), cast(:redFlags as jsonb),
                :receivedAt, :firstAttemptDueAt, :resolutionDueAt, :pausedSince, :paused,
                :nextAction, :nextActionAt, :boardDueAt, :attemptCount, :firstAttemptAt, :reachedAt, :nextStepDoneAt,
                :resolvedAt, :outcome, :closureNote, :closedAt, :closedBy, :repeatOf, :repeatCount, :escalationLevel, 0,
                :lastActivity)""";
    private static final String INSERT_EVENT = """
            insert into callback_event (practice_id, callback_id, seq, at, type, actor, detail)
            values (:practiceId, :callbackId, :seq, :at, :type, :actor, cast(:detail as jsonb))""";
    private static final String INSERT_SLA_EVENT = """
            insert into sla_event (practice_id, callback_id, seq, clock, type, at, target, cap, reason)
            values (:practiceId, :callbackId, :seq, :clock, :type, :at, :target, :cap, :reason)""";

    /** The timeline and clock events of a new callback, as arrays: the rest of {@link #insert}'s one statement. */
    private static final String INSERT_FIRST_EVENTS = """
            timeline as (
                insert into callback_event (practice_id, callback_id, seq, at, type, actor, detail)
                select :practiceId, :id, e.seq, e.at, e.type, e.actor, cast(e.detail as jsonb)
                from unnest(cast(:eventSeqs as integer[]), cast(cast(:eventAts as text[]) as timestamptz[]), cast(:eventTypes as text[]),
                            cast(:eventActors as text[]), cast(:eventDetails as text[])) as e(seq, at, type, actor, detail))
            insert into sla_event (practice_id, callback_id, seq, clock, type, at, target, cap, reason)
            select :practiceId, :id, c.seq, c.clock, c.type, c.at, c.target, c.cap, c.reason
            from unnest(cast(:slaSeqs as integer[]), cast(:slaClocks as text[]), cast(:slaTypes as text[]),
                        cast(cast(:slaAts as text[]) as timestamptz[]), cast(:slaTargets as text[]), cast(:slaCaps as boolean[]),
                        cast(:slaReasons as text[])) as c(seq, clock, type, at, target, cap, reason)""";

    /** Writes a loaded callback's state if nobody changed it since loading (0 rows: a conflict). */
    private static final String UPDATE_CALLBACK = """
            update callback set urgency = :urgency, urgency_rank = :urgencyRank, queue = :queue, owner = :owner,
                status = :status, waiting_on = :waitingOn, waiting_note = :waitingNote, waiting_expected_by = :waitingExpectedBy,
                reason = :reason,
                details = cast(:details as jsonb), red_flags = cast(:redFlags as jsonb),
                first_attempt_due_at = :firstAttemptDueAt, resolution_due_at = :resolutionDueAt,
                resolution_paused_since = :pausedSince, resolution_paused_seconds = :paused,
                next_action = :nextAction, next_action_at = :nextActionAt, board_due_at = :boardDueAt,
                attempt_count = :attemptCount, first_attempt_at = :firstAttemptAt, reached_at = :reachedAt,
                next_step_done_at = :nextStepDoneAt, resolved_at = :resolvedAt, closure_outcome = :outcome,
                closure_note = :closureNote, closed_at = :closedAt, closed_by = :closedBy,
                repeat_count = :repeatCount, escalation_level = :escalationLevel, version = version + 1,
                last_activity_at = greatest(last_activity_at, :lastActivity)
            where practice_id = :practiceId and id = :id and version = :version""";

    /**
     * The columns {@link #UPDATE_CALLBACK} writes, by parameter name, with their SQL type: the bulk save sends only
     * those that changed, as arrays, in one statement per set of changed columns.
     */
    private static final Map<String, String[]> UPDATABLE = updatable(
            "urgency", "urgency", "text", "urgencyRank", "urgency_rank", "integer", "queue", "queue", "text",
            "owner", "owner", "text", "status", "status", "text", "waitingOn", "waiting_on", "text",
            "waitingNote", "waiting_note", "text", "waitingExpectedBy", "waiting_expected_by", "date", "reason", "reason", "text",
            "details", "details", "jsonb", "redFlags", "red_flags", "jsonb",
            "firstAttemptDueAt", "first_attempt_due_at", "timestamptz", "resolutionDueAt", "resolution_due_at", "timestamptz",
            "pausedSince", "resolution_paused_since", "timestamptz", "paused", "resolution_paused_seconds", "bigint",
            "nextAction", "next_action", "text", "nextActionAt", "next_action_at", "timestamptz",
            "boardDueAt", "board_due_at", "timestamptz", "attemptCount", "attempt_count", "integer",
            "firstAttemptAt", "first_attempt_at", "timestamptz", "reachedAt", "reached_at", "timestamptz",
            "nextStepDoneAt", "next_step_done_at", "timestamptz", "resolvedAt", "resolved_at", "timestamptz",
            "outcome", "closure_outcome", "text", "closureNote", "closure_note", "text", "closedAt", "closed_at", "timestamptz",
            "closedBy", "closed_by", "text", "repeatCount", "repeat_count", "integer", "escalationLevel", "escalation_level", "integer");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JsonMapper json;

    Callbacks(JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json) {
        this.jdbc = jdbc;
        this.named = named;
        this.json = json;
    }

    /** A callback with its attempts and timeline, whatever its practice: the caller checks access. */
    Optional<Callback> find(UUID id) {
        return jdbc.sql("select * from callback where id = :id")
                .param("id", id)
                .query(this::state).optional()
                .map(state -> new Callback(state,
                        attemptRows(state.practiceId(), List.of(id)).stream().map(AttemptRow::attempt).toList(),
                        timeline(state.practiceId(), id), slaEvents(state.practiceId(), id)));
    }

    Optional<Callback> find(UUID practiceId, UUID id) {
        return find(id).filter(callback -> callback.practiceId().equals(practiceId));
    }

    /**
     * Holds the item's row until the transaction ends: changes sent without a version then wait their turn instead
     * of failing on each other's version (an attempt a staffer made must not be refused because a colleague saved first).
     */
    void lock(UUID id) {
        jdbc.sql("select id from callback where id = :id for update").param("id", id).query(UUID.class).optional();
    }

    /** Inserts a new callback or updates a loaded one; a version changed since loading is a conflict. */
    void save(Callback callback) {
        var s = callback.state();
        Map<String, Object> columns = columns(s, callback.attempts().size());
        columns.put("lastActivity", lastActivity(callback));
        if (callback.isNew()) {
            insert(columns);
        } else {
            int updated = update(columns);
            if (updated == 0) {
                throw new Refusal.Conflict("Someone else changed this callback; reload it and try again");
            }
        }
        for (Attempt attempt : callback.unsavedAttempts()) {
            insertAttempt(s.practiceId(), s.id(), attempt);
        }
        for (TimelineEvent event : callback.unsavedEvents()) {
            jdbc.sql(INSERT_EVENT).params(eventRow(s.practiceId(), s.id(), event)).update();
        }
        List<SlaEvent> slaEvents = callback.unsavedSlaEvents();
        for (SlaEvent event : slaEvents) {
            jdbc.sql(INSERT_SLA_EVENT).params(slaRow(s.practiceId(), s.id(), event)).update();
        }
        flagBreaches(s.practiceId(), s.id(), slaEvents);
    }

    /**
     * Inserts a new callback with its first timeline and clock events in one statement (one round trip, where
     * {@link #save} takes one per row), and answers the callback as {@link #find} would read it back.
     */
    Callback insert(Callback callback) {
        if (!callback.isNew() || !callback.attempts().isEmpty()) {
            throw new IllegalArgumentException("insert takes a new callback without attempts");
        }
        var s = callback.state();
        List<TimelineEvent> events = callback.unsavedEvents();
        List<SlaEvent> slaEvents = callback.unsavedSlaEvents();
        Map<String, Object> columns = columns(s, 0);
        columns.put("lastActivity", lastActivity(callback));
        jdbc.sql("with new_callback as (" + INSERT_CALLBACK + "),\n" + INSERT_FIRST_EVENTS)
                .params(columns)
                .param("eventSeqs", events.stream().map(TimelineEvent::seq).toArray(Integer[]::new))
                .param("eventAts", events.stream().map(event -> event.at().toString()).toArray(String[]::new))
                .param("eventTypes", events.stream().map(event -> event.type().name()).toArray(String[]::new))
                .param("eventActors", events.stream().map(TimelineEvent::actor).toArray(String[]::new))
                .param("eventDetails", events.stream().map(event -> json.writeValueAsString(event.detail())).toArray(String[]::new))
                .param("slaSeqs", slaEvents.stream().map(SlaEvent::seq).toArray(Integer[]::new))
                .param("slaClocks", slaEvents.stream().map(event -> event.clock().name()).toArray(String[]::new))
                .param("slaTypes", slaEvents.stream().map(event -> event.type().name()).toArray(String[]::new))
                .param("slaAts", slaEvents.stream().map(event -> event.at().toString()).toArray(String[]::new))
                .param("slaTargets", slaEvents.stream().map(event -> event.target().map(SlaTarget::text).orElse(null)).toArray(String[]::new))
                .param("slaCaps", slaEvents.stream().map(SlaEvent::cap).toArray(Boolean[]::new))
                .param("slaReasons", slaEvents.stream().map(event -> event.reason().orElse(null)).toArray(String[]::new))
                .update();
        flagBreaches(s.practiceId(), s.id(), slaEvents);
        // The database keeps microseconds: an item received at a finer instant is answered as stored, read back.
        return s.receivedAt().getNano() % 1000 == 0
                ? new Callback(s, List.of(), events, slaEvents)
                : find(s.practiceId(), s.id()).orElseThrow();
    }

    /** Sets the breach flags the sweep's partial indexes read, for clocks that breached in these new events. */
    private void flagBreaches(UUID practiceId, UUID callbackId, List<SlaEvent> slaEvents) {
        for (SlaEvent.Clock clock : SlaEvent.Clock.values()) {
            if (slaEvents.stream().anyMatch(event -> event.clock() == clock && event.type() == SlaEvent.Type.BREACHED)) {
                jdbc.sql("update callback set " + (clock == SlaEvent.Clock.FIRST_ATTEMPT ? "first_attempt_breached" : "resolution_breached")
                                + " = true where practice_id = :practiceId and id = :id")
                        .param("practiceId", practiceId)
                        .param("id", callbackId)
                        .update();
            }
        }
    }

    private Map<String, Object> eventRow(UUID practiceId, UUID callbackId, TimelineEvent event) {
        var row = new HashMap<String, Object>();
        row.put("practiceId", practiceId);
        row.put("callbackId", callbackId);
        row.put("seq", event.seq());
        row.put("at", utc(event.at()));
        row.put("type", event.type().name());
        row.put("actor", event.actor());
        row.put("detail", json.writeValueAsString(event.detail()));
        return row;
    }

    private static Map<String, Object> slaRow(UUID practiceId, UUID callbackId, SlaEvent event) {
        var row = new HashMap<String, Object>();
        row.put("practiceId", practiceId);
        row.put("callbackId", callbackId);
        row.put("seq", event.seq());
        row.put("clock", event.clock().name());
        row.put("type", event.type().name());
        row.put("at", utc(event.at()));
        row.put("target", event.target().map(SlaTarget::text).orElse(null));
        row.put("cap", event.cap());
        row.put("reason", event.reason().orElse(null));
        return row;
    }

    /** The clock events of a callback, in the order they were recorded. */
    List<SlaEvent> slaEvents(UUID practiceId, UUID callbackId) {
        return jdbc.sql("select * from sla_event where practice_id = :practiceId and callback_id = :id order by seq")
                .param("practiceId", practiceId)
                .param("id", callbackId)
                .query((rs, n) -> slaEvent(rs))
                .list();
    }

    private static SlaEvent slaEvent(ResultSet rs) throws SQLException {
        return new SlaEvent(rs.getInt("seq"), SlaEvent.Clock.valueOf(rs.getString("clock")),
                SlaEvent.Type.valueOf(rs.getString("type")), instant(rs, "at"),
                Optional.ofNullable(rs.getString("target")).map(SlaTarget::parse), rs.getBoolean("cap"),
                Optional.ofNullable(rs.getString("reason")));
    }

    /**
     * Inserts new callbacks and their first timeline events in two JDBC batches: the bulk path of imports,
     * the same rows {@link #save} writes one by one.
     */
    void insertAll(List<Callback> created) {
        if (created.isEmpty()) {
            return;
        }
        var callbackRows = created.stream().map(callback -> {
            Map<String, Object> row = columns(callback.state(), 0);
            row.put("lastActivity", lastActivity(callback));
            return (Map<String, ?>) row;
        }).toList();
        var eventRows = new ArrayList<Map<String, ?>>();
        var slaRows = new ArrayList<Map<String, ?>>();
        for (Callback callback : created) {
            callback.unsavedSlaEvents().forEach(event -> slaRows.add(slaRow(callback.practiceId(), callback.id(), event)));
            if (!callback.isNew()) {
                throw new IllegalArgumentException("insertAll takes new callbacks only");
            }
            callback.unsavedEvents().forEach(event -> eventRows.add(eventRow(callback.practiceId(), callback.id(), event)));
        }
        named.batchUpdate(INSERT_CALLBACK, SqlParameterSourceUtils.createBatch(callbackRows));
        named.batchUpdate(INSERT_EVENT, SqlParameterSourceUtils.createBatch(eventRows));
        named.batchUpdate(INSERT_SLA_EVENT, SqlParameterSourceUtils.createBatch(slaRows));
    }

    /** Earlier requests from any of these patients or phones (the bulk form of {@link #priors}). */
    List<CallbackDesk.CallerPrior> priorsOfMany(UUID practiceId, Collection<UUID> patientIds, Collection<String> phones, Instant since) {
        if (patientIds.isEmpty() && phones.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, category, status, received_at, closed_at, patient_id, contact_phone from callback
                        where practice_id = :practiceId
                          and (patient_id = any(:patientIds) or contact_phone = any(:phones))
                          and (status <> 'CLOSED' or closed_at >= :since)""")
                .param("practiceId", practiceId)
                .param("patientIds", patientIds.toArray(UUID[]::new))
                .param("phones", phones.toArray(String[]::new))
                .param("since", utc(since))
                .query((rs, n) -> new CallbackDesk.CallerPrior(new RepeatCallDetector.Prior(rs.getObject("id", UUID.class),
                        rs.getString("category"), !"CLOSED".equals(rs.getString("status")), instant(rs, "received_at"),
                        Optional.ofNullable(instant(rs, "closed_at"))),
                        Optional.ofNullable(rs.getObject("patient_id", UUID.class)), Optional.ofNullable(rs.getString("contact_phone"))))
                .list();
    }

    /** One page of a practice's board, with each item's attempts (two queries whatever the page size). */
    List<Callback> board(UUID practiceId, BoardFilter filter, Optional<BoardCursor> after, int limit) {
        var filters = new StringBuilder("c.practice_id = :practiceId");
        var params = new HashMap<String, Object>();
        params.put("practiceId", practiceId);
        if (filter.status().isEmpty()) {
            filters.append(" and c.status <> 'CLOSED'");
        } else {
            filters.append(" and c.status = :status");
            params.put("status", filter.status().get().name());
        }
        filter.queue().ifPresent(queue -> {
            filters.append(" and c.queue = :queue");
            params.put("queue", queue);
        });
        filter.owner().ifPresent(owner -> {
            filters.append(" and c.owner = :owner");
            params.put("owner", owner);
        });
        filter.category().ifPresent(category -> {
            filters.append(" and c.category = :category");
            params.put("category", category);
        });
        String sql = BoardKeyset.page("c.*", filters.toString(), after.isPresent(), limit);
        BoardKeyset.bind(params, after);
        List<Callback.State> states = jdbc.sql(sql).params(params).query(this::state).list();
        Map<UUID, List<Attempt>> attempts = attemptRows(practiceId, states.stream().map(Callback.State::id).toList()).stream()
                .collect(Collectors.groupingBy(AttemptRow::callbackId, Collectors.mapping(AttemptRow::attempt, Collectors.toList())));
        return states.stream()
                .map(state -> new Callback(state, attempts.getOrDefault(state.id(), List.of()), List.of()))
                .toList();
    }

    /** A patient's callbacks, oldest first, with their attempts; the caller checks access to their practice. */
    List<Callback> ofPatient(UUID patientId) {
        List<Callback.State> states = jdbc.sql("select * from callback where patient_id = :patientId order by received_at, id")
                .param("patientId", patientId)
                .query(this::state).list();
        Map<UUID, List<Attempt>> attempts = new HashMap<>();
        states.stream().collect(Collectors.groupingBy(Callback.State::practiceId,
                        Collectors.mapping(Callback.State::id, Collectors.toList())))
                .forEach((practiceId, ids) -> attempts.putAll(attemptsByCallback(practiceId, ids)));
        return states.stream()
                .map(state -> new Callback(state, attempts.getOrDefault(state.id(), List.of()), List.of()))
                .toList();
    }

    /**
     * Callbacks of one practice with their attempts, timelines and clock events in four queries, whatever their
     * number: the sweeps' bulk path ({@link #find} per item costs four queries each).
     */
    List<Callback> findAll(UUID practiceId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID[] wanted = ids.toArray(UUID[]::new);
        List<Callback.State> states = states(practiceId, wanted);
        Map<UUID, List<Attempt>> attempts = attemptsByCallback(practiceId, ids);
        Map<UUID, List<TimelineEvent>> timelines = new HashMap<>();
        jdbc.sql("select * from callback_event where practice_id = :practiceId and callback_id = any(:ids) order by callback_id, seq")
                .param("practiceId", practiceId).param("ids", wanted)
                .query((rs, n) -> {
                    timelines.computeIfAbsent(rs.getObject("callback_id", UUID.class), id -> new ArrayList<>())
                            .add(new TimelineEvent(rs.getInt("seq"), TimelineEvent.Type.valueOf(rs.getString("type")),
                                    instant(rs, "at"), rs.getString("actor"), json.readValue(rs.getString("detail"), STRING_MAP)));
                    return null;
                }).list();
        Map<UUID, List<SlaEvent>> clocks = new HashMap<>();
        jdbc.sql("select * from sla_event where practice_id = :practiceId and callback_id = any(:ids) order by callback_id, seq")
                .param("practiceId", practiceId).param("ids", wanted)
                .query((rs, n) -> {
                    clocks.computeIfAbsent(rs.getObject("callback_id", UUID.class), id -> new ArrayList<>()).add(slaEvent(rs));
                    return null;
                }).list();
        return states.stream()
                .map(state -> new Callback(state, attempts.getOrDefault(state.id(), List.of()),
                        timelines.getOrDefault(state.id(), List.of()), clocks.getOrDefault(state.id(), List.of())))
                .toList();
    }

    /**
     * The sweeps' light load: callbacks with their attempts, their timeline as its length (a sweep adds events and
     * reads none: parsing every stored event cost more than the rest of the load) and, if {@code withClocks}, their
     * clock events. An item without clock events (stored before clocks were events) comes whole, since the aggregate
     * derives its clocks from its timeline.
     */
    List<Callback> findAllForSweep(UUID practiceId, Collection<UUID> ids, boolean withClocks) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID[] wanted = ids.toArray(UUID[]::new);
        List<Callback.State> states = states(practiceId, wanted);
        Map<UUID, List<Attempt>> attempts = attemptsByCallback(practiceId, ids);
        Map<UUID, Integer> lengths = new HashMap<>();
        jdbc.sql("select callback_id, max(seq) as length from callback_event where practice_id = :practiceId and callback_id = any(:ids) group by callback_id")
                .param("practiceId", practiceId).param("ids", wanted)
                .query((rs, n) -> lengths.put(rs.getObject("callback_id", UUID.class), rs.getInt("length")))
                .list();
        Map<UUID, List<SlaEvent>> clocks = new HashMap<>();
        if (withClocks) {
            jdbc.sql("select * from sla_event where practice_id = :practiceId and callback_id = any(:ids) order by callback_id, seq")
                    .param("practiceId", practiceId).param("ids", wanted)
                    .query((rs, n) -> clocks.computeIfAbsent(rs.getObject("callback_id", UUID.class), id -> new ArrayList<>()).add(slaEvent(rs)))
                    .list();
        }
        List<UUID> withoutClocks = withClocks ? states.stream().map(Callback.State::id).filter(id -> !clocks.containsKey(id)).toList() : List.of();
        Map<UUID, Callback> whole = new HashMap<>();
        findAll(practiceId, withoutClocks).forEach(callback -> whole.put(callback.id(), callback));
        return states.stream()
                .map(state -> whole.containsKey(state.id()) ? whole.get(state.id())
                        : Callback.forSweep(state, attempts.getOrDefault(state.id(), List.of()), lengths.getOrDefault(state.id(), 0),
                                withClocks ? Optional.of(clocks.get(state.id())) : Optional.empty()))
                .toList();
    }

    /** The callbacks' rows, for the bulk loads. */
    private List<Callback.State> states(UUID practiceId, UUID[] ids) {
        return jdbc.sql("select * from callback where practice_id = :practiceId and id = any(:ids)")
                .param("practiceId", practiceId).param("ids", ids)
                .query(this::state).list();
    }

    /** Their attempts, in order, by callback. */
    private Map<UUID, List<Attempt>> attemptsByCallback(UUID practiceId, Collection<UUID> ids) {
        Map<UUID, List<Attempt>> attempts = new HashMap<>();
        attemptRows(practiceId, ids).forEach(row -> attempts.computeIfAbsent(row.callbackId(), id -> new ArrayList<>()).add(row.attempt()));
        return attempts;
    }

    /**
     * Saves loaded callbacks as {@link #save} does (a changed version is a conflict), with their new attempts,
     * timeline and clock events in JDBC batches: the sweeps' bulk path.
     */
    void saveAll(List<Callback> changed) {
        saveAll(changed, Set.of());
    }

    /**
     * {@link #saveAll(List)}, also setting the first-attempt breach flag of the items in {@code firstAttemptBreached}
     * (a breach the sweep recorded in bulk just before) in the same row update: one new row version per item, not two.
     */
    void saveAll(List<Callback> changed, Set<UUID> firstAttemptBreached) {
        if (changed.stream().anyMatch(Callback::isNew)) {
            throw new IllegalArgumentException("saveAll takes stored callbacks only");
        }
        updateChanged(changed, firstAttemptBreached);
        var eventRows = new ArrayList<Map<String, ?>>();
        var slaRows = new ArrayList<Map<String, ?>>();
        for (Callback callback : changed) {
            for (Attempt attempt : callback.unsavedAttempts()) {
                insertAttempt(callback.practiceId(), callback.id(), attempt);
            }
            callback.unsavedEvents().forEach(event -> eventRows.add(eventRow(callback.practiceId(), callback.id(), event)));
            callback.unsavedSlaEvents().forEach(event -> slaRows.add(slaRow(callback.practiceId(), callback.id(), event)));
        }
        if (!eventRows.isEmpty()) {
            insertEvents(eventRows);
        }
        if (!slaRows.isEmpty()) {
            named.batchUpdate(INSERT_SLA_EVENT, SqlParameterSourceUtils.createBatch(slaRows));
        }
    }

    /**
     * Timeline events as one {@code INSERT ... SELECT FROM unnest} (rows as {@link #eventRow} builds them): a JDBC
     * batch of 2,000 is rewritten into many multi-row statements, each parsed and bound anew.
     */
    private void insertEvents(List<Map<String, ?>> rows) {
        jdbc.sql("""
                        insert into callback_event (practice_id, callback_id, seq, at, type, actor, detail)
                        select e.practice_id, e.callback_id, e.seq, e.at, e.type, e.actor, cast(e.detail as jsonb)
                        from unnest(cast(:practiceIds as uuid[]), cast(:callbackIds as uuid[]), cast(:seqs as integer[]),
                                    cast(cast(:ats as text[]) as timestamptz[]), cast(:types as text[]), cast(:actors as text[]),
                                    cast(:details as text[])) as e(practice_id, callback_id, seq, at, type, actor, detail)""")
                .param("practiceIds", rows.stream().map(row -> row.get("practiceId")).toArray(UUID[]::new))
                .param("callbackIds", rows.stream().map(row -> row.get("callbackId")).toArray(UUID[]::new))
                .param("seqs", rows.stream().map(row -> (Integer) row.get("seq")).toArray(Integer[]::new))
                .param("ats", rows.stream().map(row -> text(row.get("at"))).toArray(String[]::new))
                .param("types", rows.stream().map(row -> (String) row.get("type")).toArray(String[]::new))
                .param("actors", rows.stream().map(row -> (String) row.get("actor")).toArray(String[]::new))
                .param("details", rows.stream().map(row -> (String) row.get("detail")).toArray(String[]::new))
                .update();
    }

    /**
     * Writes what changed since loading, version-checked, in one statement per set of changed columns (a sweep's
     * items change alike: one statement for all of them). Unchanged columns are not written, so PostgreSQL can keep
     * an update on the same page without touching indexes (HOT) when no indexed column changed.
     */
    private void updateChanged(List<Callback> changed, Set<UUID> firstAttemptBreached) {
        Map<UpdateShape, List<Map<String, Object>>> byShape = new LinkedHashMap<>();
        for (Callback callback : changed) {
            Map<String, Object> now = columns(callback.state(), callback.attempts().size());
            Map<String, Object> before = columns(callback.storedState(), storedAttempts(callback));
            List<String> differing = UPDATABLE.keySet().stream().filter(key -> !Objects.equals(now.get(key), before.get(key))).toList();
            now.put("lastActivity", lastActivity(callback));
            List<SlaEvent> slaEvents = callback.unsavedSlaEvents();
            var shape = new UpdateShape(differing,
                    firstAttemptBreached.contains(callback.id()) || breaches(slaEvents, SlaEvent.Clock.FIRST_ATTEMPT),
                    breaches(slaEvents, SlaEvent.Clock.RESOLUTION));
            byShape.computeIfAbsent(shape, key -> new ArrayList<>()).add(now);
        }
        byShape.forEach((shape, rows) -> {
            List<String> columns = shape.columns();
            var set = new StringBuilder("version = c.version + 1, last_activity_at = greatest(c.last_activity_at, u.last_activity)");
            // The flags the breach candidates' partial indexes read, with the rest of the row: one new row version.
            if (shape.firstAttemptBreached()) {
                set.append(", first_attempt_breached = true");
            }
            if (shape.resolutionBreached()) {
                set.append(", resolution_breached = true");
            }
            var names = new StringBuilder("practice_id, id, version, last_activity");
            var arrays = new StringBuilder("cast(:practiceId as uuid[]), cast(:id as uuid[]), cast(:version as integer[]), "
                    + "cast(:lastActivity as timestamptz[])");
            var params = new HashMap<String, Object>();
            params.put("practiceId", rows.stream().map(row -> row.get("practiceId")).toArray(UUID[]::new));
            params.put("id", rows.stream().map(row -> row.get("id")).toArray(UUID[]::new));
            params.put("version", rows.stream().map(row -> (Integer) row.get("version")).toArray(Integer[]::new));
            params.put("lastActivity", rows.stream().map(row -> text(row.get("lastActivity"))).toArray(String[]::new));
            int n = 0;
            for (String column : columns) {
                String[] meta = UPDATABLE.get(column);
                String alias = "v" + n++;
                set.append(", ").append(meta[0]).append(" = u.").append(alias);
                names.append(", ").append(alias);
                arrays.append(", cast(:").append(alias).append(" as ").append(meta[1]).append("[])");
                params.put(alias, rows.stream().map(row -> text(row.get(column))).toArray(String[]::new));
            }
            int updated = jdbc.sql("update callback c set " + set + " from unnest(" + arrays + ") as u(" + names + ")"
                            + " where c.practice_id = u.practice_id and c.id = u.id and c.version = u.version")
                    .params(params)
                    .update();
            if (updated != rows.size()) {
                throw new Refusal.Conflict("Someone else changed this callback; reload it and try again");
            }
        });
    }

    /** The columns an update writes and the breach flags it sets: the items of one shape go in one statement. */
    private record UpdateShape(List<String> columns, boolean firstAttemptBreached, boolean resolutionBreached) {
    }

    private static boolean breaches(List<SlaEvent> events, SlaEvent.Clock clock) {
        return events.stream().anyMatch(event -> event.clock() == clock && event.type() == SlaEvent.Type.BREACHED);
    }

    private static int storedAttempts(Callback callback) {
        return callback.attempts().size() - callback.unsavedAttempts().size();
    }

    /** The newest of the events not stored yet: the item's last activity moves to it (null: unchanged). */
    private static OffsetDateTime lastActivity(Callback callback) {
        return callback.unsavedEvents().stream().map(TimelineEvent::at).max(Instant::compareTo).map(Callbacks::utc).orElse(null);
    }

    /** A column value as PostgreSQL reads it from text (arrays of text are cast to the column's type). */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof OffsetDateTime time ? time.toInstant().toString() : value.toString();
    }

    private static Map<String, String[]> updatable(String... triples) {
        Map<String, String[]> columns = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            columns.put(triples[i], new String[] {triples[i + 1], triples[i + 2]});
        }
        return Collections.unmodifiableMap(columns);
    }

    /**
     * Earlier requests from a patient or a phone that may make a new one a repeat call. Each combination of known
     * patient and phone has its own statement: with a null parameter in {@code patient_id = :patientId or ...},
     * PostgreSQL found the generic plan dearer than a custom one and planned the statement again on every intake.
     */
    List<RepeatCallDetector.Prior> priors(UUID practiceId, Optional<UUID> patientId, Optional<String> phone, Instant since) {
        if (patientId.isEmpty() && phone.isEmpty()) {
            return List.of();
        }
        String caller = patientId.isEmpty() ? "contact_phone = :phone"
                : phone.isEmpty() ? "patient_id = :patientId" : "(patient_id = :patientId or contact_phone = :phone)";
        return jdbc.sql("""
                        select id, category, status, received_at, closed_at from callback
                        where practice_id = :practiceId and %s
                          and (status <> 'CLOSED' or closed_at >= :since)""".formatted(caller))
                .param("practiceId", practiceId)
                .param("patientId", patientId.orElse(null))
                .param("phone", phone.orElse(null))
                .param("since", utc(since))
                .query((rs, n) -> new RepeatCallDetector.Prior(rs.getObject("id", UUID.class), rs.getString("category"),
                        !"CLOSED".equals(rs.getString("status")), instant(rs, "received_at"), Optional.ofNullable(instant(rs, "closed_at"))))
                .list();
    }

    private void insert(Map<String, Object> columns) {
        jdbc.sql(INSERT_CALLBACK)
                .params(columns)
                .update();
    }

    private int update(Map<String, Object> columns) {
        return jdbc.sql(UPDATE_CALLBACK).params(columns).update();
    }

    private Map<String, Object> columns(Callback.State s, int attemptCount) {
        var c = new HashMap<String, Object>();
        c.put("practiceId", s.practiceId());
        c.put("id", s.id());
        c.put("patientId", s.patientId().orElse(null));
        c.put("callerName", s.callerName().orElse(null));
        c.put("contactPhone", s.contactPhone().orElse(null));
        c.put("channel", s.channel().name());
        c.put("category", s.category());
        c.put("urgency", s.urgency().name());
        c.put("urgencyRank", s.urgency().ordinal());
        c.put("queue", s.queue());
        c.put("owner", s.owner().orElse(null));
        c.put("status", s.status().name());
        c.put("waitingOn", s.waitingOn().map(Enum::name).orElse(null));
        c.put("waitingNote", s.waitingNote().orElse(null));
        c.put("waitingExpectedBy", s.waitingExpectedBy().orElse(null));
        c.put("reason", s.reason().orElse(null));
        c.put("details", json.writeValueAsString(s.details()));
        c.put("redFlags", json.writeValueAsString(s.redFlags()));
        c.put("receivedAt", utc(s.receivedAt()));
        c.put("firstAttemptDueAt", utc(s.firstAttemptDueAt()));
        c.put("resolutionDueAt", utc(s.resolutionDueAt()));
        c.put("pausedSince", s.resolutionPausedSince().map(Callbacks::utc).orElse(null));
        c.put("paused", s.resolutionPaused().toSeconds());
        c.put("nextAction", s.nextAction().orElse(null));
        c.put("nextActionAt", s.nextActionAt().map(Callbacks::utc).orElse(null));
        c.put("boardDueAt", utc(s.boardDueAt()));
        c.put("firstAttemptAt", s.firstAttemptAt().map(Callbacks::utc).orElse(null));
        c.put("reachedAt", s.reachedAt().map(Callbacks::utc).orElse(null));
        c.put("nextStepDoneAt", s.nextStepDoneAt().map(Callbacks::utc).orElse(null));
        c.put("resolvedAt", s.resolvedAt().map(Callbacks::utc).orElse(null));
        c.put("outcome", s.closure().map(closure -> closure.outcome().name()).orElse(null));
        c.put("closureNote", s.closure().flatMap(Closure::note).orElse(null));
        c.put("closedAt", s.closure().map(closure -> utc(closure.closedAt())).orElse(null));
        c.put("closedBy", s.closure().map(Closure::closedBy).orElse(null));
        c.put("repeatOf", s.repeatOf().orElse(null));
        c.put("repeatCount", s.repeatCount());
        c.put("escalationLevel", s.escalationLevel());
        c.put("version", s.version());
        c.put("attemptCount", attemptCount);
        return c;
    }

    private void insertAttempt(UUID practiceId, UUID callbackId, Attempt a) {
        jdbc.sql("""
                        insert into attempt (practice_id, callback_id, seq, at, method, caller, result, message_left, script,
                            patient_response, next_action, call_window, duration_seconds)
                        values (:practiceId, :callbackId, :seq, :at, :method, :caller, :result, :messageLeft, :script,
                            :patientResponse, :nextAction, :callWindow, :durationSeconds)""")
                .param("practiceId", practiceId)
                .param("callbackId", callbackId)
                .param("seq", a.seq())
                .param("at", utc(a.at()))
                .param("method", a.method().name())
                .param("caller", a.caller())
                .param("result", a.result().name())
                .param("messageLeft", a.messageLeft())
                .param("script", a.script().orElse(null))
                .param("patientResponse", a.patientResponse().orElse(null))
                .param("nextAction", a.nextAction().orElse(null))
                .param("callWindow", a.callWindow().orElse(null))
                .param("durationSeconds", a.duration().map(d -> (int) d.toSeconds()).orElse(null))
                .update();
    }

    private record AttemptRow(UUID callbackId, Attempt attempt) {
    }

    /**
     * The attempts of these items. One item (every {@link #find}) has a statement of its own: with an array parameter
     * PostgreSQL keeps custom plans and planned the statement again on most calls.
     */
    private List<AttemptRow> attemptRows(UUID practiceId, Collection<UUID> callbackIds) {
        if (callbackIds.isEmpty()) {
            return List.of();
        }
        var statement = callbackIds.size() == 1
                ? jdbc.sql("select * from attempt where practice_id = :practiceId and callback_id = :id order by seq")
                        .param("id", callbackIds.iterator().next())
                : jdbc.sql("select * from attempt where practice_id = :practiceId and callback_id = any(:ids) order by callback_id, seq")
                        .param("ids", callbackIds.toArray(UUID[]::new));
        return statement.param("practiceId", practiceId)
                .query((rs, n) -> new AttemptRow(rs.getObject("callback_id", UUID.class), new Attempt(
                        rs.getInt("seq"), instant(rs, "at"), ContactMethod.valueOf(rs.getString("method")), rs.getString("caller"),
                        AttemptResult.valueOf(rs.getString("result")), rs.getBoolean("message_left"),
                        Optional.ofNullable(rs.getString("script")), Optional.ofNullable(rs.getString("patient_response")),
                        Optional.ofNullable(rs.getString("next_action")), Optional.ofNullable(rs.getString("call_window")),
                        Optional.ofNullable(rs.getObject("duration_seconds", Integer.class)).map(Duration::ofSeconds))))
                .list();
    }

    private List<TimelineEvent> timeline(UUID practiceId, UUID callbackId) {
        return jdbc.sql("select * from callback_event where practice_id = :practiceId and callback_id = :id order by seq")
                .param("practiceId", practiceId)
                .param("id", callbackId)
                .query((rs, n) -> new TimelineEvent(rs.getInt("seq"), TimelineEvent.Type.valueOf(rs.getString("type")),
                        instant(rs, "at"), rs.getString("actor"), json.readValue(rs.getString("detail"), STRING_MAP)))
                .list();
    }

    private Callback.State state(ResultSet rs, int row) throws SQLException {
        Optional<Closure> closure = Optional.ofNullable(rs.getString("closure_outcome"))
                .map(outcome -> {
                    try {
                        return new Closure(ClosureOutcome.valueOf(outcome), Optional.ofNullable(rs.getString("closure_note")),
                                instant(rs, "closed_at"), rs.getString("closed_by"));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
        return new Callback.State(
                rs.getObject("practice_id", UUID.class),
                rs.getObject("id", UUID.class),
                Optional.ofNullable(rs.getObject("patient_id", UUID.class)),
                Optional.ofNullable(rs.getString("caller_name")),
                Optional.ofNullable(rs.getString("contact_phone")),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("category"),
                Urgency.valueOf(rs.getString("urgency")),
                rs.getString("queue"),
                Optional.ofNullable(rs.getString("owner")),
                Status.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("waiting_on")).map(WaitingOn::valueOf),
                Optional.ofNullable(rs.getString("waiting_note")),
                Optional.ofNullable(rs.getObject("waiting_expected_by", LocalDate.class)),
                Optional.ofNullable(rs.getString("reason")),
                json.readValue(rs.getString("details"), STRING_MAP),
                json.readValue(rs.getString("red_flags"), RED_FLAGS),
                instant(rs, "received_at"),
                instant(rs, "first_attempt_due_at"),
                instant(rs, "resolution_due_at"),
                Optional.ofNullable(instant(rs, "resolution_paused_since")),
                Duration.ofSeconds(rs.getLong("resolution_paused_seconds")),
                Optional.ofNullable(rs.getString("next_action")),
                Optional.ofNullable(instant(rs, "next_action_at")),
                instant(rs, "board_due_at"),
                Optional.ofNullable(instant(rs, "first_attempt_at")),
                Optional.ofNullable(instant(rs, "reached_at")),
                Optional.ofNullable(instant(rs, "next_step_done_at")),
                Optional.ofNullable(instant(rs, "resolved_at")),
                closure,
                Optional.ofNullable(rs.getObject("repeat_of", UUID.class)),
                rs.getInt("repeat_count"),
                rs.getInt("escalation_level"),
                rs.getInt("version"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
