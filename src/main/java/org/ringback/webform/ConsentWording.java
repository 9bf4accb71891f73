package org.ringback.webform;

/**
 * The version of the consent sentences the form shows (message keys {@code webform.consent.<version>.*}).
 * Changing the sentences means a new version and new keys, so every stored consent names what was read.
 */
public final class ConsentWording {

    public static final String VERSION = "v1";

    private ConsentWording() {
    }
}
