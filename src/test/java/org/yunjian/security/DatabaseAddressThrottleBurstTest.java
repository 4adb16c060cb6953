package org.yunjian.security;

import org.springframework.test.context.TestPropertySource;

/** {@link AddressThrottleBurstTest} with the throttle in the database ({@code login_throttle}), as on two nodes. */
@TestPropertySource(properties = "yunjian.sessions.store=database")
class DatabaseAddressThrottleBurstTest extends AddressThrottleBurstTest {}
