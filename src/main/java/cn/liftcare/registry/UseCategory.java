package cn.liftcare.registry;

/** Where an elevator is used (使用场所), which drives its traffic and so its risk. */
public enum UseCategory {
    RESIDENTIAL, OFFICE, HOSPITAL, SCHOOL, SHOPPING, HOTEL, PUBLIC_TRANSPORT, INDUSTRIAL, OTHER
}
