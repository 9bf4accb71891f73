package org.ringback.planning;

import java.util.Objects;

import org.ringback.practice.CallWindow;

/** The measured chance that an attempt in a call window reaches the patient: why the ladder moves windows. */
public record WindowReach(CallWindow window, double probability) {

    public WindowReach {
        Objects.requireNonNull(window, "window");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("a reach probability is in [0, 1], was " + probability);
        }
    }
}
