package org.yunjian.party.web;

import java.util.ArrayList;
import java.util.List;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.Organization;
import org.yunjian.party.internal.Inputs;

/** The organisation form as posted. */
public class OrganizationForm {

    private String version;

    /** The version of the record the form was opened on (hidden field). */
    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    private String name;
    private String creditCode;
    private String region;
    private List<String> roles = new ArrayList<>();

    /** On a new organisation: whom to invite as its first 组织管理员 (both blank: nobody yet). */
    private String email;

    private String displayName;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    static OrganizationForm of(Organization o) {
        OrganizationForm f = new OrganizationForm();
        f.version = String.valueOf(o.version());
        f.name = o.name();
        f.creditCode = o.creditCode().value();
        f.region = o.region();
        f.roles =
                new ArrayList<>(o.roles().stream().sorted().map(PartyRole::name).toList());
        return f;
    }

    Inputs.OrganizationInput toInput() {
        return new Inputs.OrganizationInput(name, creditCode, region, roles);
    }

    public boolean has(PartyRole role) {
        return roles != null && roles.contains(role.name());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(String creditCode) {
        this.creditCode = creditCode;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : roles;
    }
}
