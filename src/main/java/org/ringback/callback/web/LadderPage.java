package org.ringback.callback.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.ringback.identity.Identity;
import org.ringback.practice.Category;
import org.ringback.practice.Ladder;
import org.ringback.practice.LadderSettings;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The managers' ladder page: per category, how many attempts, how far apart, whether retries change call window,
 * the busy line's short retry and what a dead number leads to. One form for all categories; a refused field is
 * shown next to its row (the same checks as PUT /api/v1/practices/{id}/ladder).
 */
@Controller
@StaffPage
class LadderPage {

    /** One row of the form, as typed (minutes for durations), with its refusals. */
    record Row(String code, String name, String maxAttempts, String minGapMinutes, boolean differentWindow,
               String busyRetryMinutes, String deadNumber, List<String> errors) {

        static Row of(Category c) {
            Ladder l = c.ladder();
            return new Row(c.code(), c.name(), Integer.toString(l.maxAttempts()), Long.toString(l.minGap().toMinutes()),
                    l.differentWindow(), Long.toString(l.busyRetry().toMinutes()), l.deadNumber().name(), List.of());
        }
    }

    private static final java.util.regex.Pattern ROW_KEY = java.util.regex.Pattern.compile("c(\\d{1,3})\\.code");
    private static final int MAX_ROWS = 100;

    private final PracticeDirectory practices;
    private final Identity identity;
    private final MessageSource messages;

    LadderPage(PracticeDirectory practices, Identity identity, MessageSource messages) {
        this.practices = practices;
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/practices/{practiceId}/ladder")
    String show(@PathVariable UUID practiceId, Model model) {
        identity.requireManager(practiceId);
        return page(practiceId, practices.categories(practiceId).stream().map(Row::of).toList(), model);
    }

    @PostMapping("/practices/{practiceId}/ladder")
    String save(@PathVariable UUID practiceId, @RequestParam MultiValueMap<String, String> form, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        identity.requireManager(practiceId);
        Map<String, String> names = new LinkedHashMap<>();
        practices.categories(practiceId).forEach(c -> names.put(c.code(), c.name()));
        List<Row> rows = new ArrayList<>();
        Map<String, Ladder> ladders = new LinkedHashMap<>();
        boolean refused = false;
        // Rows are c<n>.<field>; a form may carry any of them (a script, one changed row).
        var indexes = new java.util.TreeSet<Integer>();
        for (String key : form.keySet()) {
            var row = ROW_KEY.matcher(key);
            if (row.matches() && indexes.size() < MAX_ROWS) {
                indexes.add(Integer.valueOf(row.group(1)));
            }
        }
        for (int i : indexes) {
            String p = "c" + i + ".";
            String code = value(form, p + "code");
            var errors = new ArrayList<Refusal.FieldError>();
            if (!names.containsKey(code)) {
                errors.add(new Refusal.FieldError("code", "is not a category of this practice"));
            }
            LadderSettings.check("", integer(value(form, p + "maxAttempts")), minutes(value(form, p + "minGapMinutes")),
                            form.containsKey(p + "differentWindow"), minutes(value(form, p + "busyRetryMinutes")),
                            deadNumber(value(form, p + "deadNumber")), errors)
                    .filter(ladder -> names.containsKey(code))
                    .ifPresent(ladder -> ladders.put(code, ladder));
            refused |= !errors.isEmpty();
            rows.add(new Row(code, names.getOrDefault(code, code), value(form, p + "maxAttempts"), value(form, p + "minGapMinutes"),
                    form.containsKey(p + "differentWindow"), value(form, p + "busyRetryMinutes"), value(form, p + "deadNumber"),
                    errors.stream().map(e -> e.field() + " " + e.message()).toList()));
        }
        if (refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", text("ladder.refused"));
            return page(practiceId, rows, model);
        }
        practices.replaceLadders(practiceId, ladders);
        redirect.addFlashAttribute("flash", text("ladder.saved"));
        return "redirect:/practices/" + practiceId + "/ladder";
    }

    private String page(UUID practiceId, List<Row> rows, Model model) {
        model.addAttribute("practice", practices.get(practiceId));
        model.addAttribute("rows", rows);
        model.addAttribute("deadNumbers", Ladder.DeadNumber.values());
        return "callback/ladder";
    }

    private static String value(MultiValueMap<String, String> form, String key) {
        String v = form.getFirst(key);
        return v == null ? "" : v.strip();
    }

    private static Integer integer(String v) {
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration minutes(String v) {
        Integer n = integer(v);
        return n == null ? null : Duration.ofMinutes(n);
    }

    private static Ladder.DeadNumber deadNumber(String v) {
        for (Ladder.DeadNumber d : Ladder.DeadNumber.values()) {
            if (d.name().equals(v)) {
                return d;
            }
        }
        return null;
    }

    private String text(String code) {
        return messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }
}
