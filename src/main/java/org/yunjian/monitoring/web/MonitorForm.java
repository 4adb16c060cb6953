package org.yunjian.monitoring.web;

import org.yunjian.monitoring.Monitor;

/** A monitor's settings as the form posts them (numbers and lists as typed), with the version it was read at. */
public class MonitorForm {

    private String name;
    private String url;
    private String method = "GET";
    private String expectedStatus = "200";
    private String keyword;
    private String intervalSeconds = String.valueOf(Monitor.INTERVAL_DEFAULT);
    private String timeoutSeconds = String.valueOf(Monitor.TIMEOUT_DEFAULT);
    private String crawlDepth = "0";
    private String failuresBeforeAlert = String.valueOf(Monitor.FAILURES_DEFAULT);
    private String dynamicRegions;
    private String allowedHosts;
    private String approvedAddresses;
    private String expiryWarningDays = String.valueOf(Monitor.WARNING_DAYS_DEFAULT);
    private String domainName;
    private String slowAboveMillis;
    private String approvedRegions;
    private String version;

    static MonitorForm of(Monitor m) {
        Monitor.Settings s = Monitor.Settings.of(m);
        MonitorForm f = new MonitorForm();
        f.name = s.name();
        f.url = s.url();
        f.method = s.method();
        f.expectedStatus = s.expectedStatus();
        f.keyword = s.keyword();
        f.intervalSeconds = s.intervalSeconds();
        f.timeoutSeconds = s.timeoutSeconds();
        f.crawlDepth = s.crawlDepth();
        f.failuresBeforeAlert = s.failuresBeforeAlert();
        f.dynamicRegions = s.dynamicRegions();
        f.allowedHosts = s.allowedHosts();
        f.approvedAddresses = s.approvedAddresses();
        f.expiryWarningDays = s.expiryWarningDays();
        f.domainName = s.domainName();
        f.slowAboveMillis = s.slowAboveMillis();
        f.approvedRegions = s.approvedRegions();
        f.version = String.valueOf(m.version());
        return f;
    }

    Monitor.Settings settings() {
        return new Monitor.Settings(
                name,
                url,
                method,
                expectedStatus,
                keyword,
                intervalSeconds,
                timeoutSeconds,
                crawlDepth,
                failuresBeforeAlert,
                dynamicRegions,
                allowedHosts,
                approvedAddresses,
                expiryWarningDays,
                domainName,
                slowAboveMillis,
                approvedRegions);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getExpectedStatus() {
        return expectedStatus;
    }

    public void setExpectedStatus(String expectedStatus) {
        this.expectedStatus = expectedStatus;
    }

    public String getKeyword() {
        return keyword;
    }

    public void setKeyword(String keyword) {
        this.keyword = keyword;
    }

    public String getIntervalSeconds() {
        return intervalSeconds;
    }

    public void setIntervalSeconds(String intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
    }

    public String getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public void setTimeoutSeconds(String timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    public String getCrawlDepth() {
        return crawlDepth;
    }

    public void setCrawlDepth(String crawlDepth) {
        this.crawlDepth = crawlDepth;
    }

    public String getFailuresBeforeAlert() {
        return failuresBeforeAlert;
    }

    public void setFailuresBeforeAlert(String failuresBeforeAlert) {
        this.failuresBeforeAlert = failuresBeforeAlert;
    }

    public String getDynamicRegions() {
        return dynamicRegions;
    }

    public void setDynamicRegions(String dynamicRegions) {
        this.dynamicRegions = dynamicRegions;
    }

    public String getAllowedHosts() {
        return allowedHosts;
    }

    public void setAllowedHosts(String allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    public String getApprovedAddresses() {
        return approvedAddresses;
    }

    public void setApprovedAddresses(String approvedAddresses) {
        this.approvedAddresses = approvedAddresses;
    }

    public String getExpiryWarningDays() {
        return expiryWarningDays;
    }

    public void setExpiryWarningDays(String expiryWarningDays) {
        this.expiryWarningDays = expiryWarningDays;
    }

    public String getDomainName() {
        return domainName;
    }

    public void setDomainName(String domainName) {
        this.domainName = domainName;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getSlowAboveMillis() {
        return slowAboveMillis;
    }

    public void setSlowAboveMillis(String slowAboveMillis) {
        this.slowAboveMillis = slowAboveMillis;
    }

    public String getApprovedRegions() {
        return approvedRegions;
    }

    public void setApprovedRegions(String approvedRegions) {
        this.approvedRegions = approvedRegions;
    }
}
