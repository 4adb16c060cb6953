package org.yunjian.responsibility;

import java.util.UUID;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.Engagement;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;

/**
 * The four partners of the cloud platform under a test world's system — software, hardware, O&amp;M and security
 * service — taking part in one engagement of it, so that the generated matrix has every T/CCIA role.
 */
record MatrixPartners(Organization software, Organization hardware, Organization om, Organization security) {

    static MatrixPartners of(Fixtures fixtures, Fixtures.World w) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        MatrixPartners p = new MatrixPartners(
                fixtures.organization("平台软件商 " + tag, PartyRole.PARTNER_SOFTWARE),
                fixtures.organization("服务器厂商 " + tag, PartyRole.PARTNER_HARDWARE),
                fixtures.organization("运维服务商 " + tag, PartyRole.PARTNER_OM_SERVICE),
                fixtures.organization("安全服务商 " + tag, PartyRole.PARTNER_SECURITY_SERVICE));
        fixtures.engagement(
                "云平台运营 " + tag,
                w.system(),
                new Engagement.Participant(p.software().id(), PartyRole.PARTNER_SOFTWARE),
                new Engagement.Participant(p.hardware().id(), PartyRole.PARTNER_HARDWARE),
                new Engagement.Participant(p.om().id(), PartyRole.PARTNER_OM_SERVICE),
                new Engagement.Participant(p.security().id(), PartyRole.PARTNER_SECURITY_SERVICE));
        return p;
    }
}
