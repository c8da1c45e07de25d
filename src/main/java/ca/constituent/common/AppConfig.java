package ca.constituent.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings shared by every feature. In production each comes from an environment variable. */
@ConfigMapping(prefix = "constituent")
public interface AppConfig {

    /** The origin that links in mails point to ({@code PUBLIC_BASE_URL}), without a trailing slash. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /**
     * The server secret ({@code APP_SECRET}, at least 32 characters) behind signer keys and IP hashes. Changing it
     * invalidates every link already mailed.
     */
    String secret();
}
