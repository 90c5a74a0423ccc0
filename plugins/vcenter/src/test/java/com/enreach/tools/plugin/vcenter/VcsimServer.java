package com.enreach.tools.plugin.vcenter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs vcsim, the govmomi vCenter simulator, as a child process serving vim25 over TLS on 127.0.0.1. The small Go
 * program in src/test/go/vcsim is built on first use with the Debian packages golang-go and
 * golang-github-vmware-govmomi-dev; without them, starting fails (tests must not skip silently).
 *
 * <p>Reusable from other modules through this module's test-jar: the Go source travels with it as a resource.
 * The build goes to {@code target/} of the working directory, or to the folder named by {@code -Dvcsim.dir}.
 */
public final class VcsimServer implements AutoCloseable {
    public static final String USERNAME = "enreach-inventory";
    /** Characters that must be escaped in XML, and non-ASCII, so the plugin's escaping is exercised. */
    public static final String PASSWORD = "p&ss<wörd>\"1";
    /** The name vcsim's main.go gives the first VM. */
    public static final String UNICODE_VM = "Grüße-数据库-ø1";

    private static final String INSTALL_HINT = "install the Debian packages golang-go and golang-github-vmware-govmomi-dev "
            + "(apt-get install golang-go golang-github-vmware-govmomi-dev)";
    private static Path binary;

    private final Process process;
    private final String url;
    private final Path certificate;

    private VcsimServer(Process process, String url, Path certificate) {
        this.process = process;
        this.url = url;
        this.certificate = certificate;
    }

    /**
     * Starts a simulator with {@code clusters * hostsPerCluster * vmsPerHost} VMs; every second VM has guest host
     * name and addresses, even-numbered hosts have a serial number. Datacenter DC0 sits in folder F0, and its hosts,
     * VMs and networks in sub-folders F0 (inventory paths /F0/DC0/host/F0, /F0/DC0/vm/F0).
     */
    public static VcsimServer start(int clusters, int hostsPerCluster, int vmsPerHost) {
        Path bin = build();
        ProcessBuilder pb = new ProcessBuilder(bin.toString(), "-clusters", String.valueOf(clusters), "-hosts", String.valueOf(hostsPerCluster),
                "-vms", String.valueOf(vmsPerHost), "-username", USERNAME, "-password", PASSWORD);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(bin.resolveSibling("vcsim.log").toFile()));
        try {
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("VCSIM_URL ")) {
                p.destroy();
                throw new IllegalStateException("vcsim did not start (see " + bin.resolveSibling("vcsim.log") + "): " + line);
            }
            String[] parts = line.split(" ");
            return new VcsimServer(p, parts[1], Path.of(parts[3]));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + bin, e);
        }
    }

    /**
     * The guest host name VMware Tools reports for a VM that has guest data (see main.go's decorateVMs): the VM
     * name in lower case with '_' as '-', in domain lab.example. Lets other tests name machines of other sources
     * after the simulator's VMs.
     */
    public static String guestHostName(String vmName) {
        return vmName.replace('_', '-').toLowerCase(java.util.Locale.ROOT) + ".lab.example";
    }

    /** The SDK URL, https://127.0.0.1:port/sdk. */
    public String sdkUrl() {
        return url;
    }

    /** The server address without /sdk, as a user writes it in url=. */
    public String url() {
        return url.substring(0, url.length() - "/sdk".length());
    }

    /** PEM file with the simulator's self-signed certificate. */
    public Path certificate() {
        return certificate;
    }

    /** A configuration for this simulator; callers add or override keys. */
    public Map<String, Object> config() {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("url", url());
        cfg.put("username", USERNAME);
        cfg.put(".password", PASSWORD);
        cfg.put("insecure", "true");
        return cfg;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // vcsim stops when its stdin closes
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Builds the simulator once per JVM; Go's build cache makes later builds quick. */
    private static synchronized Path build() {
        if (binary != null) {
            return binary;
        }
        Path dir = Path.of(System.getProperty("vcsim.dir", "target")).toAbsolutePath();
        Path out = dir.resolve("vcsim");
        Path source = sourceDir(dir);
        ProcessBuilder pb = new ProcessBuilder("go", "build", "-o", out.toString(), ".").directory(source.toFile()).redirectErrorStream(true);
        pb.environment().put("GO111MODULE", "off");
        pb.environment().put("GOPATH", "/usr/share/gocode");
        pb.environment().put("GOCACHE", dir.resolve("gocache").toString());
        pb.environment().put("GOFLAGS", "");
        try {
            Process p = pb.start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("building vcsim failed; " + INSTALL_HINT + "\n" + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the go command was not found: " + INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building vcsim", e);
        }
        binary = out;
        return out;
    }

    /** This module's src/test/go/vcsim when run here; otherwise the copy in the test-jar, extracted. */
    private static Path sourceDir(Path dir) {
        Path local = Path.of("src/test/go/vcsim");
        if (Files.isRegularFile(local.resolve("main.go"))) {
            return local.toAbsolutePath();
        }
        Path extracted = dir.resolve("vcsim-src");
        try (InputStream in = VcsimServer.class.getResourceAsStream("/vcsim-go/vcsim/main.go")) {
            if (in == null) {
                throw new IllegalStateException("vcsim-go/vcsim/main.go is not on the class path (use the vcenter plugin's test-jar)");
            }
            Files.createDirectories(extracted);
            Files.write(extracted.resolve("main.go"), in.readAllBytes());
            return extracted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
