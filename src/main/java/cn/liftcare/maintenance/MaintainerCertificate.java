package cn.liftcare.maintenance;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.UserId;
import cn.liftcare.shared.AuditedChange;

/** A maintainer's 特种设备作业人员证 (elevator operation certificate); expired, they may not be assigned. */
@Table("maintainer_certificate")
public class MaintainerCertificate extends AbstractAggregateRoot<MaintainerCertificate> {

    @Id
    private final UserId userId;
    private final OrganizationId companyId;
    private String certificateNo;
    private LocalDate expiresOn;
    @Version
    private Integer version;

    @PersistenceCreator
    MaintainerCertificate(UserId userId, OrganizationId companyId, String certificateNo, LocalDate expiresOn,
            Integer version) {
        this.userId = userId;
        this.companyId = companyId;
        this.certificateNo = certificateNo;
        this.expiresOn = expiresOn;
        this.version = version;
    }

    static MaintainerCertificate issue(UserId user, OrganizationId company, String number, LocalDate expiresOn) {
        MaintainerCertificate certificate = new MaintainerCertificate(user, company, number, expiresOn, null);
        certificate.registerEvent(new CertificateChanged(user, null, certificate.view()));
        return certificate;
    }

    MaintainerCertificate renew(String number, LocalDate expiresOn) {
        CertificateView before = view();
        this.certificateNo = number;
        this.expiresOn = expiresOn;
        registerEvent(new CertificateChanged(userId, before, view()));
        return this;
    }

    public boolean validOn(LocalDate day) {
        return !day.isAfter(expiresOn);
    }

    public CertificateView view() {
        return new CertificateView(userId, companyId, certificateNo, expiresOn);
    }

    public record CertificateView(UserId userId, OrganizationId companyId, String certificateNo, LocalDate expiresOn) {
    }

    public record CertificateChanged(UserId userId, CertificateView before, CertificateView after)
            implements AuditedChange<CertificateView> {

        @Override
        public String entityType() {
            return "maintainer_certificate";
        }

        @Override
        public String entityId() {
            return String.valueOf(userId.value());
        }
    }
}
