/**
 * The network checks of a monitored site (政府网站云计算服务安全指南 8.4.1.2 b, "应定期进行网站的域名及IP合规性检测"):
 * {@link org.yunjian.monitoring.net.TlsCheck} reads the certificate chain a server presents and reports expiry, an
 * untrusted chain, a host name the certificate does not cover and protocol versions below TLS 1.2;
 * {@link org.yunjian.monitoring.net.DnsCheck} compares the name's A, AAAA, CNAME and NS records with the addresses
 * the customer approved and with the last answer, so that a changed resolution (a possible hijacking, 域名安全 d)
 * shows; {@link org.yunjian.monitoring.net.RdapCheck} reads the domain's registration expiry where an RDAP server
 * answers. Each is plain Java with a deadline on every network operation, and turns whatever a server does into a
 * result value and {@link org.yunjian.monitoring.probe.Finding}s, never into an exception.
 */
package org.yunjian.monitoring.net;
