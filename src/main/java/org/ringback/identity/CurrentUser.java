package org.ringback.identity;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/** The signed-in user, as the other modules see it. Serializable: it is kept in the (database) HTTP session. */
public record CurrentUser(UUID id, String username, String displayName, Set<Role> roles, Set<UUID> practiceIds) implements Serializable {

    public CurrentUser {
        roles = Set.copyOf(roles);
        practiceIds = Set.copyOf(practiceIds);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean isClinical() {
        return roles.contains(Role.CLINICAL);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** ADMIN sees every practice; everyone else only the practices listed for them. */
    public boolean canSee(UUID practiceId) {
        return isAdmin() || practiceIds.contains(practiceId);
    }

    /** Manages the practice's settings and users. */
    public boolean manages(UUID practiceId) {
        return isAdmin() || (has(Role.MANAGER) && practiceIds.contains(practiceId));
    }
}
