package io.ledgernode.gateway;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a client needs to reach the network, as written by the network-config generator into
 * {@code <LEDGER_HOME>/network/profile.json}: the channel, the chaincode, and per org its gateway peers and identities.
 */
public record NetworkProfile(String network, String channel, String chaincode, String issuerOrg,
                             String txClockTolerance, Map<String, Org> orgs) {

    public NetworkProfile {
        orgs = Map.copyOf(orgs);
    }

    /**
     * An org: its MSP id, its peers as gateways (its clients use the first that answers, in this order, and fail over
     * to the next), and its identities by name.
     */
    public record Org(String mspId, List<Endpoint> gateways, Map<String, Identity> identities) {
        public Org {
            if (gateways == null || gateways.isEmpty()) {
                throw new IllegalArgumentException("org " + mspId + " has no gateway peer");
            }
            gateways = List.copyOf(gateways);
            identities = Map.copyOf(identities);
        }

        /** The org's preferred gateway peer: its first. */
        public Endpoint gateway() {
            return gateways.get(0);
        }

        public Identity identity(String name) {
            return named(identities, "identity", name, "org " + mspId);
        }
    }

    /** A peer's gRPC endpoint over TLS: its address, the host name in its certificate, and the CA that signed it. */
    public record Endpoint(String address, String tlsHostname, Path tlsRootCertFile) {
    }

    /** An X.509 identity: certificate and PKCS#8 private key files, and its node OU roles. */
    public record Identity(Path certificateFile, Path privateKeyFile, List<String> roles) {
        public Identity {
            roles = List.copyOf(roles);
        }
    }

    public Org org(String name) {
        return named(orgs, "org", name, "network " + network);
    }

    /** The entry under a name, or an error naming what was asked for, where, and what there is. */
    private static <T> T named(Map<String, T> entries, String kind, String name, String where) {
        T entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no " + kind + " '" + name + "' in " + where + " (have " + entries.keySet() + ")");
        }
        return entry;
    }

    /** Reads a profile file; unknown fields are an error, so a profile from a newer generator is never half-read. */
    public static NetworkProfile read(Path file) {
        try {
            return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), NetworkProfile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read network profile " + file, e);
        }
    }

    /** The profile of the network whose state lives under {@code ledgerHome}. */
    public static NetworkProfile ofHome(Path ledgerHome) {
        return read(ledgerHome.resolve("network").resolve("profile.json"));
    }
}
