package ca.constituent.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Signatures posted by several clients at once until the app, sent SIGTERM meanwhile, has exited. */
final class IntakeLoad {

    private static final int CLIENTS = 8;

    record Result(List<String> accepted, int refused, int connectionErrors, Duration exitTime) {
    }

    private IntakeLoad() {
    }

    /** The pod's terminationGracePeriodSeconds less its preStop pause, as k8s/base declares them. */
    static Duration shutdownBudget() {
        Map<String, Object> deployment = Kustomize.find(Kustomize.build(Path.of("k8s/base")), "Deployment",
                "constituent");
        Object pod = Kustomize.at(deployment, "spec", "template", "spec");
        int grace = (Integer) Kustomize.at(pod, "terminationGracePeriodSeconds");
        Object app = Kustomize.list(Kustomize.at(pod, "containers")).get(0);
        int preStop = (Integer) Kustomize.at(app, "lifecycle", "preStop", "sleep", "seconds");
        return Duration.ofSeconds(grace - preStop);
    }

    /** Loads {@code app} for {@code warmUp}, sends it SIGTERM and keeps posting until it is gone. */
    static Result untilStopped(AppProcess app, Duration warmUp) throws InterruptedException {
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger connectionErrors = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (!stop.get()) {
                    String email = "sigterm-" + UUID.randomUUID() + "@example.ca";
                    try {
                        int status = app.post("/api/campaigns/end-ice-complicity/signatures",
                                "{\"firstName\":\"Sam\",\"lastName\":\"Roy\",\"email\":\"" + email
                                        + "\",\"postalCode\":\"K1A 0A6\",\"language\":\"fr\"}", Map.of()).statusCode();
                        if (status == 202) {
                            accepted.add(email);
                        } else if (status == 503) {
                            refused.incrementAndGet();
                        }
                    } catch (IOException e) {
                        connectionErrors.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        Thread.sleep(warmUp.toMillis());
        Duration exitTime;
        try {
            exitTime = app.terminate(shutdownBudget().plusSeconds(10));
        } finally {
            stop.set(true);
            clients.shutdown();
            clients.awaitTermination(40, TimeUnit.SECONDS);
        }
        return new Result(List.copyOf(accepted), refused.get(), connectionErrors.get(), exitTime);
    }
}
