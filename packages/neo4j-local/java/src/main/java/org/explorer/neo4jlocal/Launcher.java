package org.explorer.neo4jlocal;

import apoc.ApocConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.PortBindException;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.locker.FileLockException;

/**
 * Starts an embedded Neo4j 5.26 Community with APOC core and Bolt, for local development and tests.
 *
 * <p>Contract with the Node side: stdout carries exactly one line, {@code NEO4J_LOCAL_READY bolt://host:port},
 * once the default database is available. Everything else goes to stderr or to {@code <home>/logs}.
 * SIGTERM/SIGINT shut the database down cleanly and exit with 0.
 */
public final class Launcher {
    static final String READY = "NEO4J_LOCAL_READY";
    static final int EXIT_USAGE = 64;
    static final int EXIT_LOCKED = 3;
    static final int EXIT_PORT_IN_USE = 4;
    static final int EXIT_FAILED = 1;

    /** The only user Community has; its password comes from --password-file. */
    static final String USER = "neo4j";

    /** Command-line options; every one has a default. */
    record Options(
            Path home,
            String boltHost,
            int boltPort,
            int txTimeoutSeconds,
            long pageCacheMb,
            long txMaxMb,
            long txTotalMaxMb,
            Path pluginDir,
            Path passwordFile,
            List<String> procedureAllowlist,
            boolean exitOnStdinEof) {

        static Options parse(String[] args) {
            Path home = Path.of(".data/neo4j");
            String host = "127.0.0.1";
            int port = 7687;
            int txTimeout = 30;
            long pageCache = 512;
            long txMax = 256;
            long txTotalMax = 0;
            Path plugins = null;
            Path password = null;
            List<String> allowlist = List.of("apoc.version");
            boolean stdinEof = false;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--exit-on-stdin-eof")) {
                    stdinEof = true;
                    continue;
                }
                if (i + 1 >= args.length) throw new IllegalArgumentException("missing value for " + flag);
                String value = args[++i];
                switch (flag) {
                    case "--home" -> home = Path.of(value);
                    case "--bolt-host" -> host = value;
                    case "--bolt-port" -> port = positive(flag, value);
                    case "--tx-timeout-seconds" -> txTimeout = positive(flag, value);
                    case "--pagecache-mb" -> pageCache = positive(flag, value);
                    case "--tx-max-mb" -> txMax = positive(flag, value);
                    case "--tx-total-max-mb" -> txTotalMax = positive(flag, value);
                    case "--plugin-dir" -> plugins = Path.of(value);
                    case "--password-file" -> password = Path.of(value).toAbsolutePath().normalize();
                    case "--procedure-allowlist" -> allowlist = List.of(value.split(","));
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (port > 65535) throw new IllegalArgumentException("--bolt-port must be at most 65535");
            home = home.toAbsolutePath().normalize();
            plugins = plugins != null ? plugins.toAbsolutePath().normalize() : defaultPluginDir();
            // Without a stated total, all transactions together may hold half the heap (-Xmx, set by the
            // Node side): the rest is Neo4j's own working memory.
            if (txTotalMax == 0) txTotalMax = Math.max(txMax, Runtime.getRuntime().maxMemory() / 2 / (1024 * 1024));
            return new Options(home, host, port, txTimeout, pageCache, txMax, txTotalMax, plugins, password, allowlist,
                    stdinEof);
        }

        private static int positive(String flag, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) return n;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException(flag + " needs a positive integer, got '" + value + "'");
        }

        /** target/plugins next to target/classes (or next to the thin jar), where Maven copies apoc-core. */
        private static Path defaultPluginDir() {
            try {
                Path self = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return self.getParent().resolve("plugins");
            } catch (URISyntaxException | RuntimeException e) {
                return Path.of("target/plugins").toAbsolutePath();
            }
        }
    }

    public static void main(String[] args) {
        // Keep stdout for the single READY line: anything that prints to System.out later
        // (Neo4j, log4j console appenders, APOC) lands on stderr instead.
        PrintStream readyOut = System.out;
        System.setOut(System.err);

        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("neo4j-local: " + e.getMessage());
            System.err.println("usage: Launcher [--home dir] [--bolt-host 127.0.0.1] [--bolt-port 7687]"
                    + " [--tx-timeout-seconds 30] [--pagecache-mb 512] [--tx-max-mb 256] [--tx-total-max-mb n]"
                    + " [--plugin-dir dir] [--password-file file] [--procedure-allowlist a,b.*]"
                    + " [--exit-on-stdin-eof]");
            System.exit(EXIT_USAGE);
            return;
        }

        if (!hasJar(options.pluginDir())) {
            System.err.println("neo4j-local: no APOC jar in plugin dir " + options.pluginDir()
                    + " (run `mvn -B -q package` in packages/neo4j-local/java)");
            System.exit(EXIT_FAILED);
            return;
        }

        // APOC reads env vars, then system properties, then apoc.conf. Pin file access off at the
        // system-property level; the Node side strips APOC_* env vars, and we verify after start.
        System.setProperty(ApocConfig.APOC_EXPORT_FILE_ENABLED, "false");
        System.setProperty(ApocConfig.APOC_IMPORT_FILE_ENABLED, "false");

        DatabaseManagementService dbms;
        try {
            if (options.passwordFile() != null) applyPassword(options);
            dbms = build(options, true);
        } catch (RuntimeException e) {
            if (causedBy(e, FileLockException.class)) {
                System.err.println("neo4j-local: " + options.home()
                        + " is locked by another running Neo4j instance; stop it or use another --home.");
                System.exit(EXIT_LOCKED);
            }
            if (causedBy(e, PortBindException.class)) {
                System.err.println("neo4j-local: cannot listen on " + options.boltHost() + ":" + options.boltPort()
                        + " (address already in use); pick another --bolt-port.");
                System.exit(EXIT_PORT_IN_USE);
            }
            System.err.println("neo4j-local: failed to start: " + rootMessage(e));
            e.printStackTrace(System.err);
            System.exit(EXIT_FAILED);
            return;
        }

        // A shutdown hook runs on SIGTERM, SIGINT and System.exit: flush and close the store so a
        // restart on the same home needs no recovery. halt() after a failure keeps the exit code honest.
        AtomicBoolean stopped = new AtomicBoolean(false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!stopped.compareAndSet(false, true)) return;
            try {
                dbms.shutdown();
                System.err.println("neo4j-local: stopped cleanly");
            } catch (RuntimeException e) {
                System.err.println("neo4j-local: shutdown failed: " + rootMessage(e));
                Runtime.getRuntime().halt(EXIT_FAILED);
            }
        }, "neo4j-local-shutdown"));

        // The JVM's default exit status on SIGTERM/SIGINT is 143/130; a clean stop should report 0.
        // System.exit(0) still runs the shutdown hook above.
        for (String name : List.of("TERM", "INT")) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> System.exit(0));
        }

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(5).toMillis())) {
            System.err.println("neo4j-local: default database did not become available; see "
                    + options.home().resolve("logs/debug.log"));
            System.exit(EXIT_FAILED);
        }

        // Belt and braces: an APOC_* env var or a conf/apoc.conf must not have turned file access on.
        ApocConfig apoc = ApocConfig.apocConfig();
        if (apoc.getBoolean(ApocConfig.APOC_EXPORT_FILE_ENABLED) || apoc.getBoolean(ApocConfig.APOC_IMPORT_FILE_ENABLED)) {
            System.err.println("neo4j-local: APOC file import/export is enabled by the environment or apoc.conf;"
                    + " refusing to run. Unset APOC_EXPORT_FILE_ENABLED / APOC_IMPORT_FILE_ENABLED.");
            System.exit(EXIT_FAILED);
        }

        if (options.exitOnStdinEof()) watchStdin();

        readyOut.println(READY + " bolt://" + options.boltHost() + ":" + options.boltPort());
        readyOut.flush();

        try {
            Thread.currentThread().join(); // the database runs on its own threads; wait for a signal
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sets the password of the neo4j user to the one in the password file, on a start of the database
     * with Bolt off, so there is never a moment when Bolt answers to the default password. Done once
     * per password: a marker beside the file holds the SHA-256 of the password last applied.
     */
    static void applyPassword(Options o) {
        String password;
        try {
            password = Files.readString(o.passwordFile()).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the password file " + o.passwordFile() + ": " + e.getMessage(), e);
        }
        if (password.length() < 8) throw new IllegalStateException("the password in " + o.passwordFile() + " is too short");
        Path marker = o.passwordFile().resolveSibling(o.passwordFile().getFileName() + ".applied");
        String digest = sha256(password);
        try {
            if (Files.exists(marker) && Files.readString(marker).strip().equals(digest)) return;
        } catch (IOException ignored) {
            // unreadable marker: apply again
        }
        DatabaseManagementService dbms = build(o, false);
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one it already has; that is what we wanted.
            if (!rootMessage(e).contains("Old password and new password cannot be the same")) throw e;
        } finally {
            dbms.shutdown();
        }
        try {
            Files.writeString(marker, digest + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + marker + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static DatabaseManagementService build(Options o, boolean bolt) {
        SocketAddress address = new SocketAddress(o.boltHost(), o.boltPort());
        boolean auth = o.passwordFile() != null;
        if (!auth && !o.boltHost().equals("127.0.0.1") && !o.boltHost().equals("localhost")) {
            System.err.println("neo4j-local: warning: no password file, so auth is off, and Bolt listens on " + o.boltHost());
        }
        long pageCache = ByteUnit.mebiBytes(o.pageCacheMb());
        long txMax = ByteUnit.mebiBytes(o.txMaxMb());
        // All transactions together may hold this much, so that several big queries at once fail with a
        // memory error instead of taking the JVM down.
        long txGlobalMax = ByteUnit.mebiBytes(Math.max(o.txMaxMb(), o.txTotalMaxMb()));
        // Setting the password compiles a system command, which can take seconds on a cold JVM: the
        // caller's timeout is for its own queries.
        Duration txTimeout = Duration.ofSeconds(bolt ? o.txTimeoutSeconds() : Math.max(o.txTimeoutSeconds(), 120));

        return new DatabaseManagementServiceBuilder(o.home())
                // Bolt only, on the requested address; advertised = listen so neo4j:// routing tables point back here.
                .setConfig(BoltConnector.enabled, bolt)
                .setConfig(BoltConnector.listen_address, address)
                .setConfig(BoltConnector.advertised_address, address)
                .setConfig(BoltConnector.server_bolt_telemetry_enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Single instance: no server-side routing connector (port 7688).
                .setConfig(GraphDatabaseSettings.routing_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // With a password file, Bolt asks for the neo4j user's password: any other process on
                // the machine (or a web page opening a WebSocket to the port) is refused.
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                // No LOAD CSV FROM 'file:///...'.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                // Bound runaway queries: wall-clock timeout, lock waits, and transaction memory.
                .setConfig(GraphDatabaseSettings.transaction_timeout, txTimeout)
                .setConfig(GraphDatabaseSettings.lock_acquisition_timeout, txTimeout)
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, txMax)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txGlobalMax)
                // Default page cache is ~50% of RAM minus heap; far too much for a dev box shared with tests.
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                // APOC: jar on the classpath (extension factories) and in the plugin dir (procedure scan).
                .setConfig(GraphDatabaseSettings.plugin_dir, o.pluginDir())
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                // Only the extension procedures and functions named by the Node side load (what the app,
                // its tests and the analysts' console need): nothing that writes, reaches files or URLs,
                // or allocates without bound.
                .setConfig(GraphDatabaseSettings.procedure_allowlist, o.procedureAllowlist())
                // Bolt's Netty event loops otherwise wait a 5 s quiet period each (~10 s per stop); the
                // databases are already closed by then, so a 1 s quiet period loses nothing.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 1)
                .build();
    }

    /** Shut down when the parent (Node) goes away, even if it was SIGKILLed: its end of our stdin closes. */
    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // ignore input; we only care about EOF
                }
            } catch (IOException ignored) {
                // treat a broken pipe like EOF
            }
            System.err.println("neo4j-local: parent process went away (stdin closed), shutting down");
            System.exit(0);
        }, "neo4j-local-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static boolean hasJar(Path dir) {
        try (var files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".jar"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private Launcher() {}
}
