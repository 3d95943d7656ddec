package cn.liftcare.policies;

/** A rendered PDF and the file name to offer it under. */
public record PdfFile(String filename, byte[] content) {
}
