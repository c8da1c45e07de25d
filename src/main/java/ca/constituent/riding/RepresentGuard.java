package ca.constituent.riding;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Resilience4j behind one method: a call to Represent runs only while the circuit lets it through and the
 * client-side request budget has a request left; its outcome feeds the circuit. Anything else, a failure included,
 * is an empty answer, so the caller falls back to local data.
 */
final class RepresentGuard {

    private final RidingConfig.Represent config;
    private volatile CircuitBreaker breaker;
    private volatile RateLimiter limiter;

    RepresentGuard(RidingConfig.Represent config) {
        this.config = config;
        reset();
    }

    /**
     * The call's result, or empty when the circuit is open, the budget spent or the call failed.
     *
     * @param what names the call in the log, without personal data
     */
    <T> Optional<T> call(String what, Supplier<T> call) {
        if (!breaker.tryAcquirePermission()) {
            return Optional.empty();
        }
        if (!limiter.acquirePermission()) {
            breaker.releasePermission();
            Log.debug("Represent request budget spent; answering from local data");
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            T result = call.get();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return Optional.of(result);
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            Log.warnf("Represent did not answer for %s (%s); answering from local data", what,
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Closes the circuit and restores the request budget. */
    void reset() {
        breaker = CircuitBreaker.of("represent", CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(config.failureRateThreshold())
                .waitDurationInOpenState(config.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        limiter = RateLimiter.of("represent", RateLimiterConfig.custom()
                .limitForPeriod(config.requestsPerMinute())
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    }
}
