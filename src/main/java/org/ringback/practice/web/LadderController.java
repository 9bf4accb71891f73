package org.ringback.practice.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ringback.practice.Category;
import org.ringback.practice.Ladder;
import org.ringback.practice.LadderSettings;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A practice's response ladder, per category, with the dispositions (what each attempt result leads to):
 * every member reads it, managers change it. A PUT names the categories it changes; the others keep theirs.
 */
@RestController
class LadderController {

    record CategoryLadderJson(String code, String name, Integer maxAttempts, Duration minGap, Boolean differentWindow,
                              Duration busyRetry, Ladder.DeadNumber deadNumber) {

        static CategoryLadderJson of(Category c) {
            Ladder l = c.ladder();
            return new CategoryLadderJson(c.code(), c.name(), l.maxAttempts(), l.minGap(), l.differentWindow(), l.busyRetry(),
                    l.deadNumber());
        }
    }

    record LadderJson(@NotNull @Size(min = 1, max = 100) List<@NotNull CategoryLadderJson> categories) {
    }

    private final PracticeDirectory directory;

    LadderController(PracticeDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/practices/{practiceId}/ladder")
    LadderJson get(@PathVariable UUID practiceId) {
        return of(directory.categories(practiceId));
    }

    @PutMapping("/api/v1/practices/{practiceId}/ladder")
    LadderJson replace(@PathVariable UUID practiceId, @Valid @RequestBody LadderJson body) {
        var errors = new ArrayList<Refusal.FieldError>();
        var ladders = new LinkedHashMap<String, Ladder>();
        for (int i = 0; i < body.categories().size(); i++) {
            CategoryLadderJson c = body.categories().get(i);
            String prefix = "categories[" + i + "].";
            if (c.code() == null || c.code().isBlank()) {
                errors.add(new Refusal.FieldError(prefix + "code", "is required"));
                continue;
            }
            if (ladders.containsKey(c.code())) {
                errors.add(new Refusal.FieldError(prefix + "code", "is listed twice"));
                continue;
            }
            LadderSettings.check(prefix, c.maxAttempts(), c.minGap(), c.differentWindow(), c.busyRetry(), c.deadNumber(), errors)
                    .ifPresent(ladder -> ladders.put(c.code(), ladder));
        }
        if (!errors.isEmpty()) {
            throw new Refusal.InvalidInput("The ladder settings have invalid fields", errors);
        }
        return of(directory.replaceLadders(practiceId, ladders));
    }

    private static LadderJson of(List<Category> categories) {
        return new LadderJson(categories.stream().map(CategoryLadderJson::of).toList());
    }
}
