package ca.constituent.signature;

import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;

/**
 * A new signature's id, in time order: a version 7 UUID (RFC 9562), 48 bits of Unix milliseconds, then 74 random
 * bits.
 *
 * <p>A random (version 4) id puts each new row on a random page of the primary key, and of {@code confirmation_mail}'s
 * index on {@code signature_id}. Once millions of signatures are stored, those pages no longer stay in PostgreSQL's
 * buffers: each insert reads one in, and the first change to it after each checkpoint writes the whole page to the
 * WAL. Ids in time order go to the last pages of both indexes, as {@code created_at} does.
 *
 * <p>The id is no secret: every link to a signature also carries its HMAC key ({@link SignerKeys}). The time it tells
 * is the signature's own {@code created_at}, which only its signer and the organisers see.
 */
final class SignatureIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SignatureIds() {
    }

    static UUID next() {
        return next(System.currentTimeMillis(), RANDOM);
    }

    static UUID next(long epochMillis, Random random) {
        long high = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
