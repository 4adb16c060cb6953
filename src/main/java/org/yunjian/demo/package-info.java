/**
 * Demo mode: seeds a sample engagement and one demo account per role so a newcomer sees a populated platform, refused
 * under the production profile.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {})
package org.yunjian.demo;
