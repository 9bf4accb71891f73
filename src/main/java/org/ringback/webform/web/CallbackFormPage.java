package org.ringback.webform.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ringback.callback.Urgency;
import org.ringback.intake.RedFlagScreen;
import org.ringback.practice.CallWindow;
import org.ringback.shared.Refusal;
import org.ringback.webform.ConsentWording;
import org.ringback.webform.ReasonChoice;
import org.ringback.webform.UnknownForm;
import org.ringback.webform.WebForms;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public callback form of a practice ({@code /p/{slug}/callback}), its red-flag screen as the reason is
 * typed, and the confirmation with the practice's real promise. Post/Redirect/Get: the confirmation's address
 * holds an opaque id only, never what the patient typed.
 */
@Controller
class CallbackFormPage {

    /** No inline script or style anywhere on these pages; the form posts only to this app. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /** What the page needs to show a call window: its name and local times. */
    record WindowOption(String name, String label) {
    }

    /** The form's values to show again after a refusal; the honeypot is never echoed. */
    record Values(String name, String phone, String reason, String details, List<String> windows, boolean voicemail, boolean sms) {
        static final Values EMPTY = new Values("", "", "", "", List.of(), false, false);
    }

    private final WebForms webForms;
    private final MessageSource messages;
    private final RedFlagScreen screen = RedFlagScreen.withDefaults();
    private final Clock clock;

    CallbackFormPage(WebForms webForms, MessageSource messages, Clock clock) {
        this.webForms = webForms;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute
    void headers(HttpServletRequest request, HttpServletResponse response) {
        // The CSRF token lives in a cookie: make it now, while headers can still be set, not when the form renders.
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }

    @GetMapping("/p/{slug}/callback")
    String form(@PathVariable String slug, Model model, Locale locale) {
        var form = webForms.open(slug);
        show(model, form, locale, Values.EMPTY, Map.of(), UUID.randomUUID().toString());
        return "webform/form";
    }

    @PostMapping("/p/{slug}/callback")
    Object submit(@PathVariable String slug,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String details,
                  @RequestParam(required = false) List<String> windows,
                  @RequestParam(defaultValue = "false") boolean voicemail, @RequestParam(defaultValue = "false") boolean sms,
                  @RequestParam(required = false) String website, @RequestParam(required = false) String key,
                  HttpServletRequest request, Locale locale) {
        var form = webForms.open(slug);
        var values = new Values(orEmpty(name), orEmpty(phone), orEmpty(reason), orEmpty(details),
                windows == null ? List.of() : windows, voicemail, sms);
        if (!webForms.admit(form, request.getRemoteAddr())) {
            var page = page("webform/form", form, locale, values, Map.of(), key, HttpStatus.TOO_MANY_REQUESTS);
            page.addObject("formError", messages.getMessage("webform.error.tooMany",
                    new Object[]{webForms.rateWindow().toMinutes()}, locale));
            return page;
        }
        if (website != null && !website.isEmpty()) {
            // A person never sees the trap field: answer like a success so the robot learns nothing, keep nothing.
            webForms.trapped(form);
            ReasonChoice choice = ReasonChoice.of(values.reason()).orElse(ReasonChoice.OTHER);
            var page = new ModelAndView("webform/thanks");
            page.addObject("practice", form.practice());
            page.addObject("slug", form.slug());
            page.addObject("promise", promise(webForms.promise(form, choice), form.practice().timeZone(), locale));
            page.addObject("emergency", false);
            return page;
        }
        var checked = webForms.check(form, new WebForms.Input(name, phone, reason, details, values.windows(), voicemail, sms,
                locale.getLanguage(), key));
        if (checked.entry().isEmpty()) {
            return page("webform/form", form, locale, values, checked.errors(), key, HttpStatus.BAD_REQUEST);
        }
        try {
            var receipt = webForms.submit(form, checked.entry().get());
            return "redirect:/p/" + form.slug() + "/callback/thanks/" + receipt.id() + "?lang=" + receipt.language();
        } catch (Refusal refusal) {
            if (refusal instanceof Refusal.NotFound) {
                throw new UnknownForm();
            }
            var page = page("webform/form", form, locale, values, Map.of(), key, HttpStatus.CONFLICT);
            page.addObject("formError", messages.getMessage("webform.error.notFiled", null, locale));
            return page;
        }
    }

    @GetMapping("/p/{slug}/callback/thanks/{id}")
    String thanks(@PathVariable String slug, @PathVariable String id, Model model, Locale locale) {
        var form = webForms.open(slug);
        var receipt = parse(id).flatMap(uuid -> webForms.receipt(form, uuid)).orElseThrow(UnknownForm::new);
        model.addAttribute("practice", form.practice());
        model.addAttribute("slug", form.slug());
        model.addAttribute("promise", promise(receipt.promisedBy(), form.practice().timeZone(), locale));
        model.addAttribute("emergency", receipt.emergency());
        return "webform/thanks";
    }

    /** The red-flag screen's verdict on the reason so far (htmx, as it is typed): emergency guidance before sending. */
    @PostMapping("/p/{slug}/callback/screen")
    String screen(@PathVariable String slug, @RequestParam(defaultValue = "") String details, Model model) {
        webForms.open(slug);
        var screening = screen.screen(details.length() > WebForms.MAX_DETAILS ? details.substring(0, WebForms.MAX_DETAILS) : details);
        model.addAttribute("flagged", screening.flagged());
        model.addAttribute("emergency", screening.urgency().filter(u -> u == Urgency.EMERGENCY).isPresent());
        return "webform/form :: screening";
    }

    @ExceptionHandler(UnknownForm.class)
    ModelAndView unknown(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        var page = new ModelAndView("webform/not-found");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }

    private ModelAndView page(String view, WebForms.OpenForm form, Locale locale, Values values, Map<String, String> errors,
                              String key, HttpStatus status) {
        var page = new ModelAndView(view);
        show(page.getModelMap(), form, locale, values, errors, key == null ? UUID.randomUUID().toString() : key);
        page.setStatus(status);
        return page;
    }

    private void show(Map<String, Object> model, WebForms.OpenForm form, Locale locale, Values values, Map<String, String> errors, String key) {
        model.put("practice", form.practice());
        model.put("slug", form.slug());
        model.put("lang", locale.getLanguage());
        model.put("otherLang", "es".equals(locale.getLanguage()) ? "en" : "es");
        model.put("reasons", form.reasons());
        model.put("windows", form.windows().stream().map(w -> option(w, locale)).toList());
        model.put("values", values);
        model.put("errors", errors);
        model.put("key", key);
        model.put("consentVersion", ConsentWording.VERSION);
        model.put("flagged", false);
        model.put("emergency", false);
    }

    private void show(Model model, WebForms.OpenForm form, Locale locale, Values values, Map<String, String> errors, String key) {
        show(model.asMap(), form, locale, values, errors, key);
    }

    private WindowOption option(CallWindow window, Locale locale) {
        var time = DateTimeFormatter.ofPattern(messages.getMessage("webform.timePattern", null, locale), locale);
        String label = messages.getMessage("webform.window." + window.name(), null, window.name(), locale);
        return new WindowOption(window.name(), messages.getMessage("webform.window.label",
                new Object[]{label, time.format(window.start()), time.format(window.end())}, locale));
    }

    /** "tomorrow at 12:00 PM", in the practice's time zone and the page's language. */
    private String promise(Instant by, ZoneId zone, Locale locale) {
        Instant now = clock.instant();
        if (!by.isAfter(now)) {
            return messages.getMessage("webform.when.soon", null, locale);
        }
        var local = by.atZone(zone);
        String time = DateTimeFormatter.ofPattern(messages.getMessage("webform.timePattern", null, locale), locale).format(local);
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, zone), local.toLocalDate());
        if (days == 0) {
            return messages.getMessage("webform.when.today", new Object[]{time}, locale);
        }
        if (days == 1) {
            return messages.getMessage("webform.when.tomorrow", new Object[]{time}, locale);
        }
        String date = DateTimeFormatter.ofPattern(messages.getMessage("webform.datePattern", null, locale), locale).format(local);
        return messages.getMessage("webform.when.date", new Object[]{time, date}, locale);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
