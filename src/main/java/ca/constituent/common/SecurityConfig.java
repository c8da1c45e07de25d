package ca.constituent.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Browser-facing security settings. */
@ConfigMapping(prefix = "constituent.security")
public interface SecurityConfig {

    /**
     * Who may show the embed page ({@code /campaigns/{slug}/embed}) in a frame ({@code FRAME_ANCESTORS}): the sites
     * that embed the form, as CSP sources such as {@code https://partner.example.ca}. Every other page answers
     * {@code frame-ancestors 'none'}. Never {@code *} in production: the service refuses to start.
     */
    @WithDefault("'self'")
    List<String> frameAncestors();
}
