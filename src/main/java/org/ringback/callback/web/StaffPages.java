package org.ringback.callback.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ringback.identity.CurrentUser;
import org.ringback.identity.Identity;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.ringback.web.RefusalStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/** What every staff page shows around its content, and how a refused page request is answered. */
@ControllerAdvice(annotations = StaffPage.class)
class StaffPages {

    record PracticeLink(UUID id, String name) {
    }

    /** {@code managed}: the practices whose settings pages (imports, ladder) the user may open. */
    record Navigation(String displayName, List<PracticeLink> practices, java.util.Set<UUID> managed) {
    }

    private final Identity identity;
    private final PracticeDirectory practices;

    StaffPages(Identity identity, PracticeDirectory practices) {
        this.identity = identity;
        this.practices = practices;
    }

    @ModelAttribute("nav")
    Navigation navigation() {
        CurrentUser user = identity.current();
        var visible = practices.visibleToCaller();
        return new Navigation(user.displayName(), visible.stream().map(p -> new PracticeLink(p.id(), p.name())).toList(),
                visible.stream().map(p -> p.id()).filter(user::manages).collect(java.util.stream.Collectors.toSet()));
    }

    /** A page that cannot be shown at all (unknown id, no access): a page with the reason, never a stack trace. */
    @ExceptionHandler(Refusal.class)
    ModelAndView refused(Refusal refusal) {
        var page = new ModelAndView("error");
        page.addObject("message", refusal.getMessage());
        page.setStatus(RefusalStatus.of(refusal));
        return page;
    }

    static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
