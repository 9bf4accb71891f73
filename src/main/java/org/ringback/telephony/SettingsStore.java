package org.ringback.telephony;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code telephony_settings} table: one row per practice that configured Twilio, its token sealed. */
@Repository
class SettingsStore {

    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);

    private final JdbcClient jdbc;
    private final TokenCipher cipher;

    SettingsStore(JdbcClient jdbc, TokenCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The practice's settings; a token this instance's key does not open reads as none (and is logged). */
    Optional<TelephonySettings> find(UUID practiceId) {
        return jdbc.sql("select practice_id, auth_token, own_numbers, blocked_numbers from telephony_settings where practice_id = :practiceId")
                .param("practiceId", practiceId)
                .query((rs, n) -> new TelephonySettings(practiceId, token(practiceId, rs.getString("auth_token")),
                        strings(rs, "own_numbers"), strings(rs, "blocked_numbers")))
                .optional();
    }

    /**
     * Stores the settings; the stored token is replaced only when {@code tokenChanged}, so a change of the numbers
     * keeps a token that this instance could not open.
     */
    void save(TelephonySettings settings, boolean tokenChanged, Instant at) {
        jdbc.sql("""
                        insert into telephony_settings (practice_id, auth_token, own_numbers, blocked_numbers, updated_at)
                        values (:practiceId, :token, :own, :blocked, :at)
                        on conflict (practice_id) do update set
                            auth_token = case when :tokenChanged then excluded.auth_token else telephony_settings.auth_token end,
                            own_numbers = excluded.own_numbers, blocked_numbers = excluded.blocked_numbers, updated_at = excluded.updated_at""")
                .param("practiceId", settings.practiceId())
                .param("tokenChanged", tokenChanged)
                .param("token", settings.authToken().map(cipher::seal).orElse(null))
                .param("own", settings.ownNumbers().toArray(String[]::new))
                .param("blocked", settings.blockedNumbers().toArray(String[]::new))
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    private record PlainToken(UUID practiceId, String token) {
    }

    /** Seals the tokens stored before tokens were sealed; answers how many. */
    int sealPlainTokens() {
        List<PlainToken> plain = jdbc.sql("""
                        select practice_id, auth_token from telephony_settings
                        where auth_token is not null and auth_token not like :sealed || '%'
                        for update skip locked""")
                .param("sealed", TokenCipher.SEALED)
                .query((rs, n) -> new PlainToken(rs.getObject("practice_id", UUID.class), rs.getString("auth_token")))
                .list();
        for (PlainToken row : plain) {
            jdbc.sql("update telephony_settings set auth_token = :token where practice_id = :practiceId")
                    .param("token", cipher.seal(row.token()))
                    .param("practiceId", row.practiceId())
                    .update();
        }
        return plain.size();
    }

    /** How many stored tokens this instance's key does not open. */
    int unreadableTokens() {
        return (int) jdbc.sql("select auth_token from telephony_settings where auth_token like :sealed || '%'")
                .param("sealed", TokenCipher.SEALED)
                .query(String.class)
                .list().stream()
                .filter(sealed -> cipher.open(sealed).isEmpty())
                .count();
    }

    private Optional<String> token(UUID practiceId, String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        Optional<String> token = cipher.open(stored);
        if (token.isEmpty()) {
            log.error("The Twilio auth token of practice {} was sealed under another key: its webhooks are refused until "
                    + "this instance has that key (RINGBACK_TELEPHONY_TOKEN_KEY, or the {} file of the instance that stored it) "
                    + "or a manager stores the token again", practiceId, TokenCipher.KEY_FILE);
        }
        return token;
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
