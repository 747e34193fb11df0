package io.ledgernode.netconfig.generate;

import io.ledgernode.netconfig.model.Consensus;
import io.ledgernode.netconfig.model.MemberOrg;
import io.ledgernode.netconfig.model.NetworkDescription;
import io.ledgernode.netconfig.model.OrdererNode;
import io.ledgernode.netconfig.model.OrdererOrg;
import io.ledgernode.netconfig.model.Ordering;
import io.ledgernode.netconfig.model.InvalidNetworkException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes configtxgen's input for the application channel: a Raft or BFT ordering service and the member orgs, with
 * endorsement (and chaincode lifecycle approval) by a majority of member orgs.
 */
final class ConfigtxWriter {

    /** The profile name the operator scripts pass to {@code configtxgen -profile}. */
    static final String PROFILE = "LedgerChannel";

    private ConfigtxWriter() {
    }

    static Path write(NetworkDescription network, NetworkLayout layout) {
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("Policies", policies(
                implicit("Readers", "ANY Readers"), implicit("Writers", "ANY Writers"), implicit("Admins", "MAJORITY Admins")));
        // BFT exists from Fabric 3's channel capability on; Raft channels keep V2_0, which every 2.x peer reads too.
        channel.put("Capabilities", GeneratedFiles.ordered(bft(network) ? "V3_0" : "V2_0", true));
        channel.put("Orderer", orderer(network, layout));
        Map<String, Object> application = application(network, layout);
        channel.put("Application", application);
        Path file = layout.networkDir().resolve("configtx").resolve("configtx.yaml");
        // The member orgs also at the top level, where `configtxgen -printOrg ORG` finds an org's definition (join-org
        // adds an org to a running channel with it).
        GeneratedFiles.writeYaml(file, GeneratedFiles.ordered("Organizations", application.get("Organizations"),
                        "Profiles", GeneratedFiles.ordered(PROFILE, channel)),
                "# Generated from the network description; input of `configtxgen -profile " + PROFILE + "`.\n");
        return file;
    }

    private static Map<String, Object> orderer(NetworkDescription network, NetworkLayout layout) {
        Ordering ordering = network.ordering();
        boolean bft = bft(network);
        List<Object> consenters = new ArrayList<>();
        List<Object> orgs = new ArrayList<>();
        int id = 0;
        for (OrdererOrg org : network.ordererOrgs()) {
            List<String> endpoints = new ArrayList<>();
            for (OrdererNode node : org.orderers()) {
                Path dir = layout.ordererDir(org, node);
                String cert = dir.resolve("tls").resolve("server.crt").toString();
                Map<String, Object> consenter = new LinkedHashMap<>();
                if (bft) {
                    // BFT consenters are numbered, and sign blocks with their enrollment identity, which peers check.
                    consenter.put("ID", ++id);
                }
                consenter.put("Host", node.host());
                consenter.put("Port", node.port());
                if (bft) {
                    consenter.put("MSPID", org.mspId());
                    consenter.put("Identity", dir.resolve("msp").resolve("signcerts").resolve(node.fqdn(org) + "-cert.pem").toString());
                }
                consenter.put("ClientTLSCert", cert);
                consenter.put("ServerTLSCert", cert);
                consenters.add(consenter);
                endpoints.add(node.host() + ":" + node.port());
            }
            Map<String, Object> definition = orgDefinition(org.name(), org.mspId(), layout.ordererOrgDir(org).resolve("msp"),
                    policies(
                            signature("Readers", "OR('" + org.mspId() + ".member')"),
                            signature("Writers", "OR('" + org.mspId() + ".member')"),
                            signature("Admins", "OR('" + org.mspId() + ".admin')")));
            definition.put("OrdererEndpoints", endpoints);
            orgs.add(definition);
        }
        Map<String, Object> batchSize = new LinkedHashMap<>();
        batchSize.put("MaxMessageCount", ordering.maxMessageCount());
        batchSize.put("AbsoluteMaxBytes", kilobytes("absoluteMaxBytes", ordering.absoluteMaxBytes()));
        batchSize.put("PreferredMaxBytes", kilobytes("preferredMaxBytes", ordering.preferredMaxBytes()));
        Map<String, Object> orderer = new LinkedHashMap<>();
        orderer.put("OrdererType", ordering.consensus().fabricName());
        orderer.put("BatchTimeout", ordering.batchTimeout().toMillis() + "ms");
        orderer.put("BatchSize", batchSize);
        if (bft) {
            orderer.put("ConsenterMapping", consenters);
            orderer.put("SmartBFT", smartBft(ordering));
        } else {
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("TickInterval", "500ms");
            options.put("ElectionTick", 10);
            options.put("HeartbeatTick", 1);
            options.put("MaxInflightBlocks", 5);
            options.put("SnapshotIntervalSize", "16 MB");
            orderer.put("EtcdRaft", GeneratedFiles.ordered("Consenters", consenters, "Options", options));
        }
        orderer.put("Organizations", orgs);
        // For BFT, configtxgen replaces BlockValidation by a policy computed from the consenters (a quorum of their
        // signatures on every block); this one is what Raft blocks, signed by their one leader, are checked against.
        orderer.put("Policies", policies(
                implicit("Readers", "ANY Readers"), implicit("Writers", "ANY Writers"), implicit("Admins", "MAJORITY Admins"),
                implicit("BlockValidation", "ANY Writers")));
        orderer.put("Capabilities", GeneratedFiles.ordered("V2_0", true));
        return orderer;
    }

    private static boolean bft(NetworkDescription network) {
        return network.ordering().consensus() == Consensus.BFT;
    }

    /**
     * SmartBFT's options: a batch is proposed after the description's batchTimeout (as Raft cuts a block) and holds at
     * most its maxMessageCount requests. A lost leader is replaced sooner than with Fabric's sample values (requests
     * forwarded to it after 2 s, a complaint and so a view change after 8 s instead of 20 s, heartbeats every 2 s and
     * a silent leader suspected after 20 s instead of 60 s): measured on this machine, a write with the leader stopped
     * waited 22 s with the sample values, 10 s with these. Blocks are cut every 100 ms here, so 8 s with a request
     * pending and no block is far beyond any wait seen under load on this machine.
     */
    private static Map<String, Object> smartBft(Ordering ordering) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("RequestBatchMaxCount", ordering.maxMessageCount());
        options.put("RequestBatchMaxInterval", ordering.batchTimeout().toMillis() + "ms");
        options.put("RequestForwardTimeout", "2s");
        options.put("RequestComplainTimeout", "8s");
        options.put("RequestAutoRemoveTimeout", "3m0s");
        options.put("ViewChangeResendInterval", "5s");
        options.put("ViewChangeTimeout", "20s");
        options.put("LeaderHeartbeatTimeout", "20s");
        options.put("LeaderHeartbeatCount", 10);
        options.put("CollectTimeout", "1s");
        options.put("IncomingMessageBufferSize", 200);
        options.put("RequestPoolSize", 100000);
        return options;
    }

    private static Map<String, Object> application(NetworkDescription network, NetworkLayout layout) {
        List<Object> orgs = new ArrayList<>();
        for (MemberOrg org : network.orgs()) {
            String msp = org.mspId();
            Map<String, Object> definition = orgDefinition(org.name(), msp, layout.memberOrgDir(org).resolve("msp"),
                    policies(
                            signature("Readers", "OR('" + msp + ".admin', '" + msp + ".peer', '" + msp + ".client')"),
                            signature("Writers", "OR('" + msp + ".admin', '" + msp + ".client')"),
                            signature("Admins", "OR('" + msp + ".admin')"),
                            signature("Endorsement", "OR('" + msp + ".peer')")));
            // Anchor peers let each org's peers (and so the gateway's discovery) find the other orgs' peers.
            definition.put("AnchorPeers", List.of(GeneratedFiles.ordered("Host", org.gatewayPeer().host(), "Port", org.gatewayPeer().port())));
            orgs.add(definition);
        }
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("Organizations", orgs);
        application.put("Policies", policies(
                implicit("Readers", "ANY Readers"), implicit("Writers", "ANY Writers"), implicit("Admins", "MAJORITY Admins"),
                implicit("LifecycleEndorsement", "MAJORITY Endorsement"), implicit("Endorsement", "MAJORITY Endorsement")));
        application.put("Capabilities", GeneratedFiles.ordered("V2_5", true));
        return application;
    }

    private static Map<String, Object> orgDefinition(String name, String mspId, Path mspDir, Map<String, Object> policies) {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("Name", name);
        org.put("ID", mspId);
        org.put("MSPDir", mspDir.toString());
        org.put("Policies", policies);
        return org;
    }

    @SafeVarargs
    private static Map<String, Object> policies(Map.Entry<String, Object>... entries) {
        Map<String, Object> policies = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : entries) {
            policies.put(entry.getKey(), entry.getValue());
        }
        return policies;
    }

    private static Map.Entry<String, Object> implicit(String name, String rule) {
        return Map.entry(name, GeneratedFiles.ordered("Type", "ImplicitMeta", "Rule", rule));
    }

    private static Map.Entry<String, Object> signature(String name, String rule) {
        return Map.entry(name, GeneratedFiles.ordered("Type", "Signature", "Rule", rule));
    }

    private static String kilobytes(String field, long bytes) {
        if (bytes % 1024 != 0) {
            throw new InvalidNetworkException("ordering." + field + " must be a multiple of 1024, got " + bytes);
        }
        return (bytes / 1024) + " KB";
    }
}
