package cn.liftcare.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.shared.IdSequences;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RegionCode;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/** Registers and amends organisations, and answers questions about them within a scope. */
@Service
public class OrganizationManagement {

    private final Organizations organizations;
    private final OrganizationDirectory directory;
    private final IdSequences ids;
    private final LiftCareTime time;

    OrganizationManagement(Organizations organizations, OrganizationDirectory directory, IdSequences ids,
            LiftCareTime time) {
        this.organizations = organizations;
        this.directory = directory;
        this.ids = ids;
        this.time = time;
    }

    @Transactional
    public OrganizationView register(OrganizationDetails details) {
        List<Violation> violations = validate(details);
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        Organization organization = Organization.register(new OrganizationId(ids.next("organization")), details,
                time.now());
        return organizations.save(organization).view();
    }

    @Transactional
    public OrganizationView amend(Scope scope, OrganizationId id, String name, String shortName, String licenceNo,
            String phone, String address) {
        Organization organization = directory.find(scope, id)
                .flatMap(v -> organizations.findById(v.id()))
                .orElseThrow(() -> new NotFoundException("organization", id.value()));
        List<Violation> violations = new ArrayList<>();
        requireText(violations, "name", name, 200);
        if (organization.type() == OrganizationType.MAINTENANCE_COMPANY) {
            requireText(violations, "licenceNo", licenceNo, 64);
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        return organizations.save(organization.amend(name.strip(), blankToNull(shortName), blankToNull(licenceNo),
                blankToNull(phone), blankToNull(address))).view();
    }

    public Optional<OrganizationView> byCreditCode(String creditCode) {
        return organizations.findByCreditCode(CreditCode.normalise(creditCode)).map(Organization::view);
    }

    /** Unscoped lookup, for resolving references between modules (the caller already holds the id). */
    public Optional<OrganizationView> byId(OrganizationId id) {
        return organizations.findById(id).map(Organization::view);
    }

    List<Violation> validate(OrganizationDetails d) {
        List<Violation> violations = new ArrayList<>();
        if (d.type() == null) {
            violations.add(Violation.of("type", "validation.required"));
        }
        requireText(violations, "name", d.name(), 200);
        if (d.type() == null || d.type().needsCreditCode()) {
            CreditCode.check("creditCode", d.creditCode()).ifPresentOrElse(violations::add, () -> {
                if (organizations.findByCreditCode(CreditCode.normalise(d.creditCode())).isPresent()) {
                    violations.add(Violation.of("creditCode", "creditCode.duplicate", CreditCode.normalise(d.creditCode())));
                }
            });
        }
        if (d.type() == OrganizationType.MAINTENANCE_COMPANY) {
            requireText(violations, "licenceNo", d.licenceNo(), 64);
        }
        if (!RegionCode.isValid(d.regionCode())) {
            violations.add(Violation.of("regionCode", "region.invalid"));
        }
        return violations;
    }

    private static void requireText(List<Violation> violations, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            violations.add(Violation.of(field, "validation.required"));
        }
        else if (value.strip().length() > max) {
            violations.add(Violation.of(field, "validation.tooLong", max));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
