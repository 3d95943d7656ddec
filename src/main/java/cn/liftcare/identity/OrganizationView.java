package cn.liftcare.identity;

/** What other modules and the API may know of an organisation. */
public record OrganizationView(OrganizationId id, OrganizationType type, String name, String shortName,
        String creditCode, String licenceNo, String regionCode, String phone, String address) {

    public String displayName() {
        return shortName != null && !shortName.isBlank() ? shortName : name;
    }
}
