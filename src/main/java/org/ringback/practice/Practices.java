package org.ringback.practice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stored practices and their categories. */
@Repository
class Practices {

    private static final TypeReference<Map<String, List<Map<String, String>>>> HOURS = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, String>>> WINDOWS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Practices(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Practice practice, Instant createdAt) {
        jdbc.sql("""
                        insert into practice (id, name, time_zone, holiday_calendar, phone_region, business_hours, closures, call_windows,
                            board_identifier, created_at)
                        values (:id, :name, :zone, :holidays, :region, cast(:hours as jsonb), :closures, cast(:windows as jsonb),
                            :boardIdentifier, :createdAt)""")
                .param("id", practice.id())
                .param("name", practice.name())
                .param("zone", practice.timeZone().getId())
                .param("holidays", practice.holidayCalendar().orElse(null))
                .param("region", practice.phoneRegion())
                .param("hours", json.writeValueAsString(HoursFormat.format(practice.businessHours())))
                .param("closures", practice.closures().stream().sorted().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new))
                .param("windows", json.writeValueAsString(practice.callWindows().stream()
                        .map(w -> Map.of("name", w.name(), "start", w.start().toString(), "end", w.end().toString())).toList()))
                .param("boardIdentifier", practice.boardIdentifier().name())
                .param("createdAt", createdAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Stores a practice's business time: hours, holiday calendar and closures. */
    void updateCalendar(Practice practice) {
        jdbc.sql("""
                        update practice set holiday_calendar = :holidays, business_hours = cast(:hours as jsonb), closures = :closures
                        where id = :id""")
                .param("id", practice.id())
                .param("holidays", practice.holidayCalendar().orElse(null))
                .param("hours", json.writeValueAsString(HoursFormat.format(practice.businessHours())))
                .param("closures", practice.closures().stream().sorted().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new))
                .update();
    }

    Optional<Practice> find(UUID id) {
        return jdbc.sql("select * from practice where id = :id").param("id", id).query(this::practice).optional();
    }

    List<Practice> findAll(Collection<UUID> ids) {
        return jdbc.sql("select * from practice where id = any(:ids) order by name")
                .param("ids", ids.toArray(UUID[]::new))
                .query(this::practice).list();
    }

    long count() {
        return jdbc.sql("select count(*) from practice").query(Long.class).single();
    }

    List<Practice> findAll() {
        return jdbc.sql("select * from practice order by name").query(this::practice).list();
    }

    void saveCategory(UUID practiceId, Category category) {
        var window = WindowColumns.of(category.responseWindow());
        jdbc.sql("""
                        insert into category (practice_id, code, name, queue, window_kind, window_duration, window_time,
                            resolution_target, ladder_max_attempts, ladder_min_gap, ladder_different_window,
                            ladder_busy_retry, ladder_dead_number, required_fields, closure_outcomes, clinical, referral_sensitive)
                        values (:practiceId, :code, :name, :queue, :kind, cast(:duration as interval), :time,
                            cast(:resolution as interval), :maxAttempts, cast(:minGap as interval), :differentWindow,
                            cast(:busyRetry as interval), :deadNumber, :requiredFields, :outcomes, :clinical, :referralSensitive)
                        on conflict (practice_id, code) do update set
                            name = excluded.name, queue = excluded.queue, window_kind = excluded.window_kind,
                            window_duration = excluded.window_duration, window_time = excluded.window_time,
                            resolution_target = excluded.resolution_target, ladder_max_attempts = excluded.ladder_max_attempts,
                            ladder_min_gap = excluded.ladder_min_gap, ladder_different_window = excluded.ladder_different_window,
                            ladder_busy_retry = excluded.ladder_busy_retry, ladder_dead_number = excluded.ladder_dead_number,
                            required_fields = excluded.required_fields, closure_outcomes = excluded.closure_outcomes,
                            clinical = excluded.clinical, referral_sensitive = excluded.referral_sensitive""")
                .param("practiceId", practiceId)
                .param("code", category.code())
                .param("name", category.name())
                .param("queue", category.queue())
                .param("kind", window.kind())
                .param("duration", window.duration() == null ? null : window.duration().toString())
                .param("time", window.time())
                .param("resolution", category.resolutionTarget().toString())
                .param("maxAttempts", category.ladder().maxAttempts())
                .param("minGap", category.ladder().minGap().toString())
                .param("differentWindow", category.ladder().differentWindow())
                .param("busyRetry", category.ladder().busyRetry().toString())
                .param("deadNumber", category.ladder().deadNumber().name())
                .param("requiredFields", category.requiredFields().toArray(String[]::new))
                .param("outcomes", category.closureOutcomes().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("clinical", category.clinical())
                .param("referralSensitive", category.referralSensitive())
                .update();
    }

    List<Category> categories(UUID practiceId) {
        return jdbc.sql(CATEGORY_SELECT + " where practice_id = :practiceId order by code")
                .param("practiceId", practiceId)
                .query(Practices::category).list();
    }

    private static final String CATEGORY_SELECT = """
            select code, name, queue, window_kind, extract(epoch from window_duration)::bigint as window_seconds, window_time,
                   extract(epoch from resolution_target)::bigint as resolution_seconds,
                   ladder_max_attempts, extract(epoch from ladder_min_gap)::bigint as min_gap_seconds, ladder_different_window,
                   extract(epoch from ladder_busy_retry)::bigint as busy_retry_seconds, ladder_dead_number,
                   required_fields, closure_outcomes, clinical, referral_sensitive
            from category""";

    private Practice practice(ResultSet rs, int row) throws SQLException {
        List<Map<String, String>> windows = json.readValue(rs.getString("call_windows"), WINDOWS);
        return new Practice(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                ZoneId.of(rs.getString("time_zone")),
                Optional.ofNullable(rs.getString("holiday_calendar")),
                rs.getString("phone_region"),
                HoursFormat.parse(json.readValue(rs.getString("business_hours"), HOURS)),
                Arrays.stream((java.sql.Date[]) rs.getArray("closures").getArray()).map(java.sql.Date::toLocalDate).collect(Collectors.toSet()),
                windows.stream().map(w -> new CallWindow(w.get("name"), LocalTime.parse(w.get("start")), LocalTime.parse(w.get("end")))).toList(),
                BoardIdentifier.valueOf(rs.getString("board_identifier")));
    }

    private static Category category(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("window_kind");
        long windowSeconds = rs.getLong("window_seconds");
        LocalTime windowTime = rs.getObject("window_time", LocalTime.class);
        ResponseWindow window = switch (kind) {
            case "WITHIN" -> new ResponseWindow.Within(Duration.ofSeconds(windowSeconds));
            case "SAME_DAY" -> new ResponseWindow.SameDay(windowTime);
            case "NEXT_BUSINESS_DAY" -> new ResponseWindow.NextBusinessDay(windowTime);
            default -> throw new IllegalStateException("Unknown response window kind " + kind);
        };
        return new Category(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("queue"),
                window,
                Duration.ofSeconds(rs.getLong("resolution_seconds")),
                new Ladder(rs.getInt("ladder_max_attempts"), Duration.ofSeconds(rs.getLong("min_gap_seconds")), rs.getBoolean("ladder_different_window"),
                        Duration.ofSeconds(rs.getLong("busy_retry_seconds")), Ladder.DeadNumber.valueOf(rs.getString("ladder_dead_number"))),
                List.of((String[]) rs.getArray("required_fields").getArray()),
                Arrays.stream((String[]) rs.getArray("closure_outcomes").getArray()).map(ClosureOutcome::valueOf).collect(Collectors.toSet()),
                rs.getBoolean("clinical"),
                rs.getBoolean("referral_sensitive"));
    }

    /** A response window spread over the category table's three columns. */
    private record WindowColumns(String kind, Duration duration, LocalTime time) {
        static WindowColumns of(ResponseWindow window) {
            if (window instanceof ResponseWindow.Within within) {
                return new WindowColumns("WITHIN", within.duration(), null);
            }
            if (window instanceof ResponseWindow.SameDay sameDay) {
                return new WindowColumns("SAME_DAY", null, sameDay.cutoff());
            }
            return new WindowColumns("NEXT_BUSINESS_DAY", null, ((ResponseWindow.NextBusinessDay) window).by());
        }
    }
}
