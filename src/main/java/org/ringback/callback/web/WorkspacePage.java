package org.ringback.callback.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ringback.callback.AttemptResult;
import org.ringback.callback.Board;
import org.ringback.callback.Callback;
import org.ringback.callback.CallbackDesk;
import org.ringback.callback.WaitingOn;
import org.ringback.identity.Identity;
import org.ringback.patient.ContactMethod;
import org.ringback.patient.Patient;
import org.ringback.patient.PatientRegistry;
import org.ringback.practice.Category;
import org.ringback.practice.ClosureOutcome;
import org.ringback.practice.Practice;
import org.ringback.practice.PracticeDirectory;
import org.ringback.scripts.ScriptLibrary;
import org.ringback.scripts.Situation;
import org.ringback.shared.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One item on one screen: the request, the patient and their consent, the timeline, the approved script,
 * the attempt form and the one-click actions. Every action posts, then redirects back with a message
 * (Post/Redirect/Get); a refused action comes back as a message on the page.
 */
@Controller
@StaffPage
class WorkspacePage {

    private static final int MAX_ATTEMPT_MINUTES = 240;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");
    private static final List<Situation> SCRIPTS = List.of(Situation.OPENING, Situation.VOICEMAIL, Situation.CLINICAL_BOUNDARY, Situation.EMERGENCY);

    /** The attempt form; the computed next attempt time comes back from the server, it is never typed. */
    record AttemptForm(ContactMethod method, AttemptResult result, Boolean messageLeft, String script, String patientResponse,
                       String nextAction, Map<String, String> details, Integer version, Integer minutes) {
    }

    /** The close form: an outcome the category allows, and its notes. */
    record CloseForm(ClosureOutcome outcome, String note, Map<String, String> details, Integer version) {
    }

    private final CallbackDesk desk;
    private final PatientRegistry patients;
    private final PracticeDirectory practices;
    private final Identity identity;
    private final Board board;
    private final MessageSource messages;
    private final ScriptLibrary scripts;

    WorkspacePage(CallbackDesk desk, PatientRegistry patients, PracticeDirectory practices, Identity identity, Board board,
                  MessageSource messages, ScriptLibrary scripts) {
        this.scripts = scripts;
        this.desk = desk;
        this.patients = patients;
        this.practices = practices;
        this.identity = identity;
        this.board = board;
        this.messages = messages;
    }

    @GetMapping("/callbacks/{id}")
    String show(@PathVariable UUID id, Model model, Locale locale) {
        Callback callback = desk.get(id);
        var state = callback.state();
        Practice practice = practices.find(callback.practiceId());
        Category category = practices.category(callback.practiceId(), callback.category());
        Optional<Patient> patient = callback.patientId().map(pid -> patients.get(callback.practiceId(), pid));
        var zone = practice.timeZone();
        model.addAttribute("practice", practice);
        model.addAttribute("callback", CallbackView.of(callback, true));
        model.addAttribute("patient", patient.orElse(null));
        model.addAttribute("consent", patient.map(Patient::consent).orElse(org.ringback.patient.Consent.UNKNOWN_CALLER));
        model.addAttribute("category", category);
        model.addAttribute("outcomes", category.closureOutcomes().stream().sorted().toList());
        model.addAttribute("waitingOptions", EnumSet.allOf(WaitingOn.class));
        model.addAttribute("results", EnumSet.allOf(AttemptResult.class));
        model.addAttribute("methods", EnumSet.allOf(ContactMethod.class));
        model.addAttribute("scripts", scripts(callback, state.urgency().isClinical(), patient, locale));
        model.addAttribute("when", (java.util.function.Function<java.time.Instant, String>) at -> at == null ? "" : WHEN.format(at.atZone(zone)));
        model.addAttribute("canClose", identity.current().isClinical() || !(category.clinical() || state.urgency().isClinical()));
        model.addAttribute("overdue", state.status().isOpen() && state.boardDueAt().isBefore(board.now()));
        return "callback/workspace";
    }

    @PostMapping("/callbacks/{id}/attempt")
    String attempt(@PathVariable UUID id, @ModelAttribute AttemptForm form, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, () -> {
            if (form.result() == null) {
                throw new Refusal.InvalidInput("result", messages.getMessage("workspace.attempt.needResult", null, locale));
            }
            var report = new Callback.AttemptReport(form.method() == null ? ContactMethod.PHONE : form.method(), board.now(),
                    form.result(), Boolean.TRUE.equals(form.messageLeft()), StaffPages.text(form.script()),
                    StaffPages.text(form.patientResponse()), StaffPages.text(form.nextAction()), nonBlank(form.details()),
                    Optional.ofNullable(form.minutes()).filter(m -> m > 0 && m <= MAX_ATTEMPT_MINUTES).map(Duration::ofMinutes));
            Callback updated = desk.recordAttempt(id, report, Optional.ofNullable(form.version()));
            return updated.state().nextActionAt()
                    .map(at -> messages.getMessage("workspace.attempt.savedNext", new Object[]{WHEN.format(at.atZone(zoneOf(updated)))}, locale))
                    .orElse(messages.getMessage("workspace.attempt.saved", null, locale));
        });
    }

    @PostMapping("/callbacks/{id}/wait")
    String waitOn(@PathVariable UUID id, WaitingOn on, String note,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedBy, Integer version,
                  RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, () -> {
            if (on == null) {
                throw new Refusal.InvalidInput("on", messages.getMessage("workspace.wait.needOn", null, locale));
            }
            desk.waitOn(id, on, StaffPages.text(note), Optional.ofNullable(expectedBy), Optional.ofNullable(version));
            return messages.getMessage("workspace.wait.saved", null, locale);
        });
    }

    @PostMapping("/callbacks/{id}/resume")
    String resume(@PathVariable UUID id, Integer version, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, () -> {
            desk.resume(id, Optional.ofNullable(version));
            return messages.getMessage("workspace.resume.saved", null, locale);
        });
    }

    @PostMapping("/callbacks/{id}/assign")
    String assign(@PathVariable UUID id, String owner, String queue, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, () -> {
            if (StaffPages.text(owner).isEmpty() && StaffPages.text(queue).isEmpty()) {
                throw new Refusal.InvalidInput("owner", messages.getMessage("workspace.assign.needOwner", null, locale));
            }
            desk.assign(id, StaffPages.text(queue), StaffPages.text(owner), Optional.empty());
            return messages.getMessage("workspace.assign.saved", null, locale);
        });
    }

    @PostMapping("/callbacks/{id}/escalate")
    String escalate(@PathVariable UUID id, String reason, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, () -> {
            String why = StaffPages.text(reason).orElseThrow(() ->
                    new Refusal.InvalidInput("reason", messages.getMessage("workspace.escalate.needReason", null, locale)));
            desk.escalate(id, why, Optional.empty());
            return messages.getMessage("workspace.escalate.saved", null, locale);
        });
    }

    @PostMapping("/callbacks/{id}/close")
    String close(@PathVariable UUID id, @ModelAttribute CloseForm form, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, () -> {
            if (form.outcome() == null || form.version() == null) {
                throw new Refusal.InvalidInput("outcome", messages.getMessage("workspace.close.needOutcome", null, locale));
            }
            desk.close(id, form.outcome(), StaffPages.text(form.note()), nonBlank(form.details()), form.version());
            return messages.getMessage("workspace.close.saved", new Object[]{form.outcome().name()}, locale);
        });
    }

    /** Runs an action and redirects back to the workspace with its message, or with the refusal in words. */
    private String act(UUID id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("flash", action.get());
        } catch (Refusal refusal) {
            if (refusal instanceof Refusal.NotFound) {
                throw refusal;
            }
            var message = new StringBuilder(refusal.getMessage());
            refusal.errors().forEach(error -> message.append(" · ").append(error.field()).append(": ").append(error.message()));
            redirect.addFlashAttribute("error", message.toString());
        }
        return "redirect:/callbacks/" + id;
    }

    /** The approved scripts for this item, from the practice's library, in the patient's language. */
    private Map<String, String> scripts(Callback callback, boolean clinical, Optional<Patient> patient, Locale locale) {
        String language = patient.map(Patient::language).orElse(locale.getLanguage());
        boolean detailed = patient.map(p -> p.consent().detailedVoicemail()).orElse(false);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("staffName", identity.current().displayName());
        patient.map(Patient::displayName).or(() -> callback.state().callerName())
                .ifPresent(name -> values.put("patientFirstName", name.strip().split("\\s+")[0]));
        var rendered = new LinkedHashMap<String, String>();
        for (Situation situation : SCRIPTS) {
            if (clinical || situation != Situation.EMERGENCY) {
                rendered.put(situation.name(), scripts.render(callback.practiceId(), callback.category(), situation, language, detailed, values));
            }
        }
        return rendered;
    }

    private static Map<String, String> nonBlank(Map<String, String> details) {
        var kept = new LinkedHashMap<String, String>();
        if (details == null) {
            return kept;
        }
        details.forEach((field, value) -> StaffPages.text(value).ifPresent(text -> kept.put(field, text)));
        return kept;
    }

    private java.time.ZoneId zoneOf(Callback callback) {
        return practices.find(callback.practiceId()).timeZone();
    }
}
