package org.ringback.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    Optional<RingbackUserDetails> findDetails(String username) {
        return jdbc.sql("""
                        select u.id, u.username, u.display_name, u.roles, u.password_hash, u.enabled,
                               coalesce(array_agg(up.practice_id) filter (where up.practice_id is not null), '{}') as practice_ids
                        from app_user u left join user_practice up on up.user_id = u.id
                        where u.username = :username
                        group by u.id""")
                .param("username", username)
                .query((rs, n) -> new RingbackUserDetails(currentUser(rs), rs.getString("password_hash"), rs.getBoolean("enabled")))
                .optional();
    }

    Optional<CurrentUser> findByUsername(String username) {
        return findDetails(username).filter(RingbackUserDetails::enabled).map(RingbackUserDetails::user);
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
