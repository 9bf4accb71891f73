package org.ringback.callback.web;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.ringback.callback.CallbackDesk;
import org.ringback.callback.EndOfDay;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The end-of-day review: six buckets, and a bulk hand-over of the chosen items to tomorrow's owner. */
@Controller
@StaffPage
class ReviewPage {

    private final EndOfDay endOfDay;
    private final CallbackDesk desk;
    private final PracticeDirectory practices;
    private final MessageSource messages;

    ReviewPage(EndOfDay endOfDay, CallbackDesk desk, PracticeDirectory practices, MessageSource messages) {
        this.endOfDay = endOfDay;
        this.desk = desk;
        this.practices = practices;
        this.messages = messages;
    }

    @GetMapping("/practices/{practiceId}/review")
    String review(@PathVariable UUID practiceId, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  Model model) {
        model.addAttribute("practice", practices.get(practiceId));
        model.addAttribute("review", endOfDay.review(practiceId, Optional.ofNullable(date)));
        return "callback/review";
    }

    /** Hands each chosen item to an owner; an item that cannot be assigned is named, the others still move. */
    @PostMapping("/practices/{practiceId}/review/assign")
    String assign(@PathVariable UUID practiceId, @RequestParam(required = false) List<UUID> ids, @RequestParam(required = false) String owner,
                  RedirectAttributes redirect, Locale locale) {
        practices.get(practiceId);
        Optional<String> to = StaffPages.text(owner);
        if (ids == null || ids.isEmpty() || to.isEmpty()) {
            redirect.addFlashAttribute("error", messages.getMessage("review.assign.needBoth", null, locale));
            return "redirect:/practices/" + practiceId + "/review";
        }
        int assigned = 0;
        StringBuilder refused = new StringBuilder();
        // An item listed in several buckets may be ticked more than once: hand it over once.
        for (UUID id : new LinkedHashSet<>(ids)) {
            try {
                if (!desk.get(id).practiceId().equals(practiceId)) {
                    throw new Refusal.NotFound("Callback");
                }
                desk.assign(id, Optional.empty(), to, Optional.empty());
                assigned++;
            } catch (Refusal refusal) {
                refused.append(' ').append(refusal.getMessage()).append('.');
            }
        }
        redirect.addFlashAttribute("flash", messages.getMessage("review.assign.done", new Object[]{assigned, to.get()}, locale));
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("error", messages.getMessage("review.assign.refused", null, locale) + refused);
        }
        return "redirect:/practices/" + practiceId + "/review";
    }
}
