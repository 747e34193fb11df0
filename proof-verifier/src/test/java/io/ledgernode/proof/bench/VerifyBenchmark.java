package io.ledgernode.proof.bench;

import io.ledgernode.proof.ProofVerifier;
import io.ledgernode.proof.check.Report;
import io.ledgernode.proof.trust.RootCertificates;
import io.ledgernode.proof.trust.TrustAnchors;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Proofs verified per second over the real-network fixtures (src/test/resources/fixtures), each bundle read from its
 * bytes and every check run, as the command line does. Single-threaded per bundle, then every core at once.
 *
 * <pre>
 * mvn -q -pl proof-verifier test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp proof-verifier/target/test-classes:proof-verifier/target/classes:$(cat proof-verifier/target/cp.txt) \
 *     io.ledgernode.proof.bench.VerifyBenchmark [seconds-per-measurement]
 * </pre>
 */
public final class VerifyBenchmark {
    private static final List<String> BUNDLES = List.of("mint", "transfer", "hold", "mvcc-invalid");

    private VerifyBenchmark() {}

    public static void main(String[] args) throws Exception {
        // scripts/ledger bench passes the network's home first; the fixtures need no network, so only a number counts.
        Duration measure = Duration.ofSeconds(args.length > 0 && args[0].matches("[0-9]{1,6}") ? Long.parseLong(args[0]) : 5);
        ProofVerifier verifier = new ProofVerifier(TrustAnchors.ofRoots(RootCertificates.load(fixture("roots"))));
        List<byte[]> bundles = new ArrayList<>();
        for (String name : BUNDLES) {
            bundles.add(bytes(name + ".json"));
        }
        for (byte[] bundle : bundles) {
            requirePassed(verifier.verify(bundle));
        }
        // Warm-up as long as a measurement, so the first bundle measured is not the one that pays for the JIT.
        run(verifier, bundles, measure);
        System.out.printf(Locale.ROOT, "proof-verifier benchmark: %d fixtures, %s per measurement, %d cores%n",
                bundles.size(), measure, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < bundles.size(); i++) {
            Result result = run(verifier, List.of(bundles.get(i)), measure);
            System.out.printf(Locale.ROOT, "  %-13s %7.1f proofs/s  %6.2f ms each  (%d bytes)%n", BUNDLES.get(i),
                    result.perSecond(), 1000.0 / result.perSecond(), bundles.get(i).length);
        }
        Result single = run(verifier, bundles, measure);
        System.out.printf(Locale.ROOT, "  all, 1 thread  %7.1f proofs/s%n", single.perSecond());
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "  all, %d threads %6.1f proofs/s%n", threads, parallel(verifier, bundles, measure, threads));
    }

    private record Result(long proofs, long nanos) {
        double perSecond() {
            return proofs * 1e9 / nanos;
        }
    }

    private static Result run(ProofVerifier verifier, List<byte[]> bundles, Duration duration) {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        long proofs = 0;
        while (System.nanoTime() < deadline) {
            requirePassed(verifier.verify(bundles.get((int) (proofs % bundles.size()))));
            proofs++;
        }
        return new Result(proofs, System.nanoTime() - start);
    }

    private static double parallel(ProofVerifier verifier, List<byte[]> bundles, Duration duration, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Result>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> run(verifier, bundles, duration)));
            }
            double total = 0;
            for (Future<Result> result : results) {
                total += result.get().perSecond();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void requirePassed(Report report) {
        if (!report.passed()) {
            throw new IllegalStateException("a fixture did not verify:\n" + String.join("\n", report.lines()));
        }
    }

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = VerifyBenchmark.class.getResourceAsStream("/fixtures/" + resource)) {
            return in.readAllBytes();
        }
    }

    private static Path fixture(String resource) throws URISyntaxException {
        return Path.of(VerifyBenchmark.class.getResource("/fixtures/" + resource).toURI());
    }
}
