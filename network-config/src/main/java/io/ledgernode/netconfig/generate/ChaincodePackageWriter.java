package io.ledgernode.netconfig.generate;

import io.ledgernode.netconfig.model.MemberOrg;
import io.ledgernode.netconfig.model.NetworkDescription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the two files of an org's chaincode-as-a-service package: {@code connection.json} (where the org's peers
 * dial the chaincode server, over TLS, trusting the org's TLS CA) and {@code metadata.json}. The package holds no
 * code, so its id changes only when the label or the connection does.
 */
final class ChaincodePackageWriter {

    private ChaincodePackageWriter() {
    }

    static void write(NetworkDescription network, NetworkLayout layout, MemberOrg org, String label, Path outDir) {
        Path rootCert = layout.memberOrgTlsCa(org);
        String rootPem;
        try {
            rootPem = Files.readString(rootCert, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + rootCert + " (was the crypto material generated?)", e);
        }
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("address", org.chaincodeServer().host() + ":" + org.chaincodeServer().port());
        connection.put("dial_timeout", "10s");
        connection.put("tls_required", true);
        connection.put("client_auth_required", false);
        connection.put("root_cert", rootPem);
        GeneratedFiles.writeJson(outDir.resolve("connection.json"), connection);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("type", "ccaas");
        metadata.put("label", label);
        GeneratedFiles.writeJson(outDir.resolve("metadata.json"), metadata);
    }
}
