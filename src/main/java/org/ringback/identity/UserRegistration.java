package org.ringback.identity;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.ringback.shared.Refusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates users: an admin any user, a manager only non-admin users of practices they manage. */
@Service
public class UserRegistration {

    public record NewUser(String username, String password, String displayName, Set<Role> roles, Set<UUID> practiceIds) {
    }

    private final Users users;
    private final Identity identity;
    private final PasswordEncoder encoder;
    private final Clock clock;

    UserRegistration(Users users, Identity identity, PasswordEncoder encoder, Clock clock) {
        this.users = users;
        this.identity = identity;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Transactional
    public CurrentUser register(NewUser request) {
        CurrentUser caller = identity.current();
        if (!caller.isAdmin()) {
            if (!caller.has(Role.MANAGER)) {
                throw new Refusal.NotPermitted("Only an admin or a practice manager may create users");
            }
            if (request.roles().contains(Role.ADMIN)) {
                throw new Refusal.NotPermitted("Only an admin may create an admin");
            }
            request.practiceIds().forEach(identity::requireManager);
        }
        return create(request);
    }

    /** Creates a user without a signed-in caller: for the first-start demo. */
    @Transactional
    public CurrentUser create(NewUser request) {
        if (!request.roles().contains(Role.ADMIN) && request.practiceIds().isEmpty()) {
            throw new Refusal.RuleViolation("A user other than an admin needs at least one practice",
                    List.of(new Refusal.FieldError("practiceIds", "must list at least one practice")));
        }
        PasswordPolicy.check(request.username(), request.password());
        if (users.exists(request.username())) {
            throw new Refusal.Conflict("The username is taken");
        }
        if (!users.allPracticesExist(request.practiceIds())) {
            throw new Refusal.NotFound("Practice");
        }
        var user = new CurrentUser(UUID.randomUUID(), request.username(), request.displayName(), request.roles(), request.practiceIds());
        try {
            users.insert(user, encoder.encode(request.password()), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new Refusal.Conflict("The username is taken");
        }
        return user;
    }
}
