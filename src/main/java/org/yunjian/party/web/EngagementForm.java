package org.yunjian.party.web;

import java.util.ArrayList;
import java.util.List;
import org.yunjian.party.Engagement;
import org.yunjian.party.internal.Inputs;

/** The engagement form as posted; participants as parallel lists of organisation ids and roles. */
public class EngagementForm {

    private String version;

    /** The version of the record the form was opened on (hidden field). */
    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    static final int PARTICIPANT_ROWS = 4;

    private String name;
    private String systemId;
    private String phase;
    private String description;
    private List<String> participantIds = new ArrayList<>();
    private List<String> participantRoles = new ArrayList<>();

    static EngagementForm of(Engagement e) {
        EngagementForm f = new EngagementForm();
        f.version = String.valueOf(e.version());
        f.name = e.name();
        f.systemId = e.systemId().toString();
        f.phase = e.phase().name();
        f.description = e.description();
        e.participants().forEach(p -> {
            f.participantIds.add(p.organizationId().toString());
            f.participantRoles.add(p.role().name());
        });
        return f;
    }

    public int participantRows() {
        return Math.max(PARTICIPANT_ROWS, participantIds.size() + 1);
    }

    public String participantId(int i) {
        return i < participantIds.size() ? participantIds.get(i) : "";
    }

    public String participantRole(int i) {
        return i < participantRoles.size() ? participantRoles.get(i) : "";
    }

    /** Whether participant row {@code i} is left blank (and so not sent). */
    boolean participantBlank(int i) {
        return participantId(i).isBlank() && participantRole(i).isBlank();
    }

    /** The errors of participant row {@code i}, to show next to it. */
    public List<String> participantErrors(java.util.Map<String, String> errors, int i) {
        return ListRowErrors.forRow(errors, "participants", this::participantBlank, i);
    }

    Inputs.EngagementInput toInput() {
        List<Inputs.PartyRef> participants = new ArrayList<>();
        for (int i = 0; i < Math.max(participantIds.size(), participantRoles.size()); i++) {
            if (!participantBlank(i)) {
                participants.add(new Inputs.PartyRef(participantId(i), participantRole(i)));
            }
        }
        return new Inputs.EngagementInput(name, systemId, phase, description, participants);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSystemId() {
        return systemId;
    }

    public void setSystemId(String systemId) {
        this.systemId = systemId;
    }

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getParticipantIds() {
        return participantIds;
    }

    public void setParticipantIds(List<String> participantIds) {
        this.participantIds = participantIds == null ? new ArrayList<>() : participantIds;
    }

    public List<String> getParticipantRoles() {
        return participantRoles;
    }

    public void setParticipantRoles(List<String> participantRoles) {
        this.participantRoles = participantRoles == null ? new ArrayList<>() : participantRoles;
    }
}
