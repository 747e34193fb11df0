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

    ChaincodeServer withPortOffset(int offset) {
        return new ChaincodeServer(host, port + offset);
    }
}
