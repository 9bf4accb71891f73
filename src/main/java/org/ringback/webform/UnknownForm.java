package org.ringback.webform;

/** No open web form at this address: the slug is unknown or its form is switched off. */
public final class UnknownForm extends RuntimeException {

    public UnknownForm() {
        super("No web form at this address", null, false, false);
    }
}
