package io.ledgernode.bridge.follow;

import io.ledgernode.bridge.config.BridgeConfig;
import io.ledgernode.bridge.health.BridgeMetrics;
import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.common.BlockchainInfo;

/** Asks the peer for the chain height now and then (qscc GetChainInfo), so lag is measured against the chain. */
public final class HeightPoller implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "height-poller");
        thread.setDaemon(true);
        return thread;
    });
    private LedgerConnection connection;

    public HeightPoller(BridgeConfig config, NetworkProfile profile, BridgeMetrics metrics) {
        long every = config.health().heightPollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> poll(config, profile, metrics), 0, every, TimeUnit.MILLISECONDS);
    }

    private void poll(BridgeConfig config, NetworkProfile profile, BridgeMetrics metrics) {
        try {
            if (connection == null) {
                connection = LedgerConnection.open(profile, config.network().org(), config.network().identity(), GatewayTimeouts.defaults());
            }
            byte[] info = connection.network().getContract("qscc").evaluateTransaction("GetChainInfo", profile.channel());
            metrics.heightSeen(BlockchainInfo.parseFrom(info).getHeight());
        } catch (Exception e) {
            // The follower reports lost peers; a stale height only delays readiness.
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        if (connection != null) {
            connection.close();
        }
    }
}
