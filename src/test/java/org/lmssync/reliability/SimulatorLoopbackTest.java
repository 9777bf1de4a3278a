package org.lmssync.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmssync.simulator.LmsSimulator;
import org.lmssync.simulator.SimOptions;
import org.lmssync.simulator.Simulators;

/**
 * The simulators (which {@code demo} starts with well-known credentials) listen on loopback only:
 * bound to a loopback address, advertised as one, and refusing connections on every other address
 * of this machine.
 */
class SimulatorLoopbackTest {

    static List<String> simulators() {
        return Simulators.names();
    }

    @ParameterizedTest
    @MethodSource("simulators")
    void eachSimulatorListensOnLoopbackOnly(String lms) throws Exception {
        // the district demo starts
        try (LmsSimulator running = Simulators.named(lms).start(new SimOptions("small", 1, null))) {
            InetSocketAddress bound = running.server().address();
            String advertised = URI.create(running.baseUrl()).getHost();
            List<String> accepted = new ArrayList<>();
            List<InetAddress> others = nonLoopbackAddresses();
            for (InetAddress other : others) {
                if (connects(new InetSocketAddress(other, bound.getPort()))) {
                    accepted.add(other.getHostAddress());
                }
            }
            // the port is open on loopback, so a refusal elsewhere is the binding, not a dead server
            boolean loopbackOnly = bound.getAddress().isLoopbackAddress() && InetAddress.getByName(advertised).isLoopbackAddress()
                    && connects(new InetSocketAddress(bound.getAddress(), bound.getPort())) && accepted.isEmpty();
            SuiteLedger.record(SuiteLedger.SECRETS, "simulators loopback only", 1 + others.size(), loopbackOnly);
            assertTrue(loopbackOnly, lms + " bound to " + bound + ", advertised " + advertised + ", accepted on " + accepted
                    + " (tried " + others + ")");
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> out = new ArrayList<>();
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nif.isUp() && !nif.isLoopback()) {
                Collections.list(nif.getInetAddresses()).stream().filter(a -> !a.isLoopbackAddress()).forEach(out::add);
            }
        }
        return out;
    }

    /** True when a TCP connection is accepted; a refusal (or no route) is false. */
    private static boolean connects(InetSocketAddress to) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(to, 2_000);
            return true;
        } catch (ConnectException | java.net.NoRouteToHostException | java.net.SocketTimeoutException refused) {
            return false;
        }
    }
}
