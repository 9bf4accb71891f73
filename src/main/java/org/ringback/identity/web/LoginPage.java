package org.ringback.identity.web;

import org.ringback.identity.OidcProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security handles the POST, the lock-out and the session. With single sign-on configured
 * it also offers "Sign in with <provider>", and says so plainly when the provider's user is not a Ringback user.
 */
@Controller
class LoginPage {

    private final OidcProperties oidc;

    LoginPage(OidcProperties oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(Model model) {
        if (oidc.enabled()) {
            model.addAttribute("singleSignOn", oidc.name());
        }
        return "identity/login";
    }
}
