package org.yunjian.assessment;

import java.util.UUID;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Engagement;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;

/**
 * The world of inherited items: a customer's system on a provider that runs its own platform system (the provider is
 * the platform's customer), with an assessment body engaged on the customer's system.
 */
public record PlatformWorld(
        Organization customer,
        Organization provider,
        Organization assessorOrg,
        CloudSystem system,
        CloudSystem platform) {

    public static PlatformWorld create(Fixtures fixtures) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Organization customer = fixtures.organization("委办局 " + tag, PartyRole.CUSTOMER);
        Organization provider = fixtures.organization("政务云 " + tag, PartyRole.CUSTOMER, PartyRole.PROVIDER);
        Organization assessorOrg = fixtures.organization("测评中心 " + tag, PartyRole.THIRD_PARTY_ASSESSOR);
        CloudSystem system = fixtures.system("门户 " + tag, customer, provider);
        fixtures.engagement(
                "等级测评 " + tag, system, new Engagement.Participant(assessorOrg.id(), PartyRole.THIRD_PARTY_ASSESSOR));
        CloudSystem platform = fixtures.system("政务云平台 " + tag, provider, provider);
        return new PlatformWorld(customer, provider, assessorOrg, system, platform);
    }
}
