package io.ledgernode.gateway.bench;

import io.ledgernode.gateway.EcdsaSigner;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;

/**
 * Signatures per second of one P-256 key on one thread: the project's {@link EcdsaSigner} beside fabric-gateway's
 * {@code Signers.newPrivateKeySigner}, back to back, each after a warm-up. Every submitted transaction is signed twice
 * (proposal and envelope) by whoever submits it. Prints figures; asserts nothing about time.
 */
public final class SignerBenchmark {

    private static final int SIGNATURES = 4_000;

    private SignerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("a proposal".getBytes());
        Signer ours = EcdsaSigner.of(keys.getPrivate());
        Signer fabric = Signers.newPrivateKeySigner(keys.getPrivate());
        rate(ours, digest);
        rate(fabric, digest);
        double oursRate = rate(ours, digest);
        double fabricRate = rate(fabric, digest);
        System.out.printf(Locale.ROOT, "signatures per second, one thread, P-256: EcdsaSigner (BouncyCastle, one domain, RFC 6979, low-S) %.0f, "
                + "fabric-gateway Signers.newPrivateKeySigner (BouncyCastle) %.0f: %.1fx%n", oursRate, fabricRate,
                oursRate / fabricRate);
    }

    private static double rate(Signer signer, byte[] digest) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < SIGNATURES; i++) {
            signer.sign(digest);
        }
        return SIGNATURES / ((System.nanoTime() - start) / 1e9);
    }
}
