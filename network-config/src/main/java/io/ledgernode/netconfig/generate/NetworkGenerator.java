package io.ledgernode.netconfig.generate;

import io.ledgernode.netconfig.model.MemberOrg;
import io.ledgernode.netconfig.model.NetworkDescription;
import io.ledgernode.netconfig.model.NetworkDescriptions;
import io.ledgernode.netconfig.roster.LocalNode;
import io.ledgernode.netconfig.roster.Roster;
import java.nio.file.Path;

/** Derives every generated file of a network from its description. Deterministic: same input, same files. */
public final class NetworkGenerator {

    private final NetworkDescription network;
    private final NetworkLayout layout;

    public NetworkGenerator(NetworkDescription network, Path home) {
        this.network = network;
        this.layout = new NetworkLayout(home);
    }

    /** The description as this network runs it (with any port offset applied), kept beside the generated files. */
    public static Path resolvedDescription(Path home) {
        return new NetworkLayout(home).networkDir().resolve("description.yaml");
    }

    /**
     * Writes cryptogen and configtxgen inputs, every process environment, the client profile and the roster of the
     * processes {@code node} runs (its ports as given: apply the network's port offset to it first).
     */
    public void generate(Path fabricHome, LocalNode node) {
        generate(fabricHome, Roster.of(network, node));
    }

    /** The same files, with {@code roster} as the processes this home runs (one host's, or an admin's none). */
    public void generate(Path fabricHome, Roster roster) {
        NetworkDescriptions.write(network, resolvedDescription(layout.home()));
        CryptoConfigWriter.write(network, layout);
        ConfigtxWriter.write(network, layout);
        new NodeEnvWriter(network, layout, fabricHome).writeAll();
        ProfileWriter.write(network, layout);
        GeneratedFiles.write(layout.roster(), roster.toTsv());
    }

    /** Writes connection.json and metadata.json of {@code orgName}'s chaincode package into {@code outDir}. */
    public void chaincodePackage(String orgName, String label, Path outDir) {
        MemberOrg org = network.org(orgName);
        ChaincodePackageWriter.write(network, layout, org, label, outDir);
    }
}
