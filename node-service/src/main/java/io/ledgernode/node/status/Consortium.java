package io.ledgernode.node.status;

import io.ledgernode.gateway.NetworkProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The consortium as this node knows it ({@code GET /v1/consortium}): the channel and chaincode, each member org with
 * its MSP id and gateway peers, and the root CA certificates of every org's MSP found in the network's crypto
 * material. The console offers these roots as the default trust for verifying proofs; an auditor may replace them
 * with its own copy, so a verdict never has to trust the node that served the page.
 */
public record Consortium(String channel, String chaincode, String org, List<Member> members, List<Root> roots) {

    /** Most root certificate files read (a crypto directory holding more is not a consortium's). */
    static final int ROOTS_MAX = 64;

    public Consortium {
        members = List.copyOf(members);
        roots = List.copyOf(roots);
    }

    /** One member org: its name in the profile, its MSP id and the addresses of its gateway peers. */
    public record Member(String name, String mspId, List<String> peers) {
        public Member {
            peers = List.copyOf(peers);
        }
    }

    /** A root CA certificate (PEM) of the MSP of {@code organization} (its domain, as the crypto material names it). */
    public record Root(String organization, String certificatePem) {
    }

    /** From the network profile and the MSP root certificates under {@code ledgerHome/crypto}. */
    public static Consortium of(NetworkProfile profile, String org, Path ledgerHome) {
        List<Member> members = new ArrayList<>();
        for (Map.Entry<String, NetworkProfile.Org> entry : new java.util.TreeMap<>(profile.orgs()).entrySet()) {
            members.add(new Member(entry.getKey(), entry.getValue().mspId(),
                    entry.getValue().gateways().stream().map(NetworkProfile.Endpoint::address).toList()));
        }
        return new Consortium(profile.channel(), profile.chaincode(), org, members, roots(ledgerHome.resolve("crypto")));
    }

    /** {@code crypto/<kind>Organizations/<domain>/msp/cacerts/*.pem}, in path order. */
    static List<Root> roots(Path crypto) {
        if (!Files.isDirectory(crypto)) {
            return List.of();
        }
        try (Stream<Path> files = Files.find(crypto, 5, (path, attributes) -> attributes.isRegularFile()
                && path.getParent().endsWith(Path.of("msp", "cacerts")) && path.toString().endsWith(".pem"))) {
            List<Root> roots = new ArrayList<>();
            for (Path file : files.sorted().limit(ROOTS_MAX).toList()) {
                String organization = file.getParent().getParent().getParent().getFileName().toString();
                roots.add(new Root(organization, Files.readString(file, StandardCharsets.US_ASCII)));
            }
            return roots;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MSP root certificates under " + crypto, e);
        }
    }
}
