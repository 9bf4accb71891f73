package org.ringback.intake.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ringback.callback.Channel;
import org.ringback.callback.Urgency;
import org.ringback.callback.web.StaffPage;
import org.ringback.intake.Intake;
import org.ringback.intake.RedFlagScreen;
import org.ringback.practice.PracticeDirectory;
import org.ringback.scripts.ScriptKey;
import org.ringback.scripts.ScriptLibrary;
import org.ringback.scripts.Situation;
import org.ringback.shared.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A request taken by staff (a call answered live, a walk-in message), screened for red flags as it is typed. */
@Controller
@StaffPage
class NewCallbackPage {

    private static final int MAX_REASON = 20_000;

    private final Intake intake;
    private final PracticeDirectory practices;
    private final RedFlagScreen screen = RedFlagScreen.withDefaults();
    private final MessageSource messages;
    private final ScriptLibrary scripts;

    NewCallbackPage(Intake intake, PracticeDirectory practices, MessageSource messages, ScriptLibrary scripts) {
        this.scripts = scripts;
        this.intake = intake;
        this.practices = practices;
        this.messages = messages;
    }

    @GetMapping("/practices/{practiceId}/callbacks/new")
    String form(@PathVariable UUID practiceId, Model model) {
        model.addAttribute("practice", practices.get(practiceId));
        model.addAttribute("categories", practices.categories(practiceId));
        model.addAttribute("channels", List.of(Channel.STAFF, Channel.MISSED_CALL, Channel.VOICEMAIL, Channel.WEB_FORM, Channel.PORTAL));
        model.addAttribute("urgencies", List.of(Urgency.values()));
        return "intake/new";
    }

    /** The red-flag screen's verdict on the reason so far, as a fragment (htmx, as the reason is typed). */
    @PostMapping("/practices/{practiceId}/red-flag-screen")
    String screen(@PathVariable UUID practiceId, @RequestParam(defaultValue = "") String reason, Model model, Locale locale) {
        practices.get(practiceId);
        var screening = screen.screen(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
        model.addAttribute("screening", screening);
        if (screening.flagged()) {
            String language = locale.getLanguage();
            model.addAttribute("emergencyScript", scripts.render(practiceId, ScriptKey.ANY, Situation.EMERGENCY, language, false, Map.of()));
            model.addAttribute("boundaryScript", scripts.render(practiceId, ScriptKey.ANY, Situation.CLINICAL_BOUNDARY, language, false, Map.of()));
        }
        return "intake/new :: screening";
    }

    @PostMapping("/practices/{practiceId}/callbacks/new")
    String create(@PathVariable UUID practiceId, @RequestParam(defaultValue = "STAFF") Channel channel,
                  @RequestParam(required = false) String category, @RequestParam(required = false) Urgency urgency,
                  @RequestParam(required = false) String phone, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        try {
            var outcome = intake.receive(new Intake.IntakeRequest(practiceId, channel, text(category), Optional.ofNullable(urgency),
                    Optional.empty(), text(phone), text(name), text(reason).map(r -> r.length() > MAX_REASON ? r.substring(0, MAX_REASON) : r),
                    Map.of(), Optional.empty(), Optional.empty()));
            redirect.addFlashAttribute("flash", messages.getMessage(outcome.created() ? "intake.created" : "intake.attached", null, locale));
            return "redirect:/callbacks/" + outcome.callback().id();
        } catch (Refusal refusal) {
            if (refusal instanceof Refusal.NotFound) {
                throw refusal;
            }
            redirect.addFlashAttribute("error", refusal.getMessage());
            return "redirect:/practices/" + practiceId + "/callbacks/new";
        }
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
