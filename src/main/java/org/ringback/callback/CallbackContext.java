package org.ringback.callback;

import java.util.List;
import java.util.Set;

import org.ringback.patient.Consent;
import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.CallWindow;
import org.ringback.practice.Category;

/** What the rules need to know around one item: its category, the practice's time, and the patient's wishes. */
public record CallbackContext(Category category, BusinessCalendar calendar, List<CallWindow> callWindows,
                              Set<String> preferredWindows, Consent consent) {

    ResponseLadder ladder() {
        return new ResponseLadder(category.ladder(), callWindows, calendar);
    }
}
