package ca.constituent.abuse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An {@link AbuseConfig} for plain unit tests: defaults, with the trusted proxies given. */
final class TestConfig {

    private TestConfig() {
    }

    static AbuseConfig trusting(String... proxies) {
        return new AbuseConfig() {
            public Optional<List<String>> trustedProxies() {
                return Optional.of(List.of(proxies));
            }

            public Limits limits() {
                throw new UnsupportedOperationException();
            }

            public Rules block() {
                throw new UnsupportedOperationException();
            }

            public Rules allow() {
                throw new UnsupportedOperationException();
            }

            public String listsRefreshEvery() {
                throw new UnsupportedOperationException();
            }

            public ProofOfWork proofOfWork() {
                return new ProofOfWork() {
                    public boolean enabled() {
                        return false;
                    }

                    public long maxNumber() {
                        return 1000;
                    }

                    public Duration expiry() {
                        return Duration.ofMinutes(10);
                    }
                };
            }
        };
    }
}
