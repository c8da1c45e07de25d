package ca.constituent.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox, shared by every kind of mail. */
@ConfigMapping(prefix = "constituent.outbox")
public interface OutboxConfig {

    /**
     * How long a batch waits for the SMTP server to accept its mails; a mail not accepted by then counts as a
     * transient failure and is retried later.
     */
    @WithDefault("PT30S")
    Duration sendTimeout();
}
