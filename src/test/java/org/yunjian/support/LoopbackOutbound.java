package org.yunjian.support;

import java.util.List;
import org.yunjian.shared.outbound.OutboundPolicy;

/** The outbound address policy of the tests' own servers: globally reachable addresses and loopback, nothing else. */
public final class LoopbackOutbound {

    public static final OutboundPolicy POLICY =
            OutboundPolicy.publicOnly("tests").allowing("test-servers", List.of("127.0.0.0/8", "::1/128"));

    private LoopbackOutbound() {}
}
