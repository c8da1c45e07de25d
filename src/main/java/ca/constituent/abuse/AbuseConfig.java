package ca.constituent.abuse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Abuse controls: silent limits on signing, block and allow lists, the honeypot and proof of work. Over a limit a
 * signer gets the normal answer; the signature is stored {@code held}, gets no mail and is not counted.
 */
@ConfigMapping(prefix = "constituent.abuse")
public interface AbuseConfig {

    /**
     * Proxies whose {@code X-Forwarded-For} is believed ({@code TRUSTED_PROXIES}, CIDRs, comma-separated). The client
     * is the rightmost address not in this list; from any other peer the header is ignored.
     */
    Optional<List<String>> trustedProxies();

    /** Limits on signing. */
    Limits limits();

    /** Rejected without a word: the signature is held. Entries from config; more are added by the admin API. */
    Rules block();

    /** Exempt from the rate limits (not from the lists' blocks nor the mailbox budget). */
    Rules allow();

    /** Proof of work (ALTCHA). */
    ProofOfWork proofOfWork();

    /** How often each instance reloads the block and allow lists, so a rule added elsewhere applies here too. */
    @WithDefault("10s")
    String listsRefreshEvery();

    interface Limits {
        /** Off only for load tests on one address. */
        @WithDefault("true")
        boolean enabled();

        /** Signatures one client address may make on one campaign within {@link #burstWindow()}. */
        @WithDefault("1")
        int burst();

        @WithDefault("PT1M")
        Duration burstWindow();

        /** Signatures one client address may make on one campaign within {@link #sustainedWindow()}. */
        @WithDefault("5")
        int sustained();

        @WithDefault("PT5M")
        Duration sustainedWindow();

        /** Signatures per email domain per hour, all campaigns together; free-mail domains are exempt. */
        @WithDefault("30")
        int perDomainPerHour();

        /** Large free-mail domains, exempt from the per-domain limit. */
        @WithDefault("gmail.com,googlemail.com,outlook.com,hotmail.com,hotmail.fr,live.com,live.ca,msn.com,"
                + "yahoo.com,yahoo.ca,yahoo.fr,icloud.com,me.com,proton.me,protonmail.com,videotron.ca,"
                + "sympatico.ca,bell.net,rogers.com,shaw.ca,telus.net,cogeco.ca,laposte.net,orange.fr")
        List<String> freeMailDomains();

        /** Confirmation mails intake may queue per clock hour, all replicas together. */
        @WithDefault("5000")
        int confirmationMailsPerHour();
    }

    interface Rules {
        /** IP ranges (CIDR) or single addresses. */
        Optional<List<String>> cidrs();

        /** Email domains; a domain also covers its subdomains. */
        Optional<List<String>> domains();

        /** Email addresses, compared case-insensitively. */
        Optional<List<String>> addresses();
    }

    interface ProofOfWork {
        /** Off by default; when on, every signature (form or JSON) must carry a solved challenge. */
        @WithDefault("false")
        boolean enabled();

        /** The hardest challenge's number: the work a browser does, about a second at 100000. */
        @WithDefault("100000")
        long maxNumber();

        /** How long a challenge may be solved and used, once. */
        @WithDefault("PT10M")
        Duration expiry();
    }
}
