package org.ringback.telephony;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At start: seals the tokens stored in plain text before tokens were sealed, and says when this instance's key does
 * not open stored ones (instances that do not share a key, or a restore without it). Those practices' webhooks are
 * refused until the key is given or the token stored again; the rest of Ringback works, so the app still starts.
 */
@Component
class TokenSealing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TokenSealing.class);

    private final SettingsStore settings;

    TokenSealing(SettingsStore settings) {
        this.settings = settings;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int sealed = settings.sealPlainTokens();
        if (sealed > 0) {
            log.info("Sealed the Twilio auth tokens of {} practices, stored in plain text before", sealed);
        }
        int unreadable = settings.unreadableTokens();
        if (unreadable > 0) {
            log.error("The Twilio auth tokens of {} practices were sealed under another key: their webhooks are refused "
                    + "until this instance has that key (RINGBACK_TELEPHONY_TOKEN_KEY, or the {} file of the instance that "
                    + "stored them) or their managers store the tokens again", unreadable, TokenCipher.KEY_FILE);
        }
    }
}
