package org.ringback.identity;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ringback.shared.Refusal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** The identity module's facade: who is calling, and may they touch this practice. */
@Service
public class Identity {

    private final Users users;

    Identity(Users users) {
        this.users = users;
    }

    public CurrentUser current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser signedIn) {
            return signedIn.user();
        }
        throw new Refusal.NotPermitted("Sign in first");
    }

    /** The signed-in user's name, if a user is signed in (not for the sweep or the first-start demo). */
    public Optional<String> currentUsername() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser signedIn
                ? Optional.of(signedIn.user().username()) : Optional.empty();
    }

    /** The caller, after checking it may see the practice; another practice's ids answer 404, as unknown ones do. */
    public CurrentUser requireAccess(UUID practiceId) {
        CurrentUser user = current();
        if (!user.canSee(practiceId)) {
            throw new Refusal.NotFound("Practice");
        }
        return user;
    }

    /** The caller, after checking it manages the practice (404 when it cannot even see it). */
    public CurrentUser requireManager(UUID practiceId) {
        CurrentUser user = requireAccess(practiceId);
        if (!user.manages(practiceId)) {
            throw new Refusal.NotPermitted("Only a manager of this practice may do this");
        }
        return user;
    }

    /** The usernames of the people who work this practice (admins, who see every practice, are not listed). */
    public Set<String> usernamesAt(UUID practiceId) {
        return users.usernamesAt(practiceId);
    }

    /** True when the username belongs to an enabled user who works this practice (or is an admin). */
    public boolean worksAt(String username, UUID practiceId) {
        return users.findByUsername(username)
                .filter(user -> user.canSee(practiceId))
                .isPresent();
    }

    /** Lets a user work a practice (used when an admin creates one and for the demo). */
    public void grantPractice(String username, UUID practiceId) {
        users.grantPractice(username, practiceId);
    }
}
