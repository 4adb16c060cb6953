-- Issue 38, 8.4.1.2 b) 域名及IP合规性: what a monitor's network checks judge by, and what they last found.

-- the system's approved addresses and networks (CIDR, one per line; none: addresses are not checked), the days before
-- a certificate's or a registration's expiry to warn, and the domain name whose records and registration are checked
-- (none: the page's host)
ALTER TABLE monitor ADD COLUMN approved_addresses VARCHAR(2000);
ALTER TABLE monitor ADD COLUMN expiry_warning_days INTEGER DEFAULT 30 NOT NULL;
ALTER TABLE monitor ADD COLUMN domain_name VARCHAR(253);

-- the network checks' last run, one row per monitor from its creation: when they were taken (a node takes a due run
-- by moving checked_at from a time at least yunjian.monitoring.network-interval ago, one conditional UPDATE, so
-- at most one run per interval across the nodes; null: never), the name and the DNS answer the next run is compared
-- with (one record a line), and each check's outcome as a message
CREATE TABLE monitor_network (
    monitor_id  UUID                     NOT NULL PRIMARY KEY REFERENCES monitor (id) ON DELETE CASCADE,
    checked_at  TIMESTAMP WITH TIME ZONE,
    dns_name    VARCHAR(253),
    dns_answer  VARCHAR(4000),
    tls_result  VARCHAR(2000),
    dns_result  VARCHAR(2000),
    rdap_result VARCHAR(2000)
);
INSERT INTO monitor_network (monitor_id) SELECT id FROM monitor;
