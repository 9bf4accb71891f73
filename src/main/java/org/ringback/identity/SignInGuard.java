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

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        users.clearFailedSignIns(event.getAuthentication().getName());
    }
}
