package cn.liftcare.incidents;

/**
 * One report as it arrives, from any channel. A resident gives a symptom, perhaps a phone and a photo; a
 * device gives its alarm id and GB/T 24476 fault code.
 */
public record NewReport(Channel channel, Symptom symptom, String description, String phone, byte[] photo,
        String clientHash, String alarmId, String faultCode) {

    public static NewReport resident(Symptom symptom, String description, String phone, byte[] photo, String clientHash) {
        return new NewReport(Channel.RESIDENT, symptom, description, phone, photo, clientHash, null, null);
    }

    public static NewReport byStaff(Channel channel, Symptom symptom, String description, String phone) {
        return new NewReport(channel, symptom, description, phone, null, null, null, null);
    }

    public static NewReport alarm(String alarmId, String faultCode, String description) {
        return new NewReport(Channel.ALARM, Symptom.ALARM, description, null, null, null, alarmId, faultCode);
    }
}
