package org.ringback.telephony.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TwilioWebhookControllerTest {

    @Test
    void readsFormParametersWithEncodedCharacters() {
        assertThat(TwilioWebhookController.form("From=%2B16175550134&TranscriptionText=chest+pain%2C+please&Empty=&Flag"))
                .containsEntry("From", "+16175550134")
                .containsEntry("TranscriptionText", "chest pain, please")
                .containsEntry("Empty", "")
                .containsEntry("Flag", "");
        assertThat(TwilioWebhookController.form(null)).isEmpty();
    }
}
