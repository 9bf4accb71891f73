package org.ringback.telephony;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code telephony_settings} table: one row per practice that configured Twilio. */
@Repository
class SettingsStore {

    private final JdbcClient jdbc;

    SettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TelephonySettings> find(UUID practiceId) {
        return jdbc.sql("select practice_id, auth_token, own_numbers, blocked_numbers from telephony_settings where practice_id = :practiceId")
                .param("practiceId", practiceId)
                .query((rs, n) -> new TelephonySettings(practiceId, Optional.ofNullable(rs.getString("auth_token")),
                        strings(rs, "own_numbers"), strings(rs, "blocked_numbers")))
                .optional();
    }

    void save(TelephonySettings settings, Instant at) {
        jdbc.sql("""
                        insert into telephony_settings (practice_id, auth_token, own_numbers, blocked_numbers, updated_at)
                        values (:practiceId, :token, :own, :blocked, :at)
                        on conflict (practice_id) do update set auth_token = excluded.auth_token,
                            own_numbers = excluded.own_numbers, blocked_numbers = excluded.blocked_numbers, updated_at = excluded.updated_at""")
                .param("practiceId", settings.practiceId())
                .param("token", settings.authToken().orElse(null))
                .param("own", settings.ownNumbers().toArray(String[]::new))
                .param("blocked", settings.blockedNumbers().toArray(String[]::new))
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
