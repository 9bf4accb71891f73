package org.ringback.telephony.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ringback.shared.Refusal;

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

    @Test
    void aBodyThatIsNotFormEncodedIsRefusedAsInvalidInput() {
        assertThatThrownBy(() -> TwilioWebhookController.form("From=%zz"))
                .isInstanceOf(Refusal.InvalidInput.class)
                .hasMessageNotContaining("%zz");
    }
}
