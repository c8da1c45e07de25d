package ca.constituent.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Limits on what clients may send. */
@ConfigMapping(prefix = "constituent.http")
public interface HttpConfig {

    /**
     * The largest request body accepted, in bytes. A signature with a 2,000-character note in any script, posted by
     * a browser that percent-encodes every byte (up to 12 bytes a character), is under 30 KB.
     */
    @WithDefault("40960")
    long maxBodyBytes();

    /**
     * The largest body accepted on the paths of {@link #largeBodyPaths()}, in bytes: a 10,000-character letter and
     * its 200-character subject, fully percent-encoded, are under 125 KB.
     */
    @WithDefault("163840")
    long maxLargeBodyBytes();

    /** Path patterns (regular expressions) that may carry the larger bodies: letters signers edit, API or page. */
    @WithDefault("/api/signatures/[^/]+/mp-email.*,/letter/[^/]+")
    List<String> largeBodyPaths();

    /** The largest body accepted on {@link #uploadPaths()}, in bytes: an MP list of 343 ridings is about 125 KB. */
    @WithDefault("2097152")
    long maxUploadBytes();

    /** Path patterns (regular expressions) of organisers' data uploads, which may carry the largest bodies. */
    @WithDefault("/api/admin/mp-uploads,/admin/mps/uploads")
    List<String> uploadPaths();

    /**
     * The largest body accepted on {@link #tableUploadPaths()}, in bytes: a national postal-code table (about 900,000
     * rows) is about 20 MB. Only organisers may post there; every other path keeps its smaller limit.
     */
    @WithDefault("33554432")
    long maxTableUploadBytes();

    /** Path patterns (regular expressions) of organisers' full postal-code table uploads. */
    @WithDefault("/api/admin/postal-code-uploads,/admin/mps/postal-code-uploads")
    List<String> tableUploadPaths();

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
