package org.yunjian.shared.outbound;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;

/** A plain socket that asks the policy about the address it is about to connect to, and does not connect if refused. */
final class GuardedSocket extends Socket {

    private final OutboundPolicy policy;

    GuardedSocket(OutboundPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        try {
            policy.check(endpoint);
        } catch (RefusedAddressException refused) {
            close();
            throw refused;
        }
        super.connect(endpoint, timeout);
    }
}
