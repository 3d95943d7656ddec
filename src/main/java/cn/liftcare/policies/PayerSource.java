package cn.liftcare.policies;

/** Who pays a share of the premium. */
public enum PayerSource {
    /** 住宅专项维修资金, drawn with the owners' approval. */
    MAINTENANCE_FUND,
    /** The community's common income (公共收益), e.g. advertising and parking. */
    COMMON_INCOME,
    PROPERTY_COMPANY,
    /** A government subsidy, by the product's subsidy rule; never a chosen share. */
    SUBSIDY
}
