package org.ringback.webform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The web form settings of each practice (table {@code webform}). */
@Repository
class Forms {

    private final JdbcClient jdbc;

    Forms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WebForms.Settings> find(UUID practiceId) {
        return jdbc.sql("select practice_id, slug, enabled, spam_trapped from webform where practice_id = :practiceId")
                .param("practiceId", practiceId)
                .query((rs, row) -> new WebForms.Settings(rs.getObject("practice_id", UUID.class), rs.getString("slug"),
                        rs.getBoolean("enabled"), rs.getLong("spam_trapped")))
                .optional();
    }

    Optional<UUID> enabledPractice(String slug) {
        return jdbc.sql("select practice_id from webform where slug = :slug and enabled")
                .param("slug", slug)
                .query(UUID.class).optional();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when another practice has the slug */
    void save(UUID practiceId, String slug, boolean enabled, Instant at) {
        jdbc.sql("""
                        insert into webform (practice_id, slug, enabled, updated_at) values (:practiceId, :slug, :enabled, :at)
                        on conflict (practice_id) do update set slug = excluded.slug, enabled = excluded.enabled, updated_at = excluded.updated_at""")
                .param("practiceId", practiceId).param("slug", slug).param("enabled", enabled)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Saves the slug unless any practice (this one included) already has a form; true when it did. */
    boolean saveIfFree(UUID practiceId, String slug, Instant at) {
        return jdbc.sql("""
                        insert into webform (practice_id, slug, enabled, updated_at) values (:practiceId, :slug, true, :at)
                        on conflict do nothing""")
                .param("practiceId", practiceId).param("slug", slug)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    void countTrapped(UUID practiceId) {
        jdbc.sql("update webform set spam_trapped = spam_trapped + 1 where practice_id = :practiceId")
                .param("practiceId", practiceId).update();
    }

    /**
     * Holds, until the transaction ends, a lock on one phone number of a practice, so that two forms from the
     * same new caller at once never register two patients.
     */
    void lockPhone(UUID practiceId, String e164) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "webform/" + practiceId + "/" + e164)
                .query(Object.class).optional();
    }
}
