package cn.liftcare.identity.web;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.liftcare.identity.OrganizationDetails;
import cn.liftcare.identity.OrganizationType;

/** The body of {@code POST /api/v1/organizations}, and the backing bean of the organisation form. */
public class OrganizationRequest {

    private OrganizationType type;
    private String name;
    private String shortName;
    @Schema(description = "统一社会信用代码 (GB 32100-2015), 18 characters with a valid check character",
            example = "91330105MA2H0Q1X7N")
    private String creditCode;
    @Schema(description = "Required for maintenance companies: the 特种设备生产许可证 number")
    private String licenceNo;
    @Schema(description = "GB/T 2260 division: a district (330105) or, for city-wide parties, a city (330100)",
            example = "330105")
    private String regionCode;
    private String phone;
    private String address;

    OrganizationDetails toDetails() {
        return new OrganizationDetails(type, name, shortName, creditCode, licenceNo, regionCode, phone, address);
    }

    public OrganizationType getType() { return type; }
    public void setType(OrganizationType type) { this.type = type; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getShortName() { return shortName; }
    public void setShortName(String shortName) { this.shortName = shortName; }
    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    public String getLicenceNo() { return licenceNo; }
    public void setLicenceNo(String licenceNo) { this.licenceNo = licenceNo; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
}
