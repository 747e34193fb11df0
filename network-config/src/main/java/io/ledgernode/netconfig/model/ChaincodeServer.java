package io.ledgernode.netconfig.model;

/** Where an org's ledger chaincode listens as an external service; its peers dial it over TLS. */
public record ChaincodeServer(String host, int port) {

    public ChaincodeServer {
        Names.requireHost(host);
        Names.requirePort("chaincodeServer port", port);
    }

    /** The TLS host name of the server inside its org, as cryptogen names it. */
    public static String hostname() {
        return "ccaas";
    }

    /** The server's process name, its TLS host name qualified by its org's domain, e.g. {@code ccaas.org1.ledger.local}. */
    public String fqdn(MemberOrg org) {
        return hostname() + "." + org.domain();
    }

    ChaincodeServer withPortOffset(int offset) {
        return new ChaincodeServer(host, port + offset);
    }
}
