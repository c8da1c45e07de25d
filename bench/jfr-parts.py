"""Sorts JFR execution samples (`jfr print --events jdk.ExecutionSample --stack-depth 96` output) into the parts of
signature intake: each sample goes to the part of the innermost frame of its stack that belongs to one (a regex
running for the validator counts as validation, a SHA-256 block for an HMAC as HMAC). Prints each part's share of
the samples and, given the app's CPU per signature in microseconds, its microseconds per signature.
Usage: python3 bench/jfr-parts.py samples.txt [app_us_per_signature]"""
import collections
import re
import sys

# Work that runs beside intake rather than for a request, recognised anywhere in the stack.
BESIDE = [
    ("confirmation mails (render, send: the queue draining behind intake)",
     ("ca.constituent.signature.ConfirmationMailer", "ca.constituent.outbox.", "io.quarkus.mailer.",
      "io.vertx.ext.mail.")),
    ("scheduled jobs (count roll-up, retention)", ("io.quarkus.scheduler.",)),
    ("JFR recording itself", ("jdk.jfr.",)),
]

PARTS = [
    ("JSON (Jackson: request body, answer)", ("com.fasterxml.jackson", "io.quarkus.resteasy.reactive.jackson",
                                              "org.jboss.resteasy.reactive.server.jackson")),
    ("validation (fields, email, names)", ("ca.constituent.signature.SignatureValidator",
                                           "ca.constituent.signature.EmailAddress", "ca.constituent.signature.PlainName",
                                           "ca.constituent.signature.CanonicalEmail", "ca.constituent.signature.SignRequest",
                                           "ca.constituent.signature.NewSignature")),
    ("riding lookup", ("ca.constituent.riding.",)),
    ("HMAC (client address and mailbox keys)", ("ca.constituent.common.Keys", "javax.crypto.", "com.sun.crypto.",
                                                "sun.security.provider.", "ca.constituent.signature.SignerKeys")),
    ("abuse screen (client address, lists)", ("ca.constituent.abuse.",)),
    ("batch statement, client side (writer, pgjdbc, pool)", ("ca.constituent.signature.SignatureWriter",
                                                            "org.postgresql.", "io.agroal.")),
    ("service (futures, receipt, problem answers)", ("ca.constituent.",)),
    ("metrics (Micrometer)", ("io.micrometer.", "io.quarkus.micrometer.")),
    ("HTTP layer (Netty, Vert.x, Quarkus REST)", ("io.netty.", "io.vertx.", "org.jboss.resteasy.reactive.",
                                                  "io.quarkus.", "io.smallrye.")),
]


def part_of(frames):
    for name, prefixes in BESIDE:
        if any(frame.startswith(prefixes) for frame in frames):
            return name
    for frame in frames:
        for name, prefixes in PARTS:
            if frame.startswith(prefixes):
                return name
    return "other (JDK, JIT, logging)"


def samples(path):
    frames, thread, inside = [], "", False
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.strip()
        if line.startswith("sampledThread"):
            thread = re.sub(r'^sampledThread = "([^"]*)".*', r"\1", line)
        elif line.startswith("stackTrace = ["):
            frames, inside = [], True
        elif inside and line == "]":
            inside = False
            yield thread, frames
        elif inside and line and line != "...":
            frames.append(line)


def main():
    parts, threads = collections.Counter(), collections.Counter()
    total = 0
    for thread, frames in samples(sys.argv[1]):
        total += 1
        parts[part_of(frames)] += 1
        threads[re.sub(r"[-#]?\d+.*$", "", thread) or thread] += 1
    app_us = float(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] else None
    print(f"{total} execution samples")
    for name, count in parts.most_common():
        us = f"  ~{app_us * count / total:.1f} us/signature" if app_us else ""
        print(f"RESULT part {100 * count / total:5.1f} %  {name}{us}")
    print("samples by thread:", ", ".join(f"{t} {100 * c / total:.0f} %" for t, c in threads.most_common(6)))


if __name__ == "__main__":
    main()
