package org.ringback.measures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.ringback.measures.MeasureRows.instant;

/** Reads the sampled repeat-call items and their histories (and the history of the item each second call follows). */
@Repository
class SampleRows {

    /** Timeline detail that describes the work without patient data; notes and reasons are left out. */
    private static final List<String> SAFE_DETAIL = List.of("channel", "category", "urgency", "queue", "attempt", "method",
            "result", "window", "outcome", "on", "level", "to", "from");

    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SampleRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<WeeklyReport.SampleItem> items(UUID practiceId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        record Head(UUID id, String category, String channel, Instant receivedAt, Optional<UUID> repeatOf) {
        }
        Map<UUID, Head> heads = new LinkedHashMap<>();
        jdbc.sql("select id, category, channel, received_at, repeat_of from callback where practice_id = :practiceId and id = any(:ids)")
                .param("practiceId", practiceId)
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    heads.put(id, new Head(id, rs.getString("category"), rs.getString("channel"), instant(rs, "received_at").orElseThrow(),
                            Optional.ofNullable(rs.getObject("repeat_of", UUID.class))));
                });
        List<UUID> withEarlier = new ArrayList<>(ids);
        heads.values().forEach(head -> head.repeatOf().ifPresent(withEarlier::add));
        Map<UUID, List<WeeklyReport.HistoryLine>> history = history(practiceId, withEarlier);
        List<WeeklyReport.SampleItem> items = new ArrayList<>();
        for (UUID id : ids) {
            Head head = heads.get(id);
            if (head == null) {
                continue;
            }
            List<WeeklyReport.HistoryLine> lines = new ArrayList<>();
            head.repeatOf().ifPresent(earlier -> lines.addAll(history.getOrDefault(earlier, List.of())));
            lines.addAll(history.getOrDefault(id, List.of()));
            int attached = (int) lines.stream().filter(l -> l.callbackId().equals(id) && l.type().equals("REPEAT_CALL_ATTACHED")).count();
            items.add(new WeeklyReport.SampleItem(id, head.category(), head.channel(), head.receivedAt(), head.repeatOf(), attached,
                    List.copyOf(lines)));
        }
        return items;
    }

    private Map<UUID, List<WeeklyReport.HistoryLine>> history(UUID practiceId, List<UUID> ids) {
        Map<UUID, List<WeeklyReport.HistoryLine>> history = new LinkedHashMap<>();
        jdbc.sql("""
                        select callback_id, at, type, actor, detail::text as detail from callback_event
                        where practice_id = :practiceId and callback_id = any(:ids) order by callback_id, seq""")
                .param("practiceId", practiceId)
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    UUID id = rs.getObject("callback_id", UUID.class);
                    history.computeIfAbsent(id, x -> new ArrayList<>()).add(new WeeklyReport.HistoryLine(id,
                            instant(rs, "at").orElseThrow(), rs.getString("type"), rs.getString("actor"), safeDetail(rs.getString("detail"))));
                });
        return history;
    }

    /** "result=NO_ANSWER, window=MORNING" from the event's detail, keeping only the keys without patient data. */
    private String safeDetail(String text) {
        Map<String, Object> detail = json.readValue(text, DETAIL);
        List<String> parts = new ArrayList<>();
        for (String key : SAFE_DETAIL) {
            if (detail.get(key) != null) {
                parts.add(key + "=" + detail.get(key));
            }
        }
        return String.join(", ", parts);
    }
}
