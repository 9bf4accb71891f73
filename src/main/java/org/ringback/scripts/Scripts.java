package org.ringback.scripts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A practice's own scripts: each replaces the default with the same key, or adds one for a category. */
@Repository
class Scripts {

    private final JdbcClient jdbc;

    Scripts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Script> findAll(UUID practiceId) {
        return jdbc.sql("""
                        select category, situation, language, detailed, text, updated_at, updated_by
                        from script
                        where practice_id = :practiceId""")
                .param("practiceId", practiceId)
                .query(Scripts::script).list();
    }

    Script save(UUID practiceId, ScriptKey key, String text, Instant at, String by) {
        jdbc.sql("""
                        insert into script (practice_id, category, situation, language, detailed, text, updated_at, updated_by)
                        values (:practiceId, :category, :situation, :language, :detailed, :text, :at, :by)
                        on conflict (practice_id, category, situation, language, detailed) do update set
                            text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("practiceId", practiceId)
                .param("category", key.category())
                .param("situation", key.situation().name())
                .param("language", key.language())
                .param("detailed", key.detailed())
                .param("text", text)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("by", by)
                .update();
        return Script.ofPractice(key, text, at, by);
    }

    boolean delete(UUID practiceId, ScriptKey key) {
        return jdbc.sql("""
                        delete from script
                        where practice_id = :practiceId and category = :category and situation = :situation
                          and language = :language and detailed = :detailed""")
                .param("practiceId", practiceId)
                .param("category", key.category())
                .param("situation", key.situation().name())
                .param("language", key.language())
                .param("detailed", key.detailed())
                .update() > 0;
    }

    private static Script script(ResultSet rs, int row) throws SQLException {
        var key = new ScriptKey(rs.getString("category"), Situation.valueOf(rs.getString("situation")),
                rs.getString("language"), rs.getBoolean("detailed"));
        return Script.ofPractice(key, rs.getString("text"), rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("updated_by"));
    }
}
