package ca.constituent.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Limits on what clients may send. */
@ConfigMapping(prefix = "constituent.http")
public interface HttpConfig {

    /** The largest request body accepted, in bytes (a signature is well under 1 KB). */
    @WithDefault("16384")
    long maxBodyBytes();

    /** The largest body accepted on the paths of {@link #largeBodyPaths()}, in bytes. */
    @WithDefault("65536")
    long maxLargeBodyBytes();

    /** Path patterns (regular expressions) that may carry the larger bodies, such as letters signers edit. */
    @WithDefault("/api/signatures/[^/]+/mp-email.*")
    List<String> largeBodyPaths();

    /**
     * The longest request address (path and query) accepted, in characters; longer ones get a 414 problem. Keep it
     * below {@code quarkus.http.limits.max-initial-line-length}.
     */
    @WithDefault("4096")
    int maxUriLength();

    /**
     * The largest request headers accepted, in bytes all together; larger ones get a 431 problem. Keep it below
     * {@code quarkus.http.limits.max-header-size}.
     */
    @WithDefault("16384")
    int maxHeaderBytes();
}
