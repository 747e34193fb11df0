package io.ledgernode.bridge.db;

import io.ledgernode.bridge.SyncBridge;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The node's embedded PostgreSQL: the real server binary (from Maven Central), data under the node's state
 * directory so it survives restarts, listening on loopback TCP only. Started by {@code scripts/ledger up} as a process
 * of its own; stops cleanly on SIGTERM. Creates database {@code ledger} with the roles {@code ledger_bridge} (owner,
 * the only writer of the mirror), {@code ledger_reader} (read-only), {@code ledger_reconciler} (owner of schema
 * {@code reconciler}, which it creates) and {@code ledger_node} (node-service, owner of schema {@code notifications}, which it
 * creates) on first start.
 *
 * <p>Usage: {@code EmbeddedServer <data-directory> <port>}
 */
public final class EmbeddedServer {

    private EmbeddedServer() {
    }

    public static void main(String[] args) throws Exception {
        io.ledgernode.process.Logs.configure(SyncBridge.QUIET_LOGGERS);
        if (args.length != 2) {
            System.err.println("usage: EmbeddedServer <data-directory> <port>");
            System.exit(2);
        }
        Path dataDirectory = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.resolve("data"))
                .setOverrideWorkingDirectory(dataDirectory.resolve("runtime").toFile())
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // TCP only, no Unix socket: PostgreSQL's socket and its lock file are named by the port in /tmp,
                // which every network namespace of a machine shares, so two hosts' nodes on the same port (the
                // consortium tests run each host in a namespace of its own) would refuse each other's start.
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("max_connections", "100")
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("embedded postgres: stop failed: " + e.getMessage());
            }
            stopped.countDown();
        }, "postgres-stop"));
        prepare(postgres);
        System.out.println("embedded postgres listening on 127.0.0.1:" + port + ", data in " + dataDirectory.resolve("data"));
        stopped.await();
    }

    private static void prepare(EmbeddedPostgres postgres) throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            if (!exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = 'ledger_bridge'")) {
                sql.execute("CREATE ROLE ledger_bridge LOGIN");
            }
            if (!exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = 'ledger_reader'")) {
                sql.execute("CREATE ROLE ledger_reader LOGIN");
            }
            if (!exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = 'ledger_reconciler'")) {
                sql.execute("CREATE ROLE ledger_reconciler LOGIN");
            }
            if (!exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = 'ledger_node'")) {
                sql.execute("CREATE ROLE ledger_node LOGIN");
            }
            if (!exists(sql, "SELECT 1 FROM pg_database WHERE datname = 'ledger'")) {
                sql.execute("CREATE DATABASE ledger OWNER ledger_bridge");
            }
            // The reconciler creates and owns its own schema (reconciler) in the node's database; granted on every
            // start, so a database created before the reconciler existed gets it too.
            sql.execute("GRANT CREATE ON DATABASE ledger TO ledger_reconciler");
            // node-service keeps its webhook subscriptions in a schema of its own, likewise.
            sql.execute("GRANT CREATE ON DATABASE ledger TO ledger_node");
        }
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            return rs.next();
        }
    }
}
