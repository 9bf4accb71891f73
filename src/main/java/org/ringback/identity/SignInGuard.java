package org.ringback.identity;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account for a while after repeated wrong passwords (OWASP ASVS 2.2.1), on the form and on the API
 * alike. A locked account is refused before its password is checked, so guessing stops paying while it lasts.
 */
@Component
class SignInGuard {

    static final int FAILURES_BEFORE_LOCK = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final Users users;
    private final Clock clock;

    SignInGuard(Users users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        users.countFailedSignIn(event.getAuthentication().getName(), FAILURES_BEFORE_LOCK, clock.instant().plus(LOCK));
    }

    /**
     * Resets the count only when the user's row had one when it was read: the API signs in on every request, and
     * most of them have nothing to reset. A failure racing this sign-in stays counted until the next one.
     */
    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof RingbackUserDetails details && !details.hadFailedSignIns()) {
            return;
        }
        users.clearFailedSignIns(event.getAuthentication().getName());
    }
}
