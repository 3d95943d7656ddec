package cn.liftcare.identity;

/** The input for registering an organisation, from a form, the API or the demo seed. */
public record OrganizationDetails(OrganizationType type, String name, String shortName, String creditCode,
        String licenceNo, String regionCode, String phone, String address) {
}
