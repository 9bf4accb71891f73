package org.ringback.identity;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Spring Security's view of a stored user. {@code accountNonLocked} is known only against a time: sign-in asks
 * {@link #at(Instant)}. The signed-in user lives in the HTTP session, which is kept in PostgreSQL for every
 * instance to read: so this is serializable, and sign-in erases the password hash before the session is written.
 */
final class RingbackUserDetails implements UserDetails, CredentialsContainer, SignedInUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private String passwordHash;
    private final boolean enabled;
    /** Null when the account has never been locked (Optional is not serializable). */
    private final Instant lockedUntil;
    private final boolean accountNonLocked;
    /** Whether wrong passwords were counted when these details were read: only then has a sign-in a count to reset. */
    private final boolean failedSignIns;

    RingbackUserDetails(CurrentUser user, String passwordHash, boolean enabled, Optional<Instant> lockedUntil, boolean failedSignIns) {
        this(user, passwordHash, enabled, lockedUntil.orElse(null), true, failedSignIns);
    }

    private RingbackUserDetails(CurrentUser user, String passwordHash, boolean enabled, Instant lockedUntil, boolean accountNonLocked,
                                boolean failedSignIns) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.accountNonLocked = accountNonLocked;
        this.failedSignIns = failedSignIns;
    }

    /** These details as sign-in at this instant sees them: locked while the lock lasts. */
    RingbackUserDetails at(Instant now) {
        return new RingbackUserDetails(user, passwordHash, enabled, lockedUntil, lockedUntil == null || !lockedUntil.isAfter(now),
                failedSignIns);
    }

    boolean hadFailedSignIns() {
        return failedSignIns;
    }

    @Override
    public CurrentUser user() {
        return user;
    }

    boolean enabled() {
        return enabled;
    }

    Optional<Instant> lockedUntil() {
        return Optional.ofNullable(lockedUntil);
    }

    @Override
    public boolean isAccountNonLocked() {
        return accountNonLocked;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(user);
    }

    static List<GrantedAuthority> authorities(CurrentUser user) {
        return user.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RingbackUserDetails details && details.user.equals(user);
    }

    @Override
    public int hashCode() {
        return user.hashCode();
    }
}
