package org.ringback.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored users and the practices they work. */
@Repository
class Users {

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for, then holds, a lock in PostgreSQL until the transaction ends: one app instance at a time. */
    void lockUntilCommit(String name) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:name))").param("name", name).query().listOfRows();
    }

    Optional<RingbackUserDetails> findDetails(String username) {
        return jdbc.sql("""
                        select u.id, u.username, u.display_name, u.roles, u.password_hash, u.enabled, u.locked_until,
                               u.failed_sign_ins > 0 as had_failures,
                               coalesce(array_agg(up.practice_id) filter (where up.practice_id is not null), '{}') as practice_ids
                        from app_user u left join user_practice up on up.user_id = u.id
                        where u.username = :username
                        group by u.id""")
                .param("username", username)
                .query((rs, n) -> new RingbackUserDetails(currentUser(rs), rs.getString("password_hash"), rs.getBoolean("enabled"),
                        Optional.ofNullable(rs.getObject("locked_until", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                        rs.getBoolean("had_failures")))
                .optional();
    }

    Optional<CurrentUser> findByUsername(String username) {
        return findDetails(username).filter(RingbackUserDetails::enabled).map(RingbackUserDetails::user);
    }

    /**
     * Counts a failed sign-in of an existing user; the consecutive failure that reaches {@code limit} locks the
     * account until {@code lockedUntil} and starts the count again. One statement, so concurrent failures on
     * several instances all count.
     */
    void countFailedSignIn(String username, int limit, Instant lockedUntil) {
        jdbc.sql("""
                        update app_user set
                            failed_sign_ins = case when failed_sign_ins + 1 >= :limit then 0 else failed_sign_ins + 1 end,
                            locked_until = case when failed_sign_ins + 1 >= :limit then :lockedUntil else locked_until end
                        where username = :username""")
                .param("username", username)
                .param("limit", limit)
                .param("lockedUntil", lockedUntil.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Forgets earlier failures after a successful sign-in (touches the row only when there were some). */
    void clearFailedSignIns(String username) {
        jdbc.sql("update app_user set failed_sign_ins = 0 where username = :username and failed_sign_ins > 0")
                .param("username", username)
                .update();
    }

    Set<String> usernamesAt(UUID practiceId) {
        return new HashSet<>(jdbc.sql("""
                        select u.username from app_user u join user_practice up on up.user_id = u.id
                        where up.practice_id = :practiceId""")
                .param("practiceId", practiceId)
                .query(String.class).list());
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = :username")
                .param("username", username).query(Integer.class).single() > 0;
    }

    /** True when every id names a practice (user_practice references practice, so a missing one would fail the insert). */
    boolean allPracticesExist(Set<UUID> practiceIds) {
        if (practiceIds.isEmpty()) {
            return true;
        }
        return jdbc.sql("select count(*) from practice where id = any(:ids)")
                .param("ids", practiceIds.toArray(UUID[]::new))
                .query(Integer.class).single() == practiceIds.size();
    }

    void insert(CurrentUser user, String passwordHash, Instant createdAt) {
        jdbc.sql("""
                        insert into app_user (id, username, password_hash, display_name, roles, created_at)
                        values (:id, :username, :hash, :displayName, :roles, :createdAt)""")
                .param("id", user.id())
                .param("username", user.username())
                .param("hash", passwordHash)
                .param("displayName", user.displayName())
                .param("roles", user.roles().stream().map(Role::name).sorted().toArray(String[]::new))
                .param("createdAt", createdAt.atOffset(ZoneOffset.UTC))
                .update();
        user.practiceIds().forEach(practiceId -> grant(user.id(), practiceId));
    }

    void grantPractice(String username, UUID practiceId) {
        jdbc.sql("""
                        insert into user_practice (practice_id, user_id)
                        select :practiceId, id from app_user where username = :username
                        on conflict do nothing""")
                .param("practiceId", practiceId)
                .param("username", username)
                .update();
    }

    private void grant(UUID userId, UUID practiceId) {
        jdbc.sql("insert into user_practice (practice_id, user_id) values (:practiceId, :userId)")
                .param("practiceId", practiceId)
                .param("userId", userId)
                .update();
    }

    private static CurrentUser currentUser(ResultSet rs) throws SQLException {
        Set<Role> roles = Arrays.stream(strings(rs.getArray("roles"))).map(Role::valueOf).collect(Collectors.toSet());
        Set<UUID> practices = new HashSet<>(Arrays.asList((UUID[]) rs.getArray("practice_ids").getArray()));
        return new CurrentUser(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"), roles, practices);
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
