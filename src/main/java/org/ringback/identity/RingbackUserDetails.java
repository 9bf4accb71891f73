package org.ringback.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Spring Security's view of a stored user. {@code accountNonLocked} is known only against a time: sign-in asks
 * {@link #at(Instant)}.
 */
record RingbackUserDetails(CurrentUser user, String passwordHash, boolean enabled, Optional<Instant> lockedUntil,
                           boolean accountNonLocked) implements UserDetails {

    RingbackUserDetails(CurrentUser user, String passwordHash, boolean enabled, Optional<Instant> lockedUntil) {
        this(user, passwordHash, enabled, lockedUntil, true);
    }

    /** These details as sign-in at this instant sees them: locked while the lock lasts. */
    RingbackUserDetails at(Instant now) {
        return new RingbackUserDetails(user, passwordHash, enabled, lockedUntil, lockedUntil.map(until -> !until.isAfter(now)).orElse(true));
    }

    @Override
    public boolean isAccountNonLocked() {
        return accountNonLocked;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = user.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        return authorities;
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
}
