package io.ledgernode.netconfig.model;

import java.util.regex.Pattern;

/** The checks shared by the description's records: names, hosts and ports that Fabric will accept. */
final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,62}");
    private static final Pattern MSP_ID = Pattern.compile("[A-Za-z][A-Za-z0-9.-]{0,62}");
    // Fabric channel names: lower case, start with a letter (configtx validation).
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9.-]{0,248}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");

    private Names() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidNetworkException(message);
        }
    }

    static void requireName(String field, String value) {
        require(value != null && NAME.matcher(value).matches(), field + " must match " + NAME + ", got '" + value + "'");
    }

    static void requireMspId(String value) {
        require(value != null && MSP_ID.matcher(value).matches(), "mspId must match " + MSP_ID + ", got '" + value + "'");
    }

    static void requireChannel(String value) {
        require(value != null && CHANNEL.matcher(value).matches(), "channel must match " + CHANNEL + ", got '" + value + "'");
    }

    static void requireDomain(String value) {
        require(value != null && DOMAIN.matcher(value).matches(), "domain must be a lower-case DNS name, got '" + value + "'");
    }

    static void requireHost(String value) {
        require(value != null && HOST.matcher(value).matches(), "host must be a DNS name or IPv4 address, got '" + value + "'");
    }

    /**
     * The checks of a node (an orderer or a peer): its name and host, and its three ports, each named after the role
     * ({@code "peer chaincodePort"}).
     */
    static void requireNode(String role, String name, String host, int port, String secondPortField, int secondPort,
                            int operationsPort) {
        requireName(role + " name", name);
        requireHost(host);
        requirePort(role + " port", port);
        requirePort(role + " " + secondPortField, secondPort);
        requirePort(role + " operationsPort", operationsPort);
    }

    static void requirePort(String field, int port) {
        require(port >= 1024 && port <= 65535, field + " must be in [1024, 65535], got " + port);
    }
}
