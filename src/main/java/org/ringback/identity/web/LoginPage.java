package org.ringback.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST, the lock-out and the session. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }
}
