package org.ringback.audit;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records sign-ins: every form sign-in, and every failure on the form or the API. A successful API call is
 * not recorded as a sign-in (HTTP Basic authenticates each request; its reads are in the audit trail).
 */
@Component
class SignInAudit {

    /** A username is typed by anyone: keep what is stored bounded. */
    private static final int MAX_USERNAME = 100;

    enum Outcome { SUCCEEDED, WRONG_PASSWORD, LOCKED, DISABLED, FAILED }

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void succeeded(InteractiveAuthenticationSuccessEvent event) {
        record(event.getAuthentication(), Outcome.SUCCEEDED);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        record(event.getAuthentication(), outcome(event));
    }

    private static Outcome outcome(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            return Outcome.WRONG_PASSWORD;
        }
        if (event instanceof AuthenticationFailureLockedEvent) {
            return Outcome.LOCKED;
        }
        return event instanceof AuthenticationFailureDisabledEvent ? Outcome.DISABLED : Outcome.FAILED;
    }

    private void record(Authentication authentication, Outcome outcome) {
        String username = authentication.getName() == null ? "" : authentication.getName();
        String remoteAddr = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        jdbc.sql("""
                        insert into sign_in_event (at, username, method, outcome, remote_addr)
                        values (:at, :username, :method, :outcome, :remoteAddr)""")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("username", username.length() > MAX_USERNAME ? username.substring(0, MAX_USERNAME) : username)
                .param("method", method())
                .param("outcome", outcome.name())
                .param("remoteAddr", remoteAddr)
                .update();
    }

    /** The sign-in form posts to /login, single sign-on returns to /login/oauth2/code/…; the rest is HTTP Basic. */
    private static String method() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return "API";
        }
        String path = request.getRequest().getServletPath();
        return "/login".equals(path) ? "FORM" : path.startsWith("/login/oauth2/") ? "SSO" : "API";
    }
}
