package cn.liftcare.incidents;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.District.DistrictView;
import cn.liftcare.registry.LocationManagement;

/**
 * Tells the rescue unit about each dispatch and the district's regulators about each escalation, through
 * every notice channel, in the transaction that made the change.
 */
@Component
class IncidentNotices {

    private final List<NoticeChannel> channels;
    private final OrganizationDirectory organizations;
    private final LocationManagement locations;

    IncidentNotices(List<NoticeChannel> channels, OrganizationDirectory organizations, LocationManagement locations) {
        this.channels = channels;
        this.organizations = organizations;
        this.locations = locations;
    }

    @EventListener
    void on(IncidentDispatched event) {
        send(new NoticeChannel.Notice(event.unitId().value(), "DISPATCHED", event.incidentId(),
                "notice.dispatched." + event.type().name(), List.of(String.valueOf(event.incidentId().value()))));
    }

    @EventListener
    void on(IncidentEscalated event) {
        String districtCode = locations.district(event.districtId()).map(DistrictView::code).orElse(null);
        if (districtCode == null) {
            return;
        }
        organizations.ofType(Scope.SYSTEM, OrganizationType.REGULATOR).stream()
                .filter(regulator -> new cn.liftcare.shared.RegionCode(regulator.regionCode()).covers(districtCode))
                .forEach(regulator -> send(new NoticeChannel.Notice(regulator.id().value(), "ESCALATED",
                        event.incidentId(), "notice.escalated", List.of(String.valueOf(event.incidentId().value())))));
    }

    private void send(NoticeChannel.Notice notice) {
        channels.forEach(channel -> channel.send(notice));
    }
}
